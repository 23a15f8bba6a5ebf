"""Generate off the UI thread: ask where, write through the history, explain a locked file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from assistant.core.errors import UserError
from assistant.core.model import Report
from assistant.core.naming import report_file_name
from assistant.gui import messages
from assistant.gui.background import Background
from assistant.storage.history import History


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
    ) -> None:
        super().__init__(parent)
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
        self.work = Background(
            self.widget,
            self.tr("Đang tạo báo cáo…"),
            lambda: self._generate(out),
            lambda done: self._done(*done),
            lambda exc: self._failed(exc, path),
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
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
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
