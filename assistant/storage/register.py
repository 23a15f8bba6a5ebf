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


def next_number(conn: sqlite3.Connection, year: int, series: str) -> int:
    """One past the highest number a report took, then past any cancelled numbers that follow."""
    rows = conn.execute(
        "SELECT number, state = 'cancelled' AND report_id IS NULL FROM register"
        " WHERE year = ? AND series = ? ORDER BY number",
        [year, series],
    ).fetchall()
    used = [n for n, cancelled_ahead in rows if not cancelled_ahead]
    number = (used[-1] if used else 0) + 1
    for taken, _ in rows:
        if taken == number:
            number += 1
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


def register_rows(
    conn: sqlite3.Connection, year: int, series: str = "BC"
) -> list[tuple[int, str, int | None]]:
    """(number, state, report id) of a year's series, in order."""
    return conn.execute(
        "SELECT number, state, report_id FROM register WHERE year = ? AND series = ? ORDER BY number",
        [year, series],
    ).fetchall()
