"""The outgoing-number register (sổ văn bản đi): numbers per year and series, never reused.

NĐ30 Điều 15: numbers run from 01 on 1 January and are unique within the year. The next number is
one past the highest number given to a report, stepping over cancelled ones: a cancelled number is
never handed out again, and cancelling a number ahead (one already taken on paper) leaves no gap
before it. Callers hold a ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from assistant.core.errors import UserError
from assistant.core.limits import OUTGOING_NUMBER_MAX, OUTGOING_NUMBER_MIN

# Rows a report took (used, or voided after it was reserved), as opposed to numbers cancelled
# ahead of the count; numbers out of range (written by an older version) are never counted.
_TAKEN = "NOT (state = 'cancelled' AND report_id IS NULL) AND number BETWEEN ? AND ?"
_RANGE = [OUTGOING_NUMBER_MIN, OUTGOING_NUMBER_MAX]


def next_number(conn: sqlite3.Connection, year: int, series: str) -> int:
    """One past the highest number a report took, then past any cancelled numbers that follow."""
    newest = conn.execute(
        f"SELECT max(number) FROM register WHERE year = ? AND series = ? AND {_TAKEN}",
        [year, series, *_RANGE],
    ).fetchone()[0]
    number = (newest or 0) + 1
    ahead = conn.execute(
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


def _taken(conn: sqlite3.Connection, year: int, series: str, number: int) -> str | None:
    row = conn.execute(
        "SELECT state FROM register WHERE year = ? AND series = ? AND number = ?",
        [year, series, number],
    ).fetchone()
    return row[0] if row else None


def record_number(
    conn: sqlite3.Connection, year: int, series: str, number: int, report_id: int
) -> None:
    if not OUTGOING_NUMBER_MIN <= number <= OUTGOING_NUMBER_MAX:
        raise UserError(
            f"Số văn bản đi phải từ {OUTGOING_NUMBER_MIN} đến {OUTGOING_NUMBER_MAX}.",
            f"number {number} out of range",
            field="number",
        )
    state = _taken(conn, year, series, number)
    if state is not None:
        how = "đã hủy" if state == "cancelled" else "đã dùng cho một báo cáo khác"
        raise UserError(
            f"Số {number:02d} năm {year} {how} trong sổ văn bản đi; hãy để trống ô số để lấy số kế tiếp.",
            f"number {number}/{year}/{series} is {state}",
            field="number",
        )
    conn.execute(
        "INSERT INTO register (year, series, number, report_id, state, reason, at)"
        " VALUES (?, ?, ?, ?, 'used', '', ?)",
        [year, series, number, report_id, datetime.now().isoformat(timespec="seconds")],
    )


def cancel_number(
    conn: sqlite3.Connection, year: int, series: str, number: int, reason: str
) -> None:
    """Mark a number cancelled (used or not yet reached); it is never handed out again."""
    at = datetime.now().isoformat(timespec="seconds")
    if _taken(conn, year, series, number) == "cancelled":
        raise UserError(
            f"Số {number:02d} năm {year} đã hủy từ trước.", f"{number}/{year} already cancelled"
        )
    conn.execute(
        "INSERT INTO register (year, series, number, report_id, state, reason, at)"
        " VALUES (?, ?, ?, NULL, 'cancelled', ?, ?)"
        " ON CONFLICT (year, series, number) DO UPDATE SET state = 'cancelled', reason = ?, at = ?",
        [year, series, number, reason, at, reason, at],
    )


def release_number(
    conn: sqlite3.Connection, year: int, series: str, number: int, reason: str
) -> None:
    """Give back a number reserved for a document that was never written: removed while it is
    still the newest taken (the next report gets it, leaving no gap), cancelled otherwise."""
    newest = conn.execute(
        f"SELECT max(number) FROM register WHERE year = ? AND series = ? AND {_TAKEN}",
        [year, series, *_RANGE],
    ).fetchone()[0]
    if newest == number:
        conn.execute(
            "DELETE FROM register WHERE year = ? AND series = ? AND number = ?",
            [year, series, number],
        )
    else:
        cancel_number(conn, year, series, number, reason)


def register_rows(
    conn: sqlite3.Connection, year: int, series: str = "BC"
) -> list[tuple[int, str, int | None]]:
    """(number, state, report id) of a year's series, in order."""
    return conn.execute(
        "SELECT number, state, report_id FROM register WHERE year = ? AND series = ? ORDER BY number",
        [year, series],
    ).fetchall()
