"""The clerk's usual job, done with the mouse and keyboard only, counted: open the app, pick the
directive, answer its tasks (three with figures), generate, open the file. The counts are printed
for the closing note and held under a budget, so a change that adds steps fails here."""

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QPushButton, QWidget

from assistant.core.model import TaskStatus
from assistant.gui.main_window import MainWindow
from tests.test_gui import Answers, with_profile
from tests.test_gui_drafts import OWN, library  # noqa: F401 — the fixture

BUDGET_CLICKS = 14
BUDGET_KEYS = 22


class Hands:
    """Every click and keystroke goes through here, and is counted."""

    def __init__(self, qtbot) -> None:
        self.qtbot, self.clicks, self.keys = qtbot, 0, 0

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        self.clicks += 1
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.LeftButton, pos=pos)

    def type(self, widget: QWidget, text: str) -> None:
        self.click(widget)
        self.keys += len(text)
        self.qtbot.keyClicks(widget, text)

    def row(self, view: QAbstractItemView, row: int) -> None:
        index = view.model().index(row, 0)
        view.scrollTo(index)
        self.click(view.viewport(), view.visualRect(index).center())

    def choose(self, combo: QComboBox, data: str) -> None:
        """Open the list with a click, then the item's first letters and Enter."""
        self.click(combo)
        combo.hidePopup()
        self.keys += 1
        combo.setCurrentIndex(combo.findData(data))


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True
    )
    return urls


def test_the_usual_job_in_counted_clicks_and_keystrokes(
    qtbot,
    library: Path,  # noqa: F811
    monkeypatch,
    tmp_path: Path,
    opened: list[str],
) -> None:
    clerk = Answers(monkeypatch, tmp_path / "out" / "báo cáo.docx")
    window = MainWindow(with_profile(library), open_results=True)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    hands = Hands(qtbot)

    bar = window.tabs.tabBar()
    hands.click(bar, bar.tabRect(window.tabs.indexOf(window.compose)).center())
    hands.row(
        window.list,
        window.proxy.mapFromSource(window.model.index(window.model.row_of(OWN), 0)).row(),
    )
    editor = window.editor
    video, ratio, conduct, censor = editor.tasks
    for box in (video, ratio, conduct, censor):
        editor.ensureWidgetVisible(box.included)
        hands.click(box.included, QPoint(8, box.included.height() // 2))  # on the box itself
    for field, text in (
        (video.figures.fields["facebook.clips"], "40"),
        (video.figures.fields["facebook.views"], "125000"),
        (ratio.figures.fields["facebook.total"], "500"),
        (ratio.figures.fields["facebook.negative"], "40"),
        (conduct.figures.fields["staff_total"], "120"),
        (conduct.figures.fields["staff_briefed"], "118"),
    ):
        editor.ensureWidgetVisible(field)
        hands.type(field, text)
    editor.ensureWidgetVisible(censor.status)
    hands.choose(censor.status, TaskStatus.NOT_REPORTED.value)
    # Ctrl+G does the same; an offscreen window is never the active one that shortcuts need.
    (generate,) = [
        b for b in window.findChildren(QPushButton) if b.text().startswith("Tạo báo cáo")
    ]
    hands.click(generate)
    hands.keys += 1  # Enter in the save dialog, on the name proposed
    qtbot.waitUntil(lambda: "Đã lưu báo cáo" in clerk.texts("inform"), timeout=15000)
    hands.keys += 1  # Enter on «Đã lưu báo cáo»; the file then opens by itself

    out = tmp_path / "out" / "báo cáo.docx"
    assert opened == [str(out)]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "125.000 lượt xem" in text and "chiếm tỷ lệ 8,0%" in text
    print(f"\nusual job: {hands.clicks} clicks, {hands.keys} keystrokes")
    assert hands.clicks <= BUDGET_CLICKS and hands.keys <= BUDGET_KEYS
