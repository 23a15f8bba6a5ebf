"""The history database: connection, versioned migrations, and explicit transactions.

As qutebrowser does: the schema version lives in ``PRAGMA user_version``; a newer version than this
code knows, or a file SQLite cannot read, is moved aside and never overwritten; WAL journal mode;
every write inside ``transaction()`` (``BEGIN IMMEDIATE`` so two processes queue instead of
failing half-way). The connection runs in autocommit mode so that no library commits for us.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import sqlite_utils

from assistant.core.errors import UserError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 30


def _v1(db: sqlite_utils.Database) -> None:
    """First schema: reports, the outgoing-number register, and the status log."""
    db["reports"].create(
        {
            "id": int,
            "directive_id": str,
            "directive_symbol": str,
            "issuer": str,
            "subject": str,
            "status": str,
            "format_id": str,
            "template_version": str,
            "series": str,
            "number": int,
            "year": int,
            "report_date": str,
            "created_at": str,
            "updated_at": str,
            "output_path": str,
            "sha256": str,
            "answers": str,
        },
        pk="id",
        not_null={"directive_id", "status", "report_date", "year", "answers"},
    )
    db["register"].create(
        {
            "year": int,
            "series": str,
            "number": int,
            "report_id": int,
            "state": str,
            "reason": str,
            "at": str,
        },
        pk=("year", "series", "number"),
    )
    db["status_log"].create({"report_id": int, "status": str, "at": str})
    db["status_log"].create_index(["report_id"])
    db["reports"].create_index(["report_date", "id"])


def _v2(db: sqlite_utils.Database) -> None:
    """Full-text search over a folded copy (no diacritics, đ→d) of each report's words."""
    db.execute("ALTER TABLE reports ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    db.execute(
        "CREATE VIRTUAL TABLE reports_fts USING fts5("
        "search_text, content='reports', content_rowid='id', tokenize='unicode61')"
    )
    for statement in (
        "CREATE TRIGGER reports_ai AFTER INSERT ON reports BEGIN "
        "INSERT INTO reports_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
        "CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN "
        "INSERT INTO reports_fts(reports_fts, rowid, search_text) "
        "VALUES ('delete', old.id, old.search_text); END",
        # Rows from v1 have an empty search text and are not in the index yet: deleting what was
        # never inserted would corrupt an external-content FTS5 table, so only indexed rows are.
        # One trigger, so the delete surely runs before the insert.
        "CREATE TRIGGER reports_au AFTER UPDATE OF search_text ON reports BEGIN "
        "INSERT INTO reports_fts(reports_fts, rowid, search_text) "
        "SELECT 'delete', old.id, old.search_text WHERE old.search_text != ''; "
        "INSERT INTO reports_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    ):
        db.execute(statement)


def _v3(db: sqlite_utils.Database) -> None:
    """A narrow index for sorting and filtering search hits without reading whole rows.

    A word common to every report matches all rows; looking their dates up in this index instead
    of the table (rows hold the large answers snapshot) makes such a search three times faster.
    """
    db.execute("CREATE INDEX reports_hits ON reports (id, report_date, status, issuer)")


def _v4(db: sqlite_utils.Database) -> None:
    """Generating commits before and after the file write (see ``recovery.py``): a ``writing``
    entry records its temporary file and the token of its writer's lock."""
    db.execute("ALTER TABLE reports ADD COLUMN temp_path TEXT")
    db.execute("ALTER TABLE reports ADD COLUMN writer TEXT")
    db.execute("CREATE INDEX reports_writing ON reports (id) WHERE status = 'writing'")
    # Windows names are case-insensitive: "Bao-cao.docx" is the file "bao-cao.docx".
    db.execute("CREATE INDEX reports_output ON reports (output_path COLLATE NOCASE)")


def _v5(db: sqlite_utils.Database) -> None:
    """A generated or sent report is never deleted, only archived: hidden from the usual list.

    The narrow search index gains the flag, so that hiding archived rows still reads no whole row.
    """
    db.execute("ALTER TABLE reports ADD COLUMN archived INTEGER NOT NULL DEFAULT 0")
    db.execute("DROP INDEX reports_hits")
    db.execute("CREATE INDEX reports_hits ON reports (id, report_date, status, issuer, archived)")
    # The newest draft of a directive, looked up each time the clerk opens one.
    db.execute(
        "CREATE INDEX reports_drafts ON reports (directive_id, updated_at) WHERE status = 'draft'"
    )


def _v6(db: sqlite_utils.Database) -> None:
    """The register's log (who took, cancelled or gave back each number, from which PC), and the
    PC of a generate's writer: only that PC can see the file an interrupted generate left."""
    db.execute(
        "CREATE TABLE number_log (id INTEGER PRIMARY KEY, year INTEGER NOT NULL,"
        " series TEXT NOT NULL, number INTEGER NOT NULL, report_id INTEGER, action TEXT NOT NULL,"
        " reason TEXT NOT NULL, os_user TEXT NOT NULL, db_user TEXT NOT NULL, host TEXT NOT NULL,"
        " at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX number_log_series ON number_log (year, series)")
    db.execute("ALTER TABLE reports ADD COLUMN writer_host TEXT")


def _v7(db: sqlite_utils.Database) -> None:
    """The PDF exported from a report (the copy that is sent or signed) and its SHA-256."""
    db.execute("ALTER TABLE reports ADD COLUMN pdf_path TEXT")
    db.execute("ALTER TABLE reports ADD COLUMN pdf_sha256 TEXT")


def _v8(db: sqlite_utils.Database) -> None:
    """One directive's generated or sent reports by date: the previous period's report (for the
    comparison) and the last report a new period starts from, without reading every report."""
    db.execute("CREATE INDEX reports_directive ON reports (directive_id, status, report_date)")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
)
SCHEMA_VERSION = len(MIGRATIONS)


