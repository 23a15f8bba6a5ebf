"""Draws the program's icon (a report sheet on a blue tile) and writes the files the window, the
PyInstaller spec and the installer use:

    python scripts/make_icon.py   # → packaging/icon.ico (exe, installer), assistant/gui/icon.png

Each size of the .ico is drawn at that size by Qt (crisp at 16 px, not a shrunken 256 px);
Pillow (the dev extra) assembles them into one .ico.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen, QPolygonF

ROOT = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
TILE, PAGE, FOLD, INK, TICK = "#1d5fa8", "#ffffff", "#c9d6e6", "#8aa0b8", "#d62d20"


def pen(color: str, width: float) -> QPen:
    return QPen(
        QColor(color),
        width,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap,
        Qt.PenJoinStyle.RoundJoin,
    )


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)  # drawn on a 256-unit grid
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(TILE))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    sheet = QPainterPath()
    sheet.addPolygon(
        QPolygonF(
            [QPointF(x, y) for x, y in ((64, 36), (158, 36), (196, 74), (196, 220), (64, 220))]
        )
    )
    p.setBrush(QColor(PAGE))
    p.drawPath(sheet)
    p.setBrush(QColor(FOLD))
    p.drawPolygon(QPolygonF([QPointF(158, 36), QPointF(196, 74), QPointF(158, 74)]))
    # Text lines: fewer and thicker when small, so they still read as lines.
    small = size <= 32
    p.setPen(pen(INK, 14 if small else 9))
    for y in (100, 140) if small else (92, 116, 140, 164):
        p.drawLine(QPointF(86, y), QPointF(174, y))
    p.setPen(pen(TICK, 22 if small else 16))
    p.drawPolyline(QPolygonF([QPointF(120, 192), QPointF(146, 214), QPointF(206, 150)]))
    p.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data())))


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = [to_pillow(draw(size)) for size in SIZES]
    images[-1].save(ROOT / "assistant" / "gui" / "icon.png")  # the window's, in the wheel too
    ico = ROOT / "packaging" / "icon.ico"
    images[-1].save(ico, sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
