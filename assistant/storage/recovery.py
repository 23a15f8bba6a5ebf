"""What a crash while generating leaves, and how the next opening of the history puts it right.

Generating (``History.generate``) commits twice around the file write:

1. *reserve*: in one transaction the outgoing number is taken and the entry becomes ``writing``,
   with the target path, the hidden temporary file beside it, and the SHA-256 of the document;
2. the document is written to the temporary file, flushed to disk, and renamed over the target;
3. *finish*: the entry becomes ``generated``.

The writer holds a lock from before 1 until after 3, which the operating system (or the database
server) frees when the process dies: that is how :func:`reconcile` tells an entry whose writer died
from one still being written by another window or command. With SQLite the lock is a file
(``<data folder>/locks/<token>.lock``, see :func:`writer_lock`); with PostgreSQL a session
advisory lock of the writer's connection. A crash

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
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout

from assistant.core.fileio import publish
from assistant.storage.contract import Store

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


def _settle(tx: Store, entry_id: int) -> str:
    """Finish or void one ``writing`` entry whose writer is gone; says what was done."""
    row = tx.writing_row(entry_id)
    if row is None:
        return "already settled"
    target, temp, sha, year, series, number, answers = row
    target, temp = Path(target), Path(temp)
    at = datetime.now().isoformat(timespec="seconds")
    if _sha256(target) != sha and _sha256(temp) == sha:
        publish(temp, target)
    done = {"temp_path": None, "writer": None, "writer_host": None, "updated_at": at}
    if _sha256(target) == sha:
        tx.update_report(entry_id, {"status": "generated", **done})
        outcome = "generated"
    else:
        if number is not None:  # a report generated without a number has none to void
            tx.cancel_number(year, series, number, VOID_REASON)
        snapshot = {**json.loads(answers), "number": None}
        tx.update_report(
            entry_id,
            {
                "status": "draft",
                "number": None,
                "output_path": None,
                "sha256": None,
                "answers": json.dumps(snapshot, ensure_ascii=False),
                **done,
            },
        )
        outcome = "draft"
    tx.log(entry_id, outcome, at)
    temp.unlink(missing_ok=True)
    return f"{outcome}, number {number}/{year} {'kept' if outcome == 'generated' else 'voided'}"


@contextlib.contextmanager
def claim(data_dir: Path, token: str) -> Iterator[bool]:
    """Whether the writer holding ``token``'s lock file is gone; its lock is held meanwhile."""
    path = _lock_path(data_dir, token)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        yield False  # its writer is alive
        return
    try:
        yield True
    finally:
        lock.release()
        path.unlink(missing_ok=True)


def reconcile(store: Store) -> list[int]:
    """Settle every ``writing`` entry whose writer died; returns the ids settled.

    Only the PC that wrote an entry can see its files (a server's entries come from many PCs):
    another PC's entries wait for that PC's next opening.
    """
    settled = []
    for entry_id, token, host in store.writing():
        if host and host != store.actor.host:
            continue
        with store.claim(token) as dead:
            if not dead:
                continue
            with store.transaction() as tx:
                outcome = _settle(tx, entry_id)
        log.warning("history: interrupted generate of entry %d settled: %s", entry_id, outcome)
        settled.append(entry_id)
    return settled