def set_aside(path: Path, why: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.rename(Path(f"{target}{suffix}"))
    return target


# What SQLite says of a file that is not a sound database; anything else (locked, no permission)
# is a reason to stop, never to move the clerk's file away.
DAMAGE = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def connect(
    path: Path,
    after_migrate: Callable[[sqlite_utils.Database, int], None] | None = None,
    *,
    full_check: bool = True,
) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate; a damaged or newer file is moved aside, not touched.

    ``after_migrate(db, from_version)`` runs inside the migration transaction, for data fixes that
    need the domain (rebuilding the search text). ``full_check`` reads every page (``PRAGMA
    quick_check``, some 150 ms for 100,000 reports): wanted after an unclean exit, not on every
    start; a file that is not a database at all is found either way.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise _unusable(path, exc) from exc
    try:
        version = _checked_version(conn, path, full_check)
    except BaseException:
        conn.close()
        raise
    try:
        _use_wal(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise _unusable(path, exc) from exc
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
    db = sqlite_utils.Database(conn)
    if version < SCHEMA_VERSION:
        _migrate(db, path, after_migrate)
    return db


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new file to WAL. The switch needs the file alone for a moment, and SQLite answers
    "busy" at once instead of waiting when another process opens it at the same time: wait here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorname != "SQLITE_BUSY" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _unusable(path: Path, exc: sqlite3.Error) -> UserError:
    return UserError(
        f"Không mở được tệp lịch sử báo cáo «{path}»: tệp đang bị khóa, không có quyền đọc, hoặc "
        "không phải là tệp. Hãy đóng các cửa sổ chương trình khác rồi thử lại.",
        f"{path}: {exc} ({getattr(exc, 'sqlite_errorname', '')})",
    )


def _checked_version(conn: sqlite3.Connection, path: Path, full_check: bool) -> int:
    """The schema version, after read-only checks: a file we refuse stays byte for byte as it was."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the schema is readable
        sound = not full_check or conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorname not in DAMAGE:
            raise _unusable(path, exc) from exc
        version, sound = 0, False
    if not sound:
        aside = set_aside(path, "damaged")
        raise UserError(
            f"Tệp lịch sử báo cáo bị hỏng nên chưa mở được. Tệp cũ được giữ nguyên ở «{aside}»; "
            "chương trình sẽ tạo tệp lịch sử mới ở lần mở sau. Có thể khôi phục từ bản sao lưu.",
            f"{path}: not a sound database; moved to {aside}",
        )
    if version > SCHEMA_VERSION:
        aside = set_aside(path, f"newer-v{version}")
        raise UserError(
            f"Tệp lịch sử báo cáo do phiên bản mới hơn của chương trình tạo ra. Tệp được giữ nguyên "
            f"ở «{aside}»; hãy cập nhật chương trình để dùng lại.",
            f"{path}: schema version {version} > {SCHEMA_VERSION}; moved to {aside}",
        )
    return version


def _migrate(
    db: sqlite_utils.Database,
    path: Path,
    after_migrate: Callable[[sqlite_utils.Database, int], None] | None,
) -> None:
    with transaction(db) as conn:
        # Read again under the write lock: another process may have migrated while we waited.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        for step in MIGRATIONS[version:]:
            step(db)
        if after_migrate:
            after_migrate(db, version)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    log.info("migrated %s from v%d to v%d", path, version, SCHEMA_VERSION)


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any exception."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
