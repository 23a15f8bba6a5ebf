"""The report in the editor of «Soạn báo cáo», and how it is kept as a draft.

- Saved as the clerk types (after a pause), on switching and on closing; never a report the clerk
  has not touched.
- A directive has one draft per period: a period typed over another draft's is kept off (the draft
  keeps its saved period, everything else typed is saved) and the line under the period says which
  draft holds it.
- A report once generated stays as it is: what is typed after it starts a new draft.
- When the server goes away mid-session, what is typed stays in the editor and is tried again
  after a minute; closing the window first keeps it on this PC (``storage/offline.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.gui.report_editor import ReportEditor
from assistant.storage import offline
from assistant.storage.contract import ServerNotOpened

AUTOSAVE_MS = 500
SERVER_RETRY_S = 60  # after the server went away, the next try to save a draft to it


class DraftKeeper(QObject):
    said = Signal(str)  # what became of the draft, for the window's status line
    listed = Signal()  # a new row in the history (the «Lịch sử» tab lists it)

    def __init__(self, window: QMainWindow, history, data_dir: Path) -> None:
        super().__init__(window)
        self.window, self.history, self.data_dir = window, history, data_dir
        self.editor: ReportEditor | None = None
        # The entry shown in the editor: a draft, or the report just generated from it.
        self.draft_id: int | None = None
        self.dirty = False  # typed since loaded or saved
        self.saved_period: dict = {}  # the period of the draft as saved (or as opened)
        self.shown_is_draft = True  # False once the entry shown is generated
        self.server_retry_at = 0.0  # after the server went away: no save tried before this
        self.server_lost = self.told_server_lost = False
        self._loading = False
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill the editor without it counting as typing."""
        self._loading = True
        try:
            yield
        finally:
            self._loading = False

    def attach(self, editor: ReportEditor) -> None:
        """A new editor in the window (another directive, or the same one made again)."""
        self.editor = editor
        editor.changed.connect(self.changed)

    def fresh(self, period: dict | None = None) -> None:
        """A blank report (for ``period`` when given), saved only once the clerk types."""
        self.draft_id, self.dirty, self.saved_period = None, False, period or {}
        if period:
            with self.loading():
                self.editor.set_period(period)

    def load(self, entry) -> None:
        """Show the history's ``entry`` in the editor, without saving anything."""
        with self.loading():
            self.editor.load(entry.answers)
        self.autosave.stop()
        self.draft_id, self.dirty = entry.id, False
        self.shown_is_draft = entry.status == "draft"
        self.saved_period = entry.answers.get("period") or {}

    def forget(self) -> None:
        """The draft shown was deleted: nothing typed is saved any more."""
        self.autosave.stop()
        self.dirty = False

    def generated(self, entry_id: int) -> None:
        """The draft became report ``entry_id``: edits from now on start a new draft."""
        self.draft_id, self.dirty, self.shown_is_draft = entry_id, False, False

    def changed(self) -> None:
        if self._loading:
            return
        if not self.dirty:
            self.dirty = True
            if self.draft_id is not None and not self.shown_is_draft:
                self.said.emit(
                    self.tr(
                        "Báo cáo #{id} đã tạo được giữ nguyên; sửa đổi từ đây lưu thành bản nháp mới"
                    ).format(id=self.draft_id)
                )
        self.autosave.start()

    def keep(self) -> None:
        """Save what the editor shows as the draft now, typed or not (a new period's report
        started from the last one's)."""
        self.dirty = True
        self.save()

    def save(self) -> None:
        """Save what was typed (debounced while typing); never a second draft for one period."""
        self.autosave.stop()
        if not self.editor or not self.dirty:
            return
        if time.monotonic() < self.server_retry_at:
            return  # the server went away a moment ago: not a 10-second wait at every pause
        before = self.draft_id
        try:
            answers = self._without_clash(self.editor.answers())
            self.draft_id = self.history.save_draft(self.editor.directive, answers, self.draft_id)
        except ServerNotOpened as exc:
            self._server_lost(exc)
            return
        except UserError as exc:
            messages.warn(self.window, self.tr("Không lưu được bản nháp"), exc.message)
            return
        self.server_retry_at, self.server_lost = 0.0, False
        self.shown_is_draft = True
        self.dirty, self.saved_period = False, answers.get("period") or {}
        if before is not None and before != self.draft_id:
            text = self.tr("Đã lưu bản nháp mới #{id} (báo cáo #{old} giữ nguyên)").format(
                id=self.draft_id, old=before
            )
        else:
            text = self.tr("Đã lưu nháp #{id}").format(id=self.draft_id)
        self.said.emit(text)
        if before != self.draft_id:  # a new row; an edited draft's row needs no reload per key
            self.listed.emit()

    def close(self) -> None:
        """The window closes: one last try to save, now; else the draft stays on this PC."""
        self.server_retry_at = 0.0
        self.save()
        self._keep_unsaved_on_this_pc()

    def _server_lost(self, exc: ServerNotOpened) -> None:
        """Said once in a dialog, then in the status bar."""
        self.server_retry_at, self.server_lost = time.monotonic() + SERVER_RETRY_S, True
        text = self.tr(
            "Mất kết nối máy chủ dữ liệu: bản nháp đang soạn chưa được lưu lên máy chủ; chương "
            "trình thử lại sau một phút. Đóng chương trình thì bản nháp được giữ trên máy này."
        )
        self.window.statusBar().showMessage(text)
        if not self.told_server_lost:
            self.told_server_lost = True
            messages.warn(
                self.window, self.tr("Mất kết nối máy chủ dữ liệu"), exc.message + "\n\n" + text
            )

    def _keep_unsaved_on_this_pc(self) -> None:
        """Typing the server never took goes to this PC's offline drafts, offered for moving to
        the server at the next start."""
        if not (self.editor and self.dirty and self.server_lost):
            return
        try:
            kept = offline.keep_on_this_pc(
                self.data_dir, self.editor.directive, self.editor.answers()
            )
        except UserError as exc:
            messages.warn(self.window, self.tr("Không lưu được bản nháp"), exc.message)
            return
        messages.inform(
            self.window,
            self.tr("Bản nháp giữ trên máy này"),
            self.tr(
                "Máy chủ dữ liệu chưa kết nối lại, nên bản nháp đang soạn được giữ trên máy này "
                "(bản nháp #{id}). Lần mở sau, khi máy chủ đã kết nối, chương trình sẽ hỏi để "
                "chuyển lên máy chủ."
            ).format(id=kept),
        )

    def _without_clash(self, answers: dict) -> dict:
        other = self.history.newest_draft(self.editor.directive.id, answers)
        clash = None if other in (None, self.draft_id) else other
        message = ""
        if clash is not None:
            message = self.tr(
                "Kỳ này đã có bản nháp #{id} (mở trong «Lịch sử»); bản nháp này vẫn giữ kỳ cũ."
            ).format(id=clash)
            answers = {**answers, "period": self.saved_period}
        self.editor.period_clash.set_message(message)
        return answers
