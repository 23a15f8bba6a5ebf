"""Generate a report document: layout, write, and save atomically. Used by the CLI and the window."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_bytes
from assistant.core.layout import ReportLayout, build_layout
from assistant.core.model import Report
from assistant.core.warnings import report_warnings
from assistant.render.docx_writer import write_docx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class GeneratedReport:
    path: Path
    sha256: str
    layout: ReportLayout
    warnings: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.layout.plain_text()


def generate(report: Report, out: Path, template_dirs: Sequence[Path] = ()) -> GeneratedReport:
    """Write the report to ``out``; nothing is written unless the whole document was built."""
    layout = build_layout(report, template_dirs)
    data = write_docx(layout)
    try:
        atomic_write_bytes(out, data)
    except PermissionError as exc:
        raise UserError(
            f"Không ghi được tệp «{out.name}»: tệp đang mở trong Word hoặc thư mục không cho phép "
            "ghi. Hãy đóng tệp hoặc lưu với tên khác.",
            f"write {out}: {exc}",
        ) from exc
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp «{out}»: {exc.strerror}.", f"write {out}: {exc}"
        ) from exc
    log.info("wrote %s (%d bytes)", out, len(data))
    return GeneratedReport(
        out, hashlib.sha256(data).hexdigest(), layout, tuple(report_warnings(report))
    )
