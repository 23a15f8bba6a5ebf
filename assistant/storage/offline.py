"""While the agency's server cannot be reached (or logged into): drafts are kept on this PC,
nothing else.

The window then works on ``offline-drafts.sqlite3`` in the data folder, a SQLite history that
holds drafts only: what the clerk types is saved there as always, and generating, numbering or
marking sent are refused (the number register is the server's). Once the server answers again (at
the next start, or «Thử lại»), ``move_to_server`` copies those drafts onto it (``transfer``,
which never overwrites nor copies twice) and removes the file when all were copied.
"""

from __future__ import annotations

from pathlib import Path

from assistant.core.errors import UserError
from assistant.storage.contract import Filters, ServerNotOpened
from assistant.storage.history import History
from assistant.storage.sqlite_store import SqliteStore
from assistant.storage.transfer import Transfer, copy_history

OFFLINE_FILE = "offline-drafts.sqlite3"
_ALL = Filters(archived=None)


class OfflineStore(SqliteStore):
    """A SQLite history that takes drafts only."""

    def insert_report(self, values: dict) -> int:
        _drafts_only(values)
        return super().insert_report(values)

    def update_report(self, entry_id: int, values: dict) -> None:
        _drafts_only(values)
        super().update_report(entry_id, values)


def _drafts_only(values: dict) -> None:
    if values.get("status", "draft") != "draft":
        raise UserError(
            "Chưa kết nối được máy chủ dữ liệu nên chưa thể tạo báo cáo, cấp số hay đánh dấu đã "
            "gửi; bản nháp vẫn được lưu trên máy này. Hãy thử lại khi máy chủ đã kết nối "
            "(Công cụ → «Kết nối máy chủ dữ liệu…» → «Thử lại»).",
            f"offline: refused status {values['status']!r}",
        )


def open_history(data_dir: Path) -> tuple[History, ServerNotOpened | None]:
    """The data folder's history; when its server cannot be reached or logged into, the offline
    drafts instead, with the reason."""
    try:
        return History.open_in(data_dir), None
    except ServerNotOpened as exc:
        return History(OfflineStore(data_dir / OFFLINE_FILE)), exc


def keep_on_this_pc(data_dir: Path, directive, answers: dict) -> int:
    """A draft the server could not take (it went away while the window was open), kept with
    the offline drafts: offered for moving to the server at the next start."""
    history = History(OfflineStore(data_dir / OFFLINE_FILE))
    try:
        return history.save_draft(directive, answers)
    finally:
        history.close()


def waiting(data_dir: Path) -> int:
    """How many drafts were typed offline and not yet moved to the server."""
    path = data_dir / OFFLINE_FILE
    if not path.exists():
        return 0
    store = OfflineStore(path, session=False)
    try:
        return store.count(_ALL)
    finally:
        store.close()


def move_to_server(data_dir: Path, server: History) -> Transfer:
    """Copy the offline drafts onto ``server``; the file goes once every one is there."""
    path = data_dir / OFFLINE_FILE
    store = OfflineStore(path, session=False)
    try:
        done = copy_history(store, server.store)
    finally:
        store.close()
    if not done.conflicts:
        path.unlink()
    return done
