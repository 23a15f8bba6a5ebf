"""The SQL both backends share. A backend gives the connection (``execute`` with ``?`` marks) and
the few things that differ: the search, how a path is compared, the log's order, the series lock,
and how a generate's writer is known to be alive."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from assistant.core.errors import UserError
from assistant.storage import register
from assistant.storage.contract import COPIED_COLUMNS, REPORT_COLUMNS, Actor, Filters


class SqlStore:
    data_dir: Path
    checked: bool = False
    actor: Actor
    where: str
    # The order rows of the status log were written in.
    LOG_ORDER = "rowid"
    # A report's document path equal to ``?``, as the file system compares names.
    SAME_PATH = "output_path = ? COLLATE NOCASE"
    # The period's start and end dates in the report's answers (JSON text) equal to ``?``, ``?``.
    SAME_PERIOD = (
        "json_extract(reports.answers, '$.period.start') = ?"
        " AND json_extract(reports.answers, '$.period.end') = ?"
    )

    def execute(self, sql: str, params: object = ()) -> object:
        raise NotImplementedError

    def may_number(self) -> bool:
        """Whether this user may take numbers from the register."""
        return True

    def lock_series(self, year: int, series: str) -> None:
        """Hold the (year, series) register until the transaction ends."""

    def _one(self, sql: str, params: object = ()) -> tuple | None:
        return self.execute(sql, params).fetchone()

    def _all(self, sql: str, params: object = ()) -> list[tuple]:
        return [tuple(row) for row in self.execute(sql, params).fetchall()]

    def _columns(self, values: dict) -> tuple[list[str], list[str], list]:
        """Column names, value expressions and parameters for writing ``values``."""
        return list(values), ["?"] * len(values), list(values.values())

    # -- reports ------------------------------------------------------------------------
    def status(self, entry_id: int | None) -> str | None:
        row = self._one("SELECT status FROM reports WHERE id = ?", [entry_id])
        return row[0] if row else None

    def report(self, entry_id: int) -> tuple | None:
        return self._one(f"SELECT {REPORT_COLUMNS} FROM reports WHERE id = ?", [entry_id])

    def writing_row(self, entry_id: int) -> tuple | None:
        """What settling an interrupted generate needs of its entry."""
        return self._one(
            "SELECT output_path, temp_path, sha256, year, series, number, answers FROM reports"
            " WHERE id = ? AND status = 'writing'",
            [entry_id],
        )

    def insert_report(self, values: dict) -> int:
        names, marks, params = self._columns(values)
        return self._one(
            f"INSERT INTO reports ({', '.join(names)}) VALUES ({', '.join(marks)}) RETURNING id",
            params,
        )[0]

    def update_report(self, entry_id: int, values: dict) -> None:
        """Refused when nothing changed: the row is gone, or (on a server) not this login's to
        change; callers checked it exists, so that is never silent."""
        names, marks, params = self._columns(values)
        sets = ", ".join(f"{name} = {mark}" for name, mark in zip(names, marks, strict=True))
        if (
            self.execute(f"UPDATE reports SET {sets} WHERE id = ?", [*params, entry_id]).rowcount
            != 1
        ):
            raise UserError(
                f"Không sửa được báo cáo số {entry_id}: báo cáo không còn, hoặc tài khoản này "
                "không có quyền sửa báo cáo đã có số.",
                f"{self.where}: update of report {entry_id} changed no row",
            )

    def delete_report(self, entry_id: int) -> None:
        self.execute("DELETE FROM status_log WHERE report_id = ?", [entry_id])
        self.execute("DELETE FROM reports WHERE id = ?", [entry_id])

    def log(self, entry_id: int, status: str, at: str) -> None:
        self.execute(
            "INSERT INTO status_log (report_id, status, at) VALUES (?, ?, ?)",
            [entry_id, status, at],
        )

    def drafts(self, directive_id: str) -> list[tuple[int, str]]:
        return self._all(
            "SELECT id, answers FROM reports WHERE directive_id = ? AND status = 'draft'"
            " AND archived = ? ORDER BY updated_at DESC, id DESC",
            [directive_id, False],
        )

    def recorded(self, target: str, own_id: int = 0) -> list[tuple[int, str, int, int]]:
        return self._all(
            f"SELECT id, status, number, year FROM reports WHERE {self.SAME_PATH}"
            " AND status != 'draft' AND id != ?",
            [target, own_id],
        )

    def recorded_at(self, target: str) -> tuple | None:
        return self._one(
            f"SELECT {REPORT_COLUMNS} FROM reports WHERE {self.SAME_PATH}"
            " AND status != 'draft' ORDER BY id DESC LIMIT 1",
            [target],
        )

    def _filter_sql(self, filters: Filters) -> tuple[str, list]:
        clauses, params = [], []
        if filters.archived is not None:
            clauses.append("reports.archived = ?")
            params.append(filters.archived)
        if filters.year is not None:
            # A date range, not ``year = ?``: the newest-first date index then serves it directly.
            clauses.append("reports.report_date >= ? AND reports.report_date < ?")
            params += [f"{filters.year:04d}-01-01", f"{filters.year + 1:04d}-01-01"]
        for column, value in (
            ("status", filters.status),
            ("issuer", filters.issuer),
            ("directive_id", filters.directive),
        ):
            if value is not None:
                clauses.append(f"reports.{column} = ?")
                params.append(value)
        if filters.period is not None:
            clauses.append(self.SAME_PERIOD)
            params += list(filters.period)
        return (" AND ".join(clauses) or "TRUE"), params

    def reports(self, filters: Filters, limit: int, offset: int) -> list[tuple]:
        where, params = self._filter_sql(filters)
        return self._all(
            f"SELECT {REPORT_COLUMNS} FROM reports WHERE {where}"
            " ORDER BY report_date DESC, id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def count(self, filters: Filters) -> int:
        where, params = self._filter_sql(filters)
        return self._one(f"SELECT count(*) FROM reports WHERE {where}", params)[0]

    def status_log(self, entry_ids: list[int]) -> list[tuple[int, str, str]]:
        if not entry_ids:
            return []
        marks = ", ".join("?" * len(entry_ids))
        return self._all(
            f"SELECT report_id, status, at FROM status_log WHERE report_id IN ({marks})"
            f" ORDER BY {self.LOG_ORDER}",
            list(entry_ids),
        )

    def documents(self) -> dict[int, str]:
        return dict(self._all("SELECT id, output_path FROM reports WHERE output_path IS NOT NULL"))

    def copied_rows(self) -> Iterator[tuple]:
        """(id, *COPIED_COLUMNS) of every report, oldest first."""
        for row in self.execute(f"SELECT id, {', '.join(COPIED_COLUMNS)} FROM reports ORDER BY id"):
            yield tuple(row)

    def copy_of(self, created_at: str, directive_id: str, answers: str) -> int | None:
        """The report copied from another history with these, if one was."""
        row = self._one(
            "SELECT id FROM reports WHERE created_at = ? AND directive_id = ? AND answers = ?",
            [created_at, directive_id, answers],
        )
        return row[0] if row else None

    def writing(self) -> list[tuple[int, str, str]]:
        return self._all(
            "SELECT id, writer, coalesce(writer_host, '') FROM reports WHERE status = 'writing'"
        )

    # -- the register -------------------------------------------------------------------
    def next_number(self, year: int, series: str) -> int:
        return register.next_number(self, year, series)

    def record_number(self, year: int, series: str, number: int, report_id: int) -> None:
        register.record_number(self, year, series, number, report_id)

    def cancel_number(self, year: int, series: str, number: int, reason: str) -> None:
        register.cancel_number(self, year, series, number, reason)

    def release_number(self, year: int, series: str, number: int, reason: str) -> None:
        register.release_number(self, year, series, number, reason)

    def import_number(self, row: tuple, report_id: int | None) -> str | None:
        return register.import_number(self, row, report_id)

    def number_taken(self, year: int, series: str, number: int) -> tuple | None:
        self.lock_series(year, series)
        return register.taken(self, year, series, number)

    def register_rows(self, year: int, series: str = "BC") -> list[tuple]:
        return register.register_rows(self, year, series)

    def all_register_rows(self) -> list[tuple]:
        """(year, series, number, report id, state, reason, at) of every register row."""
        return self._all(
            "SELECT year, series, number, report_id, state, reason, at FROM register"
            " ORDER BY year, series, number"
        )

    def number_log(self, year: int, series: str = "BC") -> list[tuple]:
        """(number, report id, action, reason, OS user, database user, PC, when), in order."""
        return self._all(
            "SELECT number, report_id, action, reason, os_user, db_user, host, at FROM number_log"
            " WHERE year = ? AND series = ? ORDER BY id",
            [year, series],
        )

    # -- generating ---------------------------------------------------------------------
    def writer_lock(self, token: str) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def claim(self, token: str) -> contextlib.AbstractContextManager[bool]:
        raise NotImplementedError
