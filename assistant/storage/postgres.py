"""The shared backend: the agency's PostgreSQL server (psycopg 3), one register for every PC.

The same SQL as SQLite (``sql.py``) with these differences:

- numbers: every register change first locks the (year, series) row of ``counters`` (``SELECT …
  FOR UPDATE``), so PCs allocating at once queue and each sees the numbers the one before took;
- search: a ``tsvector`` of the same folded words SQLite's FTS5 indexes (cut by the app, so both
  find the same reports), with a GIN index;
- a generate's writer holds a session advisory lock, which the server frees when the writer's
  connection dies, as the OS frees SQLite's lock file;
- the schema version is a row of ``schema_version``; a newer one than this program knows is
  refused, never written to.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg

from assistant.core.errors import UserError
from assistant.storage.connect_errors import refusal
from assistant.storage.contract import (
    REPORT_COLUMNS,
    Filters,
    ServerUnreachable,
    local_actor,
    newer_schema,
)
from assistant.storage.folding import tokens
from assistant.storage.sql import SqlStore

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10
# A PC waits this long for another to finish taking a number, then is told to try again; a PC
# that stalls inside a transaction (its network gone) loses it, and its locks, after a minute.
LOCK_TIMEOUT_MS = 30_000
STALLED_TRANSACTION_MS = 60_000
# Two programs migrating a new database at once: the second waits for the first.
_MIGRATION_LOCK = 0x62_63_6E_68  # "bcnh"


def _v1(conn: psycopg.Connection) -> None:
    """The schema of SQLite's v6, in PostgreSQL's types, with the register's counter rows."""
    for statement in (
        "CREATE TABLE schema_version (version integer NOT NULL)",
        "CREATE TABLE reports ("
        " id bigserial PRIMARY KEY, directive_id text NOT NULL, directive_symbol text,"
        " issuer text, subject text, status text NOT NULL"
        " CHECK (status IN ('draft', 'writing', 'generated', 'submitted')),"
        " format_id text, template_version text, series text, number integer,"
        " year integer NOT NULL, report_date text NOT NULL, created_at text, updated_at text,"
        " output_path text, sha256 text, answers text NOT NULL,"
        " search_text text NOT NULL DEFAULT '', search_vector tsvector NOT NULL DEFAULT '',"
        " temp_path text, writer text, writer_host text,"
        " archived boolean NOT NULL DEFAULT false,"
        " created_by text NOT NULL DEFAULT current_user)",
        # The server itself refuses one number on two reports, whatever a client does.
        "CREATE UNIQUE INDEX reports_number ON reports (year, series, number)"
        " WHERE number IS NOT NULL",
        "CREATE INDEX reports_newest ON reports (report_date DESC, id DESC)",
        # A report copied in by an earlier «history migrate» is found by when it was created.
        "CREATE INDEX reports_created ON reports (created_at)",
        "CREATE INDEX reports_search ON reports USING gin (search_vector)",
        "CREATE INDEX reports_output ON reports (lower(output_path))",
        "CREATE INDEX reports_writing ON reports (id) WHERE status = 'writing'",
        "CREATE INDEX reports_drafts ON reports (directive_id, updated_at) WHERE status = 'draft'",
        "CREATE TABLE register (year integer NOT NULL, series text NOT NULL,"
        " number integer NOT NULL, report_id bigint, state text NOT NULL"
        " CHECK (state IN ('used', 'cancelled')), reason text NOT NULL DEFAULT '', at text,"
        " PRIMARY KEY (year, series, number))",
        "CREATE TABLE counters (year integer NOT NULL, series text NOT NULL,"
        " PRIMARY KEY (year, series))",
        "CREATE TABLE number_log (id bigserial PRIMARY KEY, year integer NOT NULL,"
        " series text NOT NULL, number integer NOT NULL, report_id bigint,"
        " action text NOT NULL, reason text NOT NULL, os_user text NOT NULL,"
        " db_user text NOT NULL, host text NOT NULL, at text NOT NULL)",
        "CREATE INDEX number_log_series ON number_log (year, series)",
        "CREATE TABLE status_log (id bigserial PRIMARY KEY, report_id bigint NOT NULL,"
        " status text NOT NULL, at text NOT NULL)",
        "CREATE INDEX status_log_report ON status_log (report_id)",
    ):
        conn.execute(statement)


# The agency's two kinds of users, as group roles IT creates (scripts/pg-setup.sql) and makes
# each login a member of: a specialist drafts and generates without a number; the văn thư gives
# numbers and marks documents sent. The server enforces it, whatever program connects.
SPECIALIST, CLERK = "bcn_chuyen_vien", "bcn_van_thu"


