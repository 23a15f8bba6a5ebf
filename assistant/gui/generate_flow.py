"""Generate off the UI thread: ask where, write through the history, explain a locked file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from assistant.core.errors import UserError
from assistant.core.model import Report
from assistant.core.naming import report_file_name
from assistant.gui import messages
from assistant.storage.history import History


class _Signals(QObject):
    done = Signal(int, object)  # entry id, GeneratedReport
    failed = Signal(object)  # UserError


class _Job(QRunnable):
    """Runs in the pool with its own History connection; never touches a widget."""

    def __init__(self, data_dir: Path, report: Report, out: Path, entry_id: int | None) -> None:
        super().__init__()
        self.args = (data_dir, report, out, entry_id)
        self.signals = _Signals()

    def run(self) -> None:
        data_dir, report, out, entry_id = self.args
        history = History.open_in(data_dir)
        try:
            self.signals.done.emit(
                *history.generate(
                    report, out, entry_id=entry_id, template_dirs=[data_dir / "templates"]
                )
            )
        except UserError as exc:
            self.signals.failed.emit(exc)
        finally:
            history.close()


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
        self.progress: QProgressDialog | None = None

    def start(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        proposed = str(Path(folder) / report_file_name(self.report.directive, self.report.date))
        self._ask_and_run(proposed)

    def _ask_and_run(self, proposed: str) -> None:
        path = messages.ask_save_path(self.widget, self.tr("Lưu báo cáo"), proposed)
        if not path:
            self.abandoned.emit()
            return
        self.progress = QProgressDialog(self.tr("Đang tạo báo cáo…"), "", 0, 0, self.widget)
        self.progress.setCancelButton(None)
        self.progress.setMinimumDuration(300)
        job = _Job(self.data_dir, self.report, Path(path), self.entry_id)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(lambda exc: self._failed(exc, path))
        self._job = job  # keep the signals alive until they fire
        QThreadPool.globalInstance().start(job)

    def _close_progress(self) -> None:
        if self.progress:
            self.progress.close()
            self.progress = None

    def _done(self, entry_id: int, result) -> None:
        self._close_progress()
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
        self._close_progress()
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
        self._ask_and_run(str(stem.with_name(f"{stem.stem} (bản mới){stem.suffix}")))
