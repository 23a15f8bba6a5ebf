"""The embedded backend: one SQLite file in the data folder (the default, for a one-person agency)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from assistant.storage import backup, recovery
from assistant.storage.contract import REPORT_COLUMNS, Filters, local_actor
from assistant.storage.db import connect, transaction
from assistant.storage.folding import search_text
from assistant.storage.sql import SqlStore


def _fts_query(words: list[str]) -> str:
    """All words required, the last one as a prefix: "tang" "cuong" "tuyen"*."""
    return " ".join([*(f'"{w}"' for w in words[:-1]), *(f'"{w}"*' for w in words[-1:])])


def _reindex(db: sqlite_utils.Database, from_version: int) -> None:
    """Rows written before the search index existed get their search text now."""
    if from_version >= 2:
        return
    rows = db.execute(
        "SELECT id, directive_symbol, issuer, subject, answers FROM reports"
    ).fetchall()
    for row_id, symbol, issuer, subject, answers in rows:
        text = search_text(symbol or "", issuer or "", subject or "", json.loads(answers))
        db.execute("UPDATE reports SET search_text = ? WHERE id = ?", [text, row_id])


class SqliteStore(SqlStore):
    def __init__(self, path: Path, *, session: bool = True) -> None:
        """``session`` False: a scratch copy (a server's backup being made), which no earlier
        process can have left open, and whose folder is removed while this process runs."""
        self.path = path
        self.data_dir = path.parent
        self.where = f"«{path}»"
        # A full integrity check only after a process died with the history open.
        self.checked = session and recovery.begin_session(self.data_dir)
        self.db = connect(path, after_migrate=_reindex, full_check=self.checked)
        self.actor = local_actor()

    def execute(self, sql: str, params: object = ()) -> object:
        return self.db.conn.execute(sql, params)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[SqliteStore]:
        with transaction(self.db):
            yield self

    def close(self) -> None:
        self.db.conn.close()

    def search(self, words: list[str], filters: Filters, limit: int, offset: int) -> list[tuple]:
        where, params = self._filter_sql(filters)
        # Sort the hits on the narrow index, then read only the page of rows shown.
        return self._all(
            f"SELECT {REPORT_COLUMNS} FROM reports WHERE id IN ("
            " SELECT reports.id FROM reports_fts"
            " JOIN reports INDEXED BY reports_hits ON reports.id = reports_fts.rowid"
            f" WHERE reports_fts MATCH ? AND {where}"
            " ORDER BY reports.report_date DESC, reports.id DESC LIMIT ? OFFSET ?"
            ") ORDER BY report_date DESC, id DESC",
            [_fts_query(words), *params, limit, offset],
        )

    def writer_lock(self, token: str) -> contextlib.AbstractContextManager[None]:
        return recovery.writer_lock(self.data_dir, token)

    def claim(self, token: str) -> contextlib.AbstractContextManager[bool]:
        return recovery.claim(self.data_dir, token)

    def export(self, zip_path: Path, documents: dict[int, Path]) -> Path:
        return backup.export(self.db.conn, documents, zip_path)