def _v2(conn: psycopg.Connection) -> None:
    """Privileges of the two roles (when IT created them): only the văn thư writes the register,
    and row-level security keeps a specialist's reports unnumbered and unsent."""
    conn.execute(
        f"""DO $$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{SPECIALIST}')
           AND EXISTS (SELECT FROM pg_roles WHERE rolname = '{CLERK}') THEN
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {SPECIALIST}, {CLERK};
            GRANT INSERT, UPDATE, DELETE ON reports, status_log TO {SPECIALIST}, {CLERK};
            GRANT INSERT, UPDATE, DELETE ON register, counters, number_log TO {CLERK};
            GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {SPECIALIST}, {CLERK};
            ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
            CREATE POLICY everyone_reads ON reports FOR SELECT USING (true);
            CREATE POLICY clerk_writes ON reports TO {CLERK} USING (true) WITH CHECK (true);
            CREATE POLICY specialist_inserts ON reports FOR INSERT TO {SPECIALIST}
                WITH CHECK (number IS NULL AND status <> 'submitted');
            CREATE POLICY specialist_updates ON reports FOR UPDATE TO {SPECIALIST}
                USING (number IS NULL AND status <> 'submitted')
                WITH CHECK (number IS NULL AND status <> 'submitted');
            CREATE POLICY specialist_deletes ON reports FOR DELETE TO {SPECIALIST}
                USING (status = 'draft');
        END IF;
    END $$"""
    )


def _v3(conn: psycopg.Connection) -> None:
    """SQLite's v7: the PDF exported from a report and its SHA-256 (the roles' table grants and
    policies cover the new columns)."""
    conn.execute("ALTER TABLE reports ADD COLUMN pdf_path text, ADD COLUMN pdf_sha256 text")


def _v4(conn: psycopg.Connection) -> None:
    """SQLite's v8: one directive's reports by status and date."""
    conn.execute("CREATE INDEX reports_directive ON reports (directive_id, status, report_date)")


MIGRATIONS: tuple[Callable[[psycopg.Connection], None], ...] = (_v1, _v2, _v3, _v4)
SCHEMA_VERSION = len(MIGRATIONS)


def _version(conn: psycopg.Connection) -> int:
    if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(conn: psycopg.Connection, where: str) -> None:
    """Bring the schema to this program's version; a newer one is refused before any write."""
    if _version(conn) > SCHEMA_VERSION:
        raise newer_schema(where, _version(conn), SCHEMA_VERSION)
    if _version(conn) == SCHEMA_VERSION:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_MIGRATION_LOCK])
        version = _version(conn)  # again, under the lock: another PC may have migrated meanwhile
        if version > SCHEMA_VERSION:
            raise newer_schema(where, version, SCHEMA_VERSION)
        for step in MIGRATIONS[version:]:
            step(conn)
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", [SCHEMA_VERSION])
    log.info("migrated %s from v%d to v%d", where, version, SCHEMA_VERSION)


def _tsquery(words: list[str]) -> str:
    """All words required, the last one as a prefix: 'tang' & 'cuong' & 'tuyen':*."""
    return " & ".join([*(f"'{w}'" for w in words[:-1]), *(f"'{w}':*" for w in words[-1:])])


def _lock_key(token: str) -> int:
    """A writer's token as an advisory lock key (a signed 64-bit number)."""
    return int.from_bytes(hashlib.sha256(token.encode()).digest()[:8], "big", signed=True)


def unreachable(where: str, exc: Exception) -> UserError:
    return ServerUnreachable(
        f"Không kết nối được máy chủ dữ liệu ({where}). Hãy kiểm tra mạng, địa chỉ máy chủ, tên "
        "người dùng và mật khẩu, hoặc hỏi bộ phận tin học của cơ quan.",
        f"postgresql {where}: {exc}",
    )


