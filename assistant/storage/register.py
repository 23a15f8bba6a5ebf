"""The outgoing-number register (sổ văn bản đi): numbers per year and series, never reused.

NĐ30 Điều 15: numbers run from 01 on 1 January and are unique within the year. The next number is
one past the highest number given to a report, stepping over cancelled ones: a cancelled number is
never handed out again, and cancelling a number ahead (one already taken on paper) leaves no gap
before it.

Written in SQL both backends run. ``tx`` is a store inside its transaction: every change first
takes ``tx.lock_series`` (SQLite's ``BEGIN IMMEDIATE`` already holds the whole file; PostgreSQL
locks the year/series counter row, so PCs allocating at once queue and never take one number
twice), and each change is logged with who, from which PC, and when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from assistant.core.errors import UserError
from assistant.core.limits import OUTGOING_NUMBER_MAX, OUTGOING_NUMBER_MIN
from assistant.storage.contract import Actor

# Rows a report took (used, or voided after it was reserved), as opposed to numbers cancelled
# ahead of the count; numbers out of range (written by an older version) are never counted.
_TAKEN = "NOT (state = 'cancelled' AND report_id IS NULL) AND number BETWEEN ? AND ?"
_RANGE = [OUTGOING_NUMBER_MIN, OUTGOING_NUMBER_MAX]


class Executes(Protocol):
    def execute(self, sql: str, params: object = ...) -> object: ...


class Locked(Executes, Protocol):
    actor: Actor

    def lock_series(self, year: int, series: str) -> None: ...


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _log(
    tx: Locked, year: int, series: str, number: int, report_id: int | None, action: str, reason: str
) -> None:
    actor = tx.actor
    tx.execute(
        "INSERT INTO number_log (year, series, number, report_id, action, reason, os_user,"
        " db_user, host, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [year, series, number, report_id, action, reason, *_who(actor), _now()],
    )


def _who(actor: Actor) -> list[str]:
    return [actor.os_user, actor.db_user, actor.host]


def _newest(tx: Executes, year: int, series: str) -> int | None:
    return tx.execute(
        f"SELECT max(number) FROM register WHERE year = ? AND series = ? AND {_TAKEN}",
        [year, series, *_RANGE],
    ).fetchone()[0]


def next_number(tx: Locked, year: int, series: str) -> int:
    """One past the highest number a report took, then past any cancelled numbers that follow."""
    tx.lock_series(year, series)
    number = (_newest(tx, year, series) or 0) + 1
    ahead = tx.execute(
        "SELECT number FROM register WHERE year = ? AND series = ? AND number >= ? ORDER BY number",
        [year, series, number],
    ).fetchall()
    for (taken,) in ahead:
        if taken == number:
            number += 1
    if number > OUTGOING_NUMBER_MAX:
        raise UserError(
            f"Sổ văn bản đi năm {year} đã dùng hết số (đến {OUTGOING_NUMBER_MAX}).",
            f"register {year}/{series} exhausted",
            field="number",
        )
    return number


def _taken(tx: Executes, year: int, series: str, number: int) -> str | None:
    row = tx.execute(
        "SELECT state FROM register WHERE year = ? AND series = ? AND number = ?",
        [year, series, number],
    ).fetchone()
    return row[0] if row else None


def record_number(tx: Locked, year: int, series: str, number: int, report_id: int) -> None:
    if not OUTGOING_NUMBER_MIN <= number <= OUTGOING_NUMBER_MAX:
        raise UserError(
            f"Số văn bản đi phải từ {OUTGOING_NUMBER_MIN} đến {OUTGOING_NUMBER_MAX}.",
            f"number {number} out of range",
            field="number",
        )
    tx.lock_series(year, series)
    state = _taken(tx, year, series, number)
    if state is not None:
        how = "đã hủy" if state == "cancelled" else "đã dùng cho một báo cáo khác"
        raise UserError(
            f"Số {number:02d} năm {year} {how} trong sổ văn bản đi; hãy để trống ô số để lấy số kế tiếp.",
            f"number {number}/{year}/{series} is {state}",
            field="number",
        )
    tx.execute(
        "INSERT INTO register (year, series, number, report_id, state, reason, at)"
        " VALUES (?, ?, ?, ?, 'used', '', ?)",
        [year, series, number, report_id, _now()],
    )
    _log(tx, year, series, number, report_id, "used", "")


def cancel_number(tx: Locked, year: int, series: str, number: int, reason: str) -> None:
    """Mark a number cancelled (used or not yet reached); it is never handed out again."""
    tx.lock_series(year, series)
    at = _now()
    if _taken(tx, year, series, number) == "cancelled":
        raise UserError(
            f"Số {number:02d} năm {year} đã hủy từ trước.", f"{number}/{year} already cancelled"
        )
    tx.execute(
        "INSERT INTO register (year, series, number, report_id, state, reason, at)"
        " VALUES (?, ?, ?, NULL, 'cancelled', ?, ?)"
        " ON CONFLICT (year, series, number) DO UPDATE SET state = 'cancelled', reason = ?, at = ?",
        [year, series, number, reason, at, reason, at],
    )
    _log(tx, year, series, number, None, "cancelled", reason)


def release_number(tx: Locked, year: int, series: str, number: int, reason: str) -> None:
    """Give back a number reserved for a document that was never written: removed while it is
    still the newest taken (the next report gets it, leaving no gap), cancelled otherwise."""
    tx.lock_series(year, series)
    if _newest(tx, year, series) == number:
        tx.execute(
            "DELETE FROM register WHERE year = ? AND series = ? AND number = ?",
            [year, series, number],
        )
        _log(tx, year, series, number, None, "released", reason)
    else:
        cancel_number(tx, year, series, number, reason)


def taken(tx: Executes, year: int, series: str, number: int) -> tuple | None:
    """(state, reason, at) of a number in the register, if it is there."""
    return tx.execute(
        "SELECT state, reason, at FROM register WHERE year = ? AND series = ? AND number = ?",
        [year, series, number],
    ).fetchone()


def import_number(tx: Locked, row: tuple, report_id: int | None) -> str | None:
    """Copy one register row from another history; says why not when the number is taken here
    (the same row copied by an earlier run is no conflict)."""
    year, series, number, _old_report, state, reason, at = row
    tx.lock_series(year, series)
    here = taken(tx, year, series, number)
    if here is not None:
        if tuple(here) == (state, reason, at):
            return None
        return f"số {number:02d}/{series} năm {year} đã có trong sổ nơi nhận ({here[0]})"
    tx.execute(
        "INSERT INTO register (year, series, number, report_id, state, reason, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [year, series, number, report_id, state, reason, at],
    )
    _log(tx, year, series, number, report_id, "migrated", reason)
    return None


def register_rows(tx: Executes, year: int, series: str = "BC") -> list[tuple[int, str, int | None]]:
    """(number, state, report id) of a year's series, in order."""
    return [
        tuple(row)
        for row in tx.execute(
            "SELECT number, state, report_id FROM register WHERE year = ? AND series = ?"
            " ORDER BY number",
            [year, series],
        ).fetchall()
    ]
