"""Run a core call off the UI thread with a progress indicator (as Anki's CollectionOp).

The call gets no widget; its result or its UserError comes back to the UI thread through a
queued signal, where the callbacks may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from assistant.core.errors import UserError

SHOW_PROGRESS_AFTER_MS = 300  # quicker work finishes before a dialog would flash


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], object], signals: _Signals) -> None:
        super().__init__()
        self.call, self.signals = call, signals

    def run(self) -> None:
        try:
            result = self.call()
        except UserError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug: still close the progress dialog and say so
            self.signals.failed.emit(
                UserError(
                    QCoreApplication.translate(
                        "Background", "Có lỗi không mong đợi; công việc chưa hoàn thành."
                    ),
                    f"{type(exc).__name__}: {exc}",
                )
            )
        else:
            self.signals.done.emit(result)


class Background(QObject):
    """One call in the thread pool; ``on_done(result)`` or ``on_failed(UserError)`` afterwards."""

    def __init__(
        self,
        parent: QWidget,
        label: str,
        call: Callable[[], object],
        on_done: Callable[[object], None],
        on_failed: Callable[[UserError], None],
    ) -> None:
        super().__init__(parent)  # the parent keeps this object alive until the call returns
        self.on_done, self.on_failed = on_done, on_failed
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModal)
        self.progress.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        self.signals = _Signals()
        # Bound slots of this UI-thread object make the connections queued.
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        self.job = _Job(call, self.signals)
        self.job.setAutoDelete(False)
        self.running = True

    def start(self) -> Background:
        QThreadPool.globalInstance().start(self.job)
        return self

    def _finish(self) -> None:
        self.running = False
        self.progress.reset()
        self.progress.deleteLater()
        self.deleteLater()

    @Slot(object)
    def _done(self, result: object) -> None:
        self._finish()
        self.on_done(result)

    @Slot(object)
    def _failed(self, exc: UserError) -> None:
        self._finish()
        self.on_failed(exc)
