"""Generate a report document: layout, render to .docx bytes, and save atomically.

Used by the CLI and the window. The history (``storage/history.py``) uses the same three steps,
with its own commit between them, so that no finished document exists without its entry.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.core.errors import UserError, os_error
from assistant.core.fileio import atomic_write_bytes
from assistant.core.layout import ReportLayout, build_layout
from assistant.core.model import Report
from assistant.core.readiness import require_ready
from assistant.core.warnings import report_warnings
from assistant.render.docx_writer import write_docx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RenderedReport:
    """A report's finished .docx bytes, not yet on disk."""

    data: bytes
    sha256: str
    layout: ReportLayout
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class GeneratedReport:
    """A report written to disk: where, its fingerprint, its layout and warnings."""

    path: Path
    sha256: str
    layout: ReportLayout
    warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.layout.plain_text()


def render(report: Report, template_dirs: Sequence[Path] = ()) -> RenderedReport:
    """The finished document, once the report states all it must (``core/readiness.py``)."""
    require_ready(report)
    layout = build_layout(report, template_dirs)
    data = write_docx(layout)
    return RenderedReport(
        data, hashlib.sha256(data).hexdigest(), layout, tuple(report_warnings(report))
    )


def checked_target(out: Path) -> Path:
    """The absolute path a report may be written to, its folder created; refuses, before anything
    is reserved, a folder, a read-only file, or a file another program holds open (Word)."""
    target = Path(os.path.abspath(out))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
        if not target.exists():
            return target
        # The mode bits, not os.access: an administrator may write anything, but a file marked
        # read-only (the Windows attribute shows as a missing write bit) is kept as it is.
        if not target.stat().st_mode & stat.S_IWUSR:
            raise UserError(
                f"Tệp «{target.name}» chỉ cho phép đọc nên không ghi đè được; hãy lưu với tên khác.",
                f"target {target} is read-only",
            )
        with open(target, "r+b"):  # opening for writing changes nothing, but fails on a lock
            pass
    except OSError as exc:
        raise os_error(exc, target, "ghi") from exc
    return target


def generate(report: Report, out: Path, template_dirs: Sequence[Path] = ()) -> GeneratedReport:
    """Write the report to ``out`` (outside the history); nothing is written unless the whole
    document was built."""
    rendered = render(report, template_dirs)
    target = checked_target(out)
    try:
        atomic_write_bytes(target, rendered.data)
    except OSError as exc:
        raise os_error(exc, target, "ghi") from exc
    log.info("wrote %s (%d bytes)", target, len(rendered.data))
    return GeneratedReport(target, rendered.sha256, rendered.layout, rendered.warnings)
