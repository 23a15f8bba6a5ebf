"""Which history to open: the local SQLite file, or the server named by a URL."""

from __future__ import annotations

import os
from pathlib import Path

from assistant.core.errors import UserError
from assistant.storage import DATABASE_ENV, server_settings
from assistant.storage.contract import Store

DB_FILE = "history.sqlite3"
SERVER_SCHEMES = ("postgresql://", "postgres://")
FILE_SCHEME = "sqlite:"


def open_store(data_dir: Path, url: str | None = None) -> Store:
    """``url``: ``postgresql://user@host:5432/database`` (a server), ``sqlite:PATH`` (a history
    file); without one, the ``BAO_CAO_NHANH_DATABASE`` environment variable, else the server saved
    in the data folder (``server_settings``, its password from the keyring), else the data
    folder's own file."""
    url = url or os.environ.get(DATABASE_ENV) or ""
    if not url:
        saved = server_settings.load(data_dir)
        if saved is not None:
            from assistant.storage.postgres import PostgresStore

            return PostgresStore(saved.url(), data_dir, server_settings.password(saved))
    if url.startswith(SERVER_SCHEMES):
        from assistant.storage.postgres import PostgresStore  # psycopg: only for a server

        return PostgresStore(url, data_dir)
    from assistant.storage.sqlite_store import SqliteStore

    if url.startswith(FILE_SCHEME):
        return SqliteStore(Path(url.removeprefix(FILE_SCHEME)))
    if url:
        raise UserError(
            "Địa chỉ cơ sở dữ liệu không hợp lệ; hãy dùng dạng "
            "postgresql://tên_người_dùng@máy_chủ:5432/tên_cơ_sở_dữ_liệu.",
            f"unknown database URL scheme: {url.split(':', 1)[0]!r}",  # no password in the log
        )
    return SqliteStore(data_dir / DB_FILE)
