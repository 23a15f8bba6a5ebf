"""What a crash while generating leaves, and how the next opening of the history puts it right.

Generating (``History.generate``) commits twice around the file write:

1. *reserve*: in one transaction the outgoing number is taken and the entry becomes ``writing``,
   with the target path, the hidden temporary file beside it, and the SHA-256 of the document;
2. the document is written to the temporary file, flushed to disk, and renamed over the target;
3. *finish*: the entry becomes ``generated``.

The writer holds a lock file (``<data folder>/locks/<token>.lock``) from before 1 until after 3.
The operating system frees it when the process dies, which is how :func:`reconcile` tells an entry
whose writer died from one still being written by another window or command. A crash

- before 1 commits leaves nothing: no number taken, no file;
- between 1 and the rename leaves a ``writing`` entry and perhaps a temporary file: a complete one
  (its SHA-256 matches) is renamed into place and the entry finished; otherwise the temporary file
  is removed, the number is cancelled in the register with the reason below (never handed out
  again, since a copy of that document could exist), and the entry is a draft again, answers kept;
- between the rename and 3 leaves the document in place: the entry is finished.

So after reconciliation every document at its target has its entry, and no number is on two.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlite_utils
from filelock import FileLock, Timeout

from assistant.core.fileio import publish
from assistant.storage.db import transaction
from assistant.storage.register import cancel_number

log = logging.getLogger(__name__)

LOCK_DIR = "locks"
VOID_REASON = "Tạo báo cáo bị gián đoạn (máy tắt hoặc chương trình bị dừng) trước khi xong."


def _lock_path(data_dir: Path, token: str) -> Path:
    return data_dir / LOCK_DIR / f"{token}.lock"


@contextlib.contextmanager
def writer_lock(data_dir: Path, token: str) -> Iterator[None]:
    """Held by a process while its generate is under way."""
    path = _lock_path(data_dir, token)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    with lock:
        yield
    path.unlink(missing_ok=True)


# The lock this process holds on each data folder whose history it opened (see begin_session).
_sessions: dict[Path, FileLock] = {}


def _stale(path: Path) -> bool:
    """Whether ``path`` is the session lock of a process that is gone (its lock is free)."""
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return False
    lock.release()
    with contextlib.suppress(OSError):
        path.unlink()
    return True


def begin_session(data_dir: Path) -> bool:
    """Mark this process as having the history open, until it exits; says whether an earlier
    process ended without exiting normally (killed, a power cut) while it had it open, which is
    when the database file is worth a full check."""
    key = data_dir.resolve()
    if key in _sessions:
        return False
    folder = data_dir / LOCK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    unclean = any([_stale(path) for path in folder.glob("session-*.lock")])
    lock = FileLock(folder / f"session-{uuid.uuid4().hex}.lock")
    lock.acquire()
    _sessions[key] = lock
    atexit.register(_end_session, key)
    return unclean


def _end_session(key: Path) -> None:
    lock = _sessions.pop(key, None)
    if lock is not None:
        lock.release()
        with contextlib.suppress(OSError):
            Path(lock.lock_file).unlink()


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _settle(conn: sqlite3.Connection, entry_id: int) -> str:
    """Finish or void one ``writing`` entry whose writer is gone; says what was done."""
    row = conn.execute(
        "SELECT output_path, temp_path, sha256, year, series, number, answers FROM reports"
        " WHERE id = ? AND status = 'writing'",
        [entry_id],
    ).fetchone()
    if row is None:
        return "already settled"
    target, temp, sha, year, series, number, answers = row
    target, temp = Path(target), Path(temp)
    at = datetime.now().isoformat(timespec="seconds")
    if _sha256(target) != sha and _sha256(temp) == sha:
        publish(temp, target)
    if _sha256(target) == sha:
        conn.execute(
            "UPDATE reports SET status = 'generated', temp_path = NULL, writer = NULL,"
            " updated_at = ? WHERE id = ?",
            [at, entry_id],
        )
        outcome = "generated"
    else:
        cancel_number(conn, year, series, number, VOID_REASON)
        snapshot = {**json.loads(answers), "number": None}
        conn.execute(
            "UPDATE reports SET status = 'draft', number = NULL, output_path = NULL, sha256 = NULL,"
            " temp_path = NULL, writer = NULL, answers = ?, updated_at = ? WHERE id = ?",
            [json.dumps(snapshot, ensure_ascii=False), at, entry_id],
        )
        outcome = "draft"
    conn.execute(
        "INSERT INTO status_log (report_id, status, at) VALUES (?, ?, ?)", [entry_id, outcome, at]
    )
    temp.unlink(missing_ok=True)
    return f"{outcome}, number {number}/{year} {'kept' if outcome == 'generated' else 'voided'}"


def reconcile(db: sqlite_utils.Database, data_dir: Path) -> list[int]:
    """Settle every ``writing`` entry whose writer died; returns the ids settled."""
    rows = db.execute("SELECT id, writer FROM reports WHERE status = 'writing'").fetchall()
    settled = []
    for entry_id, token in rows:
        path = _lock_path(data_dir, token)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(path, timeout=0)
        try:
            lock.acquire()
        except Timeout:
            continue  # its writer is alive
        try:
            with transaction(db) as locked:
                outcome = _settle(locked, entry_id)
            log.warning("history: interrupted generate of entry %d settled: %s", entry_id, outcome)
            settled.append(entry_id)
        finally:
            lock.release()
            path.unlink(missing_ok=True)
    return settled
