"""Generate off the UI thread: ask where, write through the history, explain a locked file."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from assistant.core.errors import UserError
from assistant.core.model import Report
from assistant.core.naming import report_file_name
from assistant.gui import messages
from assistant.gui.background import Background
from assistant.storage.history import History


def _tr(text: str) -> str:
    return QCoreApplication.translate("GenerateFlow", text)


def open_path(widget: QWidget | None, path: str | Path | None, folder: bool = False) -> bool:
    """Open a report (or its folder) with the system; a Vietnamese message when it cannot."""
    if not path:
        messages.warn(widget, _tr("Mở tệp"), _tr("Báo cáo này chưa có tệp (còn là bản nháp)."))
        return False
    path = Path(path)
    target = path.parent if folder else path
    if not path.exists():
        messages.warn(
            widget,
            _tr("Mở tệp"),
            _tr(
                "Không còn tệp «{name}» ở chỗ cũ:\n{path}\n\nCó thể tệp đã bị chuyển đi, đổi tên "
                "hoặc xóa. Nội dung báo cáo vẫn còn trong lịch sử."
            ).format(name=path.name, path=path),
        )
        if not folder or not target.is_dir():
            return False
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        messages.warn(
            widget,
            _tr("Mở tệp"),
            _tr(
                "Máy tính không mở được «{path}». Nếu là tệp .docx, hãy cài Microsoft Word hoặc "
                "LibreOffice, hoặc mở tệp từ thư mục của nó."
            ).format(path=target),
        )
        return False
    return True


def why_not(history: History, target: Path) -> str:
    """Why the chosen file must not be written over, or "" when it may be."""
    recorded = history.recorded_at(target)
    if recorded is not None:
        number = recorded.number_text or f"#{recorded.id}"
        sent = _tr("đã gửi") if recorded.status == "submitted" else _tr("đã tạo")
        return _tr(
            "Tệp «{name}» là báo cáo {number} ({sent}) đã lưu trong lịch sử; chương trình "
            "không ghi đè lên báo cáo đã lưu."
        ).format(name=target.name, number=number, sent=sent)
    if target.is_file() and not os.access(target, os.W_OK):
        return _tr("Tệp «{name}» chỉ được đọc (không ghi được).").format(name=target.name)
    return ""


class GenerateFlow(QObject):
    """One generation: save dialog → worker → result or a clear message (with a retry)."""

    finished = Signal(int, object)
    abandoned = Signal()

    def __init__(
        self,
        parent: QWidget,
        data_dir: Path,
        report: Report,
        entry_id: int | None,
        open_result: bool = True,
        history: History | None = None,
    ) -> None:
        super().__init__(parent)
        self.history = history  # the window's own, for quick look-ups on the UI thread
        self.widget, self.data_dir, self.report, self.entry_id = parent, data_dir, report, entry_id
        self.open_result = open_result
        self.work: Background | None = None

    def start(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        proposed = str(Path(folder) / report_file_name(self.report.directive, self.report.date))
        self._ask_and_run(proposed)

    def _ask_and_run(self, proposed: str) -> None:
        path = messages.ask_save_path(self.widget, self.tr("Lưu báo cáo"), proposed)
        if not path:
            self.abandoned.emit()
            return
        out = Path(path)
        if self._target_is_free(out):
            self._run(out)

    def _target_is_free(self, out: Path) -> bool:
        """A recorded or read-only file is never the target: a free name is proposed, with why,
        before anything is generated. False when the flow went on (or ended) another way."""
        history = self.history or History.open_in(self.data_dir)
        try:
            reason = why_not(history, out)
            free = history.free_name(out) if reason else out
        finally:
            if history is not self.history:
                history.close()
        if not reason:
            return True
        if messages.ask(
            self.widget,
            self.tr("Lưu với tên khác"),
            reason + "\n\n" + self.tr("Lưu báo cáo mới với tên «{name}»?").format(name=free.name),
        ):
            self._run(free)
        else:
            self._ask_and_run(str(free))
        return False

    def _run(self, out: Path) -> None:
        self.work = Background(
            self.widget,
            self.tr("Đang tạo báo cáo…"),
            lambda: self._generate(out),
            lambda done: self._done(*done),
            lambda exc: self._failed(exc, str(out)),
        ).start()

    def _generate(self, out: Path):
        """In the worker thread: its own History connection, as SQLite connections stay put."""
        history = History.open_in(self.data_dir)
        try:
            return history.generate(
                self.report,
                out,
                entry_id=self.entry_id,
                template_dirs=[self.data_dir / "templates"],
            )
        finally:
            history.close()

    def _done(self, entry_id: int, result) -> None:
        notes = "\n".join(result.warnings)
        messages.inform(
            self.widget,
            self.tr("Đã tạo báo cáo"),
            self.tr("Đã lưu báo cáo vào:\n{path}").format(path=result.path)
            + (f"\n\n{notes}" if notes else ""),
        )
        if self.open_result:
            open_path(self.widget, result.path)
        self.finished.emit(entry_id, result)

    def _failed(self, exc: UserError, path: str) -> None:
        if exc.field or not messages.ask(
            self.widget,
            self.tr("Không lưu được"),
            exc.message + "\n\n" + self.tr("Lưu với tên khác?"),
        ):
            if exc.field:
                messages.warn(self.widget, self.tr("Chưa tạo được báo cáo"), exc.message)
            self.abandoned.emit()
            return
        stem = Path(path)
        another = self.tr("{name} (bản mới)").format(name=stem.stem) + stem.suffix
        self._ask_and_run(str(stem.with_name(another)))