class PostgresStore(SqlStore):
    LOG_ORDER = "id"
    SAME_PATH = "lower(output_path) = lower(?)"
    SAME_PERIOD = (
        "reports.answers::jsonb #>> '{period,start}' = ?"
        " AND reports.answers::jsonb #>> '{period,end}' = ?"
    )

    def __init__(self, url: str, data_dir: Path, password: str | None = None) -> None:
        """``password``: from the keyring (``server_settings``), kept out of the URL, which may be
        shown and logged; without one libpq looks in PGPASSWORD and its password file."""
        self.data_dir = data_dir
        self._transactions = 0  # how deep inside transaction(): no reconnecting there
        self._open = functools.partial(
            psycopg.connect,
            url,
            **({"password": password} if password else {}),
            autocommit=True,  # transactions are explicit: ``transaction()``
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="bao-cao-nhanh",
            options=f"-c lock_timeout={LOCK_TIMEOUT_MS}"
            f" -c idle_in_transaction_session_timeout={STALLED_TRANSACTION_MS}",
            # A server gone without a word (a cable pulled) is noticed within a minute.
            keepalives=1,
            keepalives_idle=30,
            keepalives_interval=10,
            keepalives_count=3,
        )
        try:
            self.conn = self._open()
        except psycopg.Error as exc:
            named = psycopg.conninfo.conninfo_to_dict(url)
            raise refusal(
                exc, *(str(named.get(key, "?")) for key in ("host", "user", "dbname"))
            ) from exc
        info = self.conn.info
        self.where = f"máy chủ {info.host}:{info.port}, cơ sở dữ liệu {info.dbname}"
        self.actor = local_actor(db_user=info.user)
        try:
            migrate(self.conn, self.where)
        except psycopg.errors.InsufficientPrivilege as exc:
            self.conn.close()
            raise UserError(
                "Cơ sở dữ liệu trên máy chủ chưa được chuẩn bị cho phiên bản này của chương trình. "
                "Hãy nhờ bộ phận tin học mở chương trình một lần bằng tài khoản chủ sở hữu "
                "(bcn_owner, xem docs/postgres.md).",
                f"{self.where}: migrating as {info.user}: {exc}",
            ) from exc
        except BaseException:
            self.conn.close()
            raise

    def _reconnect_if_lost(self) -> None:
        """A connection lost (the network, a server restart) is opened again before the next
        read or transaction, never inside one: the window goes on once the server is back."""
        if not self.conn.broken or self._transactions:
            return
        try:
            self.conn = self._open()
        except psycopg.Error as exc:
            raise unreachable(self.where, exc) from exc
        log.info("%s: connected again", self.where)

    def execute(self, sql: str, params: object = ()) -> psycopg.Cursor:
        self._reconnect_if_lost()
        try:
            return self.conn.execute(sql.replace("?", "%s"), params)
        except psycopg.OperationalError as exc:
            if not self.conn.broken:
                raise
            raise unreachable(self.where, exc) from exc  # the network, or a server restart

    @contextlib.contextmanager
    def transaction(self) -> Iterator[PostgresStore]:
        self._reconnect_if_lost()
        self._transactions += 1
        try:
            with self.conn.transaction():
                yield self
        except psycopg.errors.InsufficientPrivilege as exc:
            raise UserError(
                f"Tài khoản «{self.actor.db_user}» trên máy chủ dữ liệu không có quyền làm việc "
                "này: cấp số văn bản đi và đánh dấu «đã gửi» là việc của văn thư.",
                f"{self.where}: {exc}",
            ) from exc
        except psycopg.errors.LockNotAvailable as exc:
            raise UserError(
                "Máy chủ dữ liệu đang bận cấp số cho máy khác; chưa có gì thay đổi, hãy thử lại "
                "sau ít phút.",
                f"{self.where}: waited {LOCK_TIMEOUT_MS} ms for a lock: {exc}",
            ) from exc
        except psycopg.OperationalError as exc:  # after LockNotAvailable, one of its kind
            if not self.conn.broken:
                raise
            raise unreachable(self.where, exc) from exc
        finally:
            self._transactions -= 1

    def may_number(self) -> bool:
        """Whether this login may take numbers from the register (a văn thư, or the owner)."""
        return self._one("SELECT has_table_privilege('counters', 'UPDATE')")[0]

    def close(self) -> None:
        self.conn.close()

    def lock_series(self, year: int, series: str) -> None:
        self.execute(
            "INSERT INTO counters (year, series) VALUES (?, ?) ON CONFLICT DO NOTHING",
            [year, series],
        )
        self.execute(
            "SELECT 1 FROM counters WHERE year = ? AND series = ? FOR UPDATE", [year, series]
        )

    def _columns(self, values: dict) -> tuple[list[str], list[str], list]:
        names, marks, params = super()._columns(values)
        if "search_text" in values:
            names.append("search_vector")
            marks.append("to_tsvector('simple', ?)")
            params.append(tokens(values["search_text"]))
        return names, marks, params

    def search(self, words: list[str], filters: Filters, limit: int, offset: int) -> list[tuple]:
        where, params = self._filter_sql(filters)
        return self._all(
            f"SELECT {REPORT_COLUMNS} FROM reports"
            f" WHERE search_vector @@ to_tsquery('simple', ?) AND {where}"
            " ORDER BY report_date DESC, id DESC LIMIT ? OFFSET ?",
            [_tsquery(words), *params, limit, offset],
        )

    @contextlib.contextmanager
    def writer_lock(self, token: str) -> Iterator[None]:
        key = _lock_key(token)
        self.execute("SELECT pg_advisory_lock(?)", [key])
        try:
            yield
        finally:
            self.execute("SELECT pg_advisory_unlock(?)", [key])

    @contextlib.contextmanager
    def claim(self, token: str) -> Iterator[bool]:
        key = _lock_key(token)
        if not self._one("SELECT pg_try_advisory_lock(?)", [key])[0]:
            yield False  # its writer's connection is alive
            return
        try:
            yield True
        finally:
            self.execute("SELECT pg_advisory_unlock(?)", [key])

    def export(self, zip_path: Path, documents: dict[int, Path]) -> Path:
        from assistant.storage.transfer import export_copy

        return export_copy(self, zip_path, documents)
