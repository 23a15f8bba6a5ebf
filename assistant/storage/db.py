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


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


def set_aside(path: Path, why: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            part.rename(Path(f"{target}{suffix}"))
    return target


def connect(
    path: Path, after_migrate: Callable[[sqlite_utils.Database, int], None] | None = None
) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate; a damaged or newer file is moved aside, not touched.

    ``after_migrate(db, from_version)`` runs inside the migration transaction, for data fixes that
    need the domain (rebuilding the search text).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        path, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
    )
    try:
        # Read-only checks first: a file we refuse must be left byte for byte as it was.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise sqlite3.DatabaseError("quick_check failed")
    except sqlite3.DatabaseError as exc:
        conn.close()
        aside = set_aside(path, "damaged")
        raise UserError(
            f"Tệp lịch sử báo cáo bị hỏng nên chưa mở được. Tệp cũ được giữ nguyên ở «{aside}»; "
            "chương trình sẽ tạo tệp lịch sử mới ở lần mở sau. Có thể khôi phục từ bản sao lưu.",
            f"{path}: {exc}; moved to {aside}",
        ) from exc
    if version > SCHEMA_VERSION:
        conn.close()
        aside = set_aside(path, f"newer-v{version}")
        raise UserError(
            f"Tệp lịch sử báo cáo do phiên bản mới hơn của chương trình tạo ra. Tệp được giữ nguyên "
            f"ở «{aside}»; hãy cập nhật chương trình để dùng lại.",
            f"{path}: schema version {version} > {SCHEMA_VERSION}; moved to {aside}",
        )
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
    db = sqlite_utils.Database(conn)
    if version < SCHEMA_VERSION:
        with transaction(db):
            for step in MIGRATIONS[version:]:
                step(db)
            if after_migrate:
                after_migrate(db, version)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        log.info("migrated %s from v%d to v%d", path, version, SCHEMA_VERSION)
    return db


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
