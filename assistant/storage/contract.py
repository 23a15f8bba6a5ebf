"""What a history backend provides: one contract, kept by SQLite (embedded) and PostgreSQL (shared).

``History`` holds everything that does not depend on where rows live (the file writing, the
reserve → write → finish protocol, recovery's decisions, the search folding); a ``Store`` holds
the rows. Writes happen only inside ``store.transaction()``, which yields the store itself: its
write methods are the same object's, bound to the transaction the backend opened (``BEGIN
IMMEDIATE`` in SQLite, a server transaction in PostgreSQL).
"""

from __future__ import annotations

import contextlib
import getpass
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from assistant.core.errors import UserError

# One report row, in this order, as every backend returns it.
REPORT_COLUMNS = (
    "id, directive_id, directive_symbol, issuer, subject, status, format_id, template_version,"
    " series, number, report_date, year, created_at, updated_at, output_path, sha256, answers,"
    " archived, pdf_path, pdf_sha256"
)

# Every stored column of a report, for copying a history between backends.
COPIED_COLUMNS = (
    "directive_id",
    "directive_symbol",
    "issuer",
    "subject",
    "status",
    "format_id",
    "template_version",
    "series",
    "number",
    "year",
    "report_date",
    "created_at",
    "updated_at",
    "output_path",
    "sha256",
    "answers",
    "search_text",
    "archived",
    "pdf_path",
    "pdf_sha256",
)


@dataclass(frozen=True)
class Filters:
    """``archived``: False hides archived entries (the usual list), True shows only them, None all."""

    year: int | None = None
    status: str | None = None
    issuer: str | None = None
    archived: bool | None = False
    directive: str | None = None  # one directive's reports only
    period: tuple[str, str] | None = None  # (start, end): the ISO dates its answers name


@dataclass(frozen=True)
class Actor:
    """Who does a write, for the register's log: the OS user, the database user, the PC."""

    os_user: str
    db_user: str
    host: str


def local_actor(db_user: str = "") -> Actor:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment nor the password database
        user = ""
    return Actor(user, db_user, socket.gethostname())


class ServerNotOpened(UserError):
    """The server's history could not be reached or logged into (or its saved settings are
    unreadable): the window then keeps drafts on this PC (``storage/offline.py``) while the clerk
    puts the connection right."""


class ServerUnreachable(ServerNotOpened):
    """No server answered (network, address, server stopped)."""


def newer_schema(where: str, found: int, known: int) -> UserError:
    """The refusal when a newer program has changed the schema: this one must not write to it."""
    return UserError(
        f"Dữ liệu lịch sử báo cáo ở {where} do phiên bản mới hơn của chương trình tạo ra (lược đồ "
        f"{found}, chương trình này biết đến {known}); chương trình không ghi vào đó. Hãy cập nhật "
        "Báo cáo nhanh lên phiên bản mới nhất.",
        f"{where}: schema version {found} > {known}",
    )


class Store(Protocol):
    """The rows of one history. Reads run anywhere; writes only inside ``transaction()``."""

    data_dir: Path  # the local data folder (locks, directives, logs), whatever the backend
    checked: bool  # whether the opening ran a full integrity check (after an unclean exit)
    actor: Actor
    where: str  # for messages: the file, or the server and database

    def transaction(self) -> contextlib.AbstractContextManager[Store]: ...
    def close(self) -> None: ...

    # -- reports --
    def status(self, entry_id: int | None) -> str | None: ...
    def report(self, entry_id: int) -> tuple | None: ...
    def writing_row(self, entry_id: int) -> tuple | None: ...
    def insert_report(self, values: dict) -> int: ...
    def update_report(self, entry_id: int, values: dict) -> None: ...
    def delete_report(self, entry_id: int) -> None: ...
    def log(self, entry_id: int, status: str, at: str) -> None: ...
    def drafts(self, directive_id: str) -> list[tuple[int, str]]: ...
    def recorded(self, target: str, own_id: int = 0) -> list[tuple[int, str, int, int]]: ...
    def recorded_at(self, target: str) -> tuple | None: ...
    def reports(self, filters: Filters, limit: int, offset: int) -> list[tuple]: ...
    def count(self, filters: Filters) -> int: ...
    def search(
        self, words: list[str], filters: Filters, limit: int, offset: int
    ) -> list[tuple]: ...
    def status_log(self, entry_ids: list[int]) -> list[tuple[int, str, str]]: ...
    def documents(self) -> dict[int, str]: ...
    def copied_rows(self) -> Iterator[tuple]: ...
    def copy_of(self, created_at: str, directive_id: str, answers: str) -> int | None: ...

    # -- the outgoing-number register --
    def may_number(self) -> bool: ...
    def next_number(self, year: int, series: str) -> int: ...
    def record_number(self, year: int, series: str, number: int, report_id: int) -> None: ...
    def cancel_number(self, year: int, series: str, number: int, reason: str) -> None: ...
    def release_number(self, year: int, series: str, number: int, reason: str) -> None: ...
    def register_rows(self, year: int, series: str = "BC") -> list[tuple]: ...
    def all_register_rows(self) -> list[tuple]: ...
    def number_log(self, year: int, series: str = "BC") -> list[tuple]: ...
    def number_taken(self, year: int, series: str, number: int) -> tuple | None: ...
    def import_number(self, row: tuple, report_id: int | None) -> str | None: ...

    # -- generating: who is writing --
    def writing(self) -> list[tuple[int, str, str]]: ...
    def writer_lock(self, token: str) -> contextlib.AbstractContextManager[None]: ...
    def claim(self, token: str) -> contextlib.AbstractContextManager[bool]: ...

    # -- backup --
    def export(self, zip_path: Path, documents: dict[int, Path]) -> Path: ...
