"""The local history of reports: drafts, generated reports with their outgoing numbers, search.

Each row keeps the full answers snapshot (the answers JSON, agency profile included), so a report
can be regenerated, reopened or duplicated long after, and is findable by any word it contains,
with or without diacritics ("dong" finds "đồng").
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import sqlite_utils

from assistant.core.answers import answers_to_report, report_to_answers
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError, os_error
from assistant.core.fileio import publish, temp_path_for, write_temp
from assistant.core.formats import profile as format_profile
from assistant.core.model import Directive, Period, Report
from assistant.core.vntext import fold
from assistant.core.wording import TEMPLATE_VERSION
from assistant.generate import GeneratedReport, RenderedReport, checked_target, generate, render
from assistant.storage import backup, recovery
from assistant.storage.db import connect, transaction
from assistant.storage.register import (
    cancel_number,
    next_number,
    record_number,
    release_number,
)

DB_FILE = "history.sqlite3"


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    directive_id: str
    directive_symbol: str
    issuer: str
    subject: str  # the report's trích yếu once generated; the directive's subject before
    status: str
    format_id: str
    template_version: str
    number: int | None
    number_text: str  # "Số: 05/BC-PTTH"; empty while a draft
    report_date: date
    year: int
    created_at: str
    updated_at: str
    output_path: str | None
    sha256: str | None
    answers: dict
    archived: bool = False

    @property
    def period(self) -> tuple[str | None, str | None, str]:
        """(start, end, label) of the answers: a directive has one draft per period."""
        return period_key(self.answers)


@dataclass(frozen=True)
class StatusDates:
    """When an entry was started, generated and sent, read from its status log."""

    created: str | None = None
    generated: str | None = None
    submitted: str | None = None  # None again once the sending was undone


def period_key(answers: dict) -> tuple[str | None, str | None, str]:
    period = answers.get("period") or {}
    return (
        period.get("start") or None,
        period.get("end") or None,
        " ".join(str(period.get("label") or "").split()),
    )


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _words(value: object) -> list[str]:
    """Every string and number inside an answers snapshot, for the search index."""
    if isinstance(value, dict):
        return [w for v in value.values() for w in _words(v)]
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [str(value)]
    return []


def search_text(symbol: str, issuer: str, subject: str, answers: dict, document: str = "") -> str:
    return fold(" ".join([symbol, issuer, subject, document, *_words(answers)]))


def _fts_query(query: str) -> str:
    """Folded words, all required, the last one as a prefix (it may still be being typed):
    "Tăng cường tuyên" → "tang" "cuong" "tuyen"*."""
    words = re.findall(r"\w+", fold(query))
    return " ".join([*(f'"{w}"' for w in words[:-1]), *(f'"{w}"*' for w in words[-1:])])


def _report_date(answers: dict) -> date:
    try:
        return date.fromisoformat(answers.get("date") or "")
    except ValueError:
        return date.today()


class History:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.data_dir = path.parent
        # A full integrity check only after a process died with the history open.
        self.checked = recovery.begin_session(self.data_dir)
        self.db: sqlite_utils.Database = connect(
            path, after_migrate=self._reindex, full_check=self.checked
        )
        self.library = DirectiveLibrary(user_dir=self.data_dir / "directives")
        recovery.reconcile(self.db, self.data_dir)

    @classmethod
    def open_in(cls, data_dir: Path) -> History:
        return cls(data_dir / DB_FILE)

    def close(self) -> None:
        self.db.conn.close()

    @staticmethod
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

    # -- writing ------------------------------------------------------------------------
    def _log(self, conn: sqlite3.Connection, entry_id: int, status: str, at: str) -> None:
        conn.execute(
            "INSERT INTO status_log (report_id, status, at) VALUES (?, ?, ?)",
            [entry_id, status, at],
        )

    def _insert_draft(self, conn: sqlite3.Connection, directive: Directive, answers: dict) -> int:
        at, when = _now(), _report_date(answers)
        cursor = conn.execute(
            "INSERT INTO reports (directive_id, directive_symbol, issuer, subject, status, format_id,"
            " template_version, series, year, report_date, created_at, updated_at, answers, search_text)"
            " VALUES (?, ?, ?, ?, 'draft', ?, ?, 'BC', ?, ?, ?, ?, ?, ?)",
            [
                directive.id,
                directive.symbol,
                directive.issuer,
                directive.subject,
                answers.get("format") or "",
                TEMPLATE_VERSION,
                when.year,
                when.isoformat(),
                at,
                at,
                json.dumps(answers, ensure_ascii=False),
                search_text(directive.symbol, directive.issuer, directive.subject, answers),
            ],
        )
        self._log(conn, cursor.lastrowid, "draft", at)
        return cursor.lastrowid

    def save_draft(self, directive: Directive, answers: dict, entry_id: int | None = None) -> int:
        """Create or update a draft; a row that is no longer a draft is left alone (a new draft starts)."""
        with transaction(self.db) as conn:
            status = self._status(conn, entry_id) if entry_id is not None else None
            if status != "draft":
                return self._insert_draft(conn, directive, answers)
            when = _report_date(answers)
            conn.execute(
                "UPDATE reports SET answers = ?, search_text = ?, updated_at = ?, year = ?,"
                " report_date = ?, format_id = ? WHERE id = ?",
                [
                    json.dumps(answers, ensure_ascii=False),
                    search_text(directive.symbol, directive.issuer, directive.subject, answers),
                    _now(),
                    when.year,
                    when.isoformat(),
                    answers.get("format") or "",
                    entry_id,
                ],
            )
            return entry_id

    def status(self, entry_id: int) -> str | None:
        return self._status(self.db.conn, entry_id)

    def newest_draft(self, directive_id: str, answers: dict | None = None) -> int | None:
        """The draft last edited of a directive (of the period of ``answers`` when given)."""
        rows = self.db.execute(
            "SELECT id, answers FROM reports WHERE directive_id = ? AND status = 'draft'"
            " AND archived = 0 ORDER BY updated_at DESC, id DESC",
            [directive_id],
        ).fetchall()
        for row_id, snapshot in rows:
            if answers is None or period_key(json.loads(snapshot)) == period_key(answers):
                return row_id
        return None

    def delete_draft(self, entry_id: int) -> None:
        """A draft is deleted for good; a generated or sent report is only ever archived."""
        with transaction(self.db) as conn:
            status = self._status(conn, entry_id)
            if status is None:
                raise UserError(
                    f"Không có báo cáo số {entry_id} trong lịch sử.", f"no report {entry_id}"
                )
            if status != "draft":
                raise UserError(
                    "Chỉ xóa được bản nháp. Báo cáo đã tạo hoặc đã gửi được giữ lại trong sổ văn "
                    "bản đi; có thể lưu trữ để ẩn khỏi danh sách.",
                    f"delete_draft({entry_id}): status is {status}",
                )
            conn.execute("DELETE FROM status_log WHERE report_id = ?", [entry_id])
            conn.execute("DELETE FROM reports WHERE id = ?", [entry_id])

    def archive(self, entry_id: int, archived: bool = True) -> None:
        """Hidden from the usual list (shown with the «đã lưu trữ» filter); nothing is deleted."""
        with transaction(self.db) as conn:
            status = self._status(conn, entry_id)
            if status is None:
                raise UserError(
                    f"Không có báo cáo số {entry_id} trong lịch sử.", f"no report {entry_id}"
                )
            if status == "writing":
                raise UserError(
                    "Báo cáo này đang được ghi ra tệp; hãy chờ xong rồi lưu trữ.",
                    f"archive({entry_id}): writing",
                )
            conn.execute("UPDATE reports SET archived = ? WHERE id = ?", [int(archived), entry_id])

    def unarchive(self, entry_id: int) -> None:
        self.archive(entry_id, archived=False)

    def recorded_at(self, target: Path) -> HistoryEntry | None:
        """The generated or sent report whose document is ``target``, if any."""
        row = self.db.execute(
            f"SELECT {self._COLUMNS} FROM reports WHERE output_path = ? COLLATE NOCASE"
            " AND status != 'draft' ORDER BY id DESC LIMIT 1",
            [str(target)],
        ).fetchone()
        return self._entry(row) if row else None

    def free_name(self, target: Path) -> Path:
        """``target``, or «name (2).docx», «name (3).docx»…: the first that is neither a file
        nor recorded in the history."""
        candidate, n = target, 1
        while candidate.exists() or self.recorded_at(candidate) is not None:
            n += 1
            candidate = target.with_name(f"{target.stem} ({n}){target.suffix}")
        return candidate

    def generate(
        self,
        report: Report,
        out: Path,
        *,
        entry_id: int | None = None,
        template_dirs: Sequence[Path] = (),
        series: str = "BC",
    ) -> tuple[int, GeneratedReport]:
        """Reserve the outgoing number, write the document, and record it.

        Two commits around the file write (``recovery.py`` says what a crash at each point
        leaves): no finished document exists at its target without its entry, and two processes
        queue on ``BEGIN IMMEDIATE`` so they never take the same number.
        """
        target = checked_target(out)
        token = uuid.uuid4().hex
        with recovery.writer_lock(self.data_dir, token):
            entry_id, rendered, temp = self._reserve(
                report, target, entry_id, template_dirs, series, token
            )
            try:
                write_temp(temp, rendered.data)
                publish(temp, target)
            except OSError as exc:
                temp.unlink(missing_ok=True)
                self._release(entry_id, report, series)
                raise os_error(exc, target, "ghi") from exc
            self._finish(entry_id)
        return entry_id, GeneratedReport(
            target, rendered.sha256, rendered.layout, rendered.warnings
        )

    def _reserve(
        self,
        report: Report,
        target: Path,
        entry_id: int | None,
        template_dirs: Sequence[Path],
        series: str,
        token: str,
    ) -> tuple[int, RenderedReport, Path]:
        """First commit: the number taken and the entry ``writing``, with what the file will be."""
        with transaction(self.db) as conn:
            self._refuse_recorded(conn, target)
            if entry_id is None or self._status(conn, entry_id) != "draft":
                entry_id = self._insert_draft(conn, report.directive, report_to_answers(report))
            year = report.date.year
            number = report.number if report.number is not None else next_number(conn, year, series)
            record_number(conn, year, series, number, entry_id)
            numbered = replace(report, number=number)
            rendered = render(numbered, template_dirs)
            temp = temp_path_for(target, token)
            self._record_writing(conn, entry_id, numbered, rendered, target, series)
            conn.execute(
                "UPDATE reports SET temp_path = ?, writer = ? WHERE id = ?",
                [str(temp), token, entry_id],
            )
            self._log(conn, entry_id, "writing", _now())
        return entry_id, rendered, temp

    def _finish(self, entry_id: int) -> None:
        """Second commit: the document is in place."""
        at = _now()
        with transaction(self.db) as conn:
            conn.execute(
                "UPDATE reports SET status = 'generated', temp_path = NULL, writer = NULL,"
                " updated_at = ? WHERE id = ?",
                [at, entry_id],
            )
            self._log(conn, entry_id, "generated", at)

    def _release(self, entry_id: int, report: Report, series: str) -> None:
        """The file could not be written: the number goes back and the entry is a draft again."""
        answers = report_to_answers(report)
        with transaction(self.db) as conn:
            number, year = conn.execute(
                "SELECT number, year FROM reports WHERE id = ?", [entry_id]
            ).fetchone()
            release_number(conn, year, series, number, "Không ghi được tệp báo cáo.")
            conn.execute(
                "UPDATE reports SET status = 'draft', number = NULL, output_path = NULL,"
                " sha256 = NULL, temp_path = NULL, writer = NULL, answers = ?, updated_at = ?"
                " WHERE id = ?",
                [json.dumps(answers, ensure_ascii=False), _now(), entry_id],
            )
            self._log(conn, entry_id, "draft", _now())

    @staticmethod
    def _refuse_recorded(conn: sqlite3.Connection, target: Path, own_id: int = 0) -> None:
        """Never overwrite a document the history records (a report already sent, perhaps)."""
        rows = conn.execute(
            "SELECT id, status, number, year FROM reports"
            " WHERE output_path = ? COLLATE NOCASE AND status != 'draft' AND id != ?",
            [str(target), own_id],
        ).fetchall()
        for entry_id, status, number, year in rows:
            if status == "writing" or target.exists():
                raise UserError(
                    f"Tệp «{target.name}» là báo cáo số {number:02d} năm {year} đã lưu trong lịch "
                    "sử; chương trình không ghi đè. Hãy lưu với tên khác.",
                    f"{target} is the document of history entry {entry_id} ({status})",
                )

    def _record_writing(
        self,
        conn: sqlite3.Connection,
        entry_id: int,
        report: Report,
        result: RenderedReport,
        target: Path,
        series: str,
    ) -> None:
        answers = report_to_answers(report)
        directive = report.directive
        conn.execute(
            "UPDATE reports SET status = 'writing', subject = ?, format_id = ?, template_version = ?,"
            " series = ?, number = ?, year = ?, report_date = ?, updated_at = ?, output_path = ?,"
            " sha256 = ?, answers = ?, search_text = ? WHERE id = ?",
            [
                " ".join(result.layout.subject.split()),  # one line, as lists show it
                report.effective_format,
                TEMPLATE_VERSION,
                series,
                report.number,
                report.date.year,
                report.date.isoformat(),
                _now(),
                str(target),
                result.sha256,
                json.dumps(answers, ensure_ascii=False),
                search_text(
                    directive.symbol,
                    directive.issuer,
                    result.layout.subject,
                    answers,
                    result.layout.plain_text(),
                ),
                entry_id,
            ],
        )

    def regenerate(self, entry_id: int, out: Path | None = None) -> GeneratedReport:
        """The same snapshot written again: identical text, same number."""
        entry = self.get(entry_id)
        if entry.status == "draft":
            raise UserError(
                "Báo cáo này còn là bản nháp; hãy tạo báo cáo trước.", f"{entry_id} is a draft"
            )
        report = answers_to_report(entry.answers, self.library.get(entry.directive_id))
        target = checked_target(out or Path(entry.output_path or f"bao-cao-{entry_id}.docx"))
        self._refuse_recorded(self.db.conn, target, entry_id)
        result = generate(report, target)
        with transaction(self.db) as conn:
            conn.execute(
                "UPDATE reports SET output_path = ?, sha256 = ?, updated_at = ? WHERE id = ?",
                [str(result.path), result.sha256, _now(), entry_id],
            )
        return result

    def mark_submitted(self, entry_id: int) -> None:
        self._move(
            entry_id,
            "generated",
            "submitted",
            "Chỉ báo cáo đã tạo (chưa gửi) mới đánh dấu «đã gửi» được.",
        )

    def unsubmit(self, entry_id: int) -> None:
        """Undo «đã gửi»: the report is generated (not sent) again, and the log says so."""
        self._move(entry_id, "submitted", "generated", "Báo cáo này chưa được đánh dấu «đã gửi».")

    def _move(self, entry_id: int, before: str, after: str, refusal: str) -> None:
        """One status change, logged; refused (``refusal``) unless the report is ``before``."""
        with transaction(self.db) as conn:
            if self._status(conn, entry_id) != before:
                raise UserError(refusal, f"{entry_id}: {before} -> {after}: status is not {before}")
            at = _now()
            conn.execute(
                "UPDATE reports SET status = ?, updated_at = ? WHERE id = ?", [after, at, entry_id]
            )
            self._log(conn, entry_id, after, at)

    def _copy_as_draft(self, entry_id: int, **changes: object) -> int:
        entry = self.get(entry_id)
        answers = {**entry.answers, "number": None, **changes}
        with transaction(self.db) as conn:
            return self._insert_draft(conn, self.library.get(entry.directive_id), answers)

    def reopen(self, entry_id: int) -> int:
        """A new draft with the same answers; the generated original stays as it was."""
        return self._copy_as_draft(entry_id)

    def duplicate(self, entry_id: int, period: Period | None = None) -> int:
        """A draft for a new period: the answers copied, number and date cleared. A directive has
        one draft per period: when that period already has a draft, it is the one returned."""
        new_period = {
            "start": period.start.isoformat() if period and period.start else None,
            "end": period.end.isoformat() if period and period.end else None,
            "label": period.label if period else "",
        }
        entry = self.get(entry_id)
        existing = self.newest_draft(entry.directive_id, {"period": new_period})
        if existing is not None:
            return existing
        return self._copy_as_draft(entry_id, date=None, period=new_period)

    def cancel_number(self, year: int, number: int, reason: str, series: str = "BC") -> None:
        with transaction(self.db) as conn:
            cancel_number(conn, year, series, number, reason)

    # -- reading ------------------------------------------------------------------------
    @staticmethod
    def _status(conn: sqlite3.Connection, entry_id: int | None) -> str | None:
        row = conn.execute("SELECT status FROM reports WHERE id = ?", [entry_id]).fetchone()
        return row[0] if row else None

    _COLUMNS = (
        "id, directive_id, directive_symbol, issuer, subject, status, format_id, template_version,"
        " series, number, report_date, year, created_at, updated_at, output_path, sha256, answers,"
        " archived"
    )

    def _entry(self, row: tuple) -> HistoryEntry:
        (
            row_id,
            directive_id,
            symbol,
            issuer,
            subject,
            status,
            format_id,
            version,
            _series,
            number,
            report_date,
            year,
            created,
            updated,
            output,
            sha,
            answers,
            archived,
        ) = row
        snapshot = json.loads(answers)
        agency = snapshot.get("profile", {}).get("symbol", "")
        number_text = ""
        if number is not None and format_id:
            number_text = format_profile(format_id).format_number(agency, number)
        return HistoryEntry(
            row_id,
            directive_id,
            symbol or "",
            issuer or "",
            subject or "",
            status,
            format_id or "",
            version or "",
            number,
            number_text,
            date.fromisoformat(report_date),
            year,
            created,
            updated,
            output,
            sha,
            snapshot,
            bool(archived),
        )

    def get(self, entry_id: int) -> HistoryEntry:
        row = self.db.execute(
            f"SELECT {self._COLUMNS} FROM reports WHERE id = ?", [entry_id]
        ).fetchone()
        if row is None:
            raise UserError(
                f"Không có báo cáo số {entry_id} trong lịch sử.", f"no report {entry_id}"
            )
        return self._entry(row)

    def status_log(self, entry_id: int) -> list[tuple[str, str]]:
        rows = self.db.execute(
            "SELECT status, at FROM status_log WHERE report_id = ? ORDER BY rowid", [entry_id]
        ).fetchall()
        return [(status, at) for status, at in rows]

    def dates(self, entry_ids: Sequence[int]) -> dict[int, StatusDates]:
        """Started, generated, sent, for a page of entries in one query."""
        ids = list(entry_ids)
        found: dict[int, dict[str, str | None]] = {i: {} for i in ids}
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        for report_id, status, at in self.db.execute(
            f"SELECT report_id, status, at FROM status_log WHERE report_id IN ({marks})"
            " ORDER BY rowid",
            ids,
        ):
            seen = found[report_id]
            seen.setdefault("created", at)
            if status == "generated":
                seen.setdefault("generated", at)
                seen["submitted"] = None  # a sending undone
            elif status == "submitted":
                seen["submitted"] = at
        return {i: StatusDates(**v) for i, v in found.items()}

    @staticmethod
    def _filters(
        year: int | None, status: str | None, issuer: str | None, archived: bool | None = False
    ) -> tuple[str, list]:
        """``archived``: False hides archived entries (the usual list), True shows only them,
        None shows all."""
        clauses, params = [], []
        if archived is not None:
            clauses.append("reports.archived = ?")
            params.append(int(archived))
        if year is not None:
            # A date range, not ``year = ?``: the newest-first date index then serves it directly.
            clauses.append("reports.report_date >= ? AND reports.report_date < ?")
            params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        for column, value in (("status", status), ("issuer", issuer)):
            if value is not None:
                clauses.append(f"reports.{column} = ?")
                params.append(value)
        return (" AND ".join(clauses) or "1"), params

    def list(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        year: int | None = None,
        status: str | None = None,
        issuer: str | None = None,
        archived: bool | None = False,
    ) -> list[HistoryEntry]:
        """Newest first."""
        where, params = self._filters(year, status, issuer, archived)
        rows = self.db.execute(
            f"SELECT {self._COLUMNS} FROM reports WHERE {where}"
            " ORDER BY report_date DESC, id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        return [self._entry(r) for r in rows]

    def count(
        self,
        *,
        year: int | None = None,
        status: str | None = None,
        issuer: str | None = None,
        archived: bool | None = False,
    ) -> int:
        where, params = self._filters(year, status, issuer, archived)
        return self.db.execute(f"SELECT count(*) FROM reports WHERE {where}", params).fetchone()[0]

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        offset: int = 0,
        year: int | None = None,
        status: str | None = None,
        issuer: str | None = None,
        archived: bool | None = False,
    ) -> list[HistoryEntry]:
        """Full text, insensitive to diacritics and đ/d, newest first; an empty query lists."""
        terms = _fts_query(query)
        if not terms:
            return self.list(
                limit=limit,
                offset=offset,
                year=year,
                status=status,
                issuer=issuer,
                archived=archived,
            )
        where, params = self._filters(year, status, issuer, archived)
        # Sort the hits on the narrow index, then read only the page of rows shown.
        rows = self.db.execute(
            f"SELECT {self._COLUMNS} FROM reports WHERE id IN ("
            " SELECT reports.id FROM reports_fts"
            " JOIN reports INDEXED BY reports_hits ON reports.id = reports_fts.rowid"
            f" WHERE reports_fts MATCH ? AND {where}"
            " ORDER BY reports.report_date DESC, reports.id DESC LIMIT ? OFFSET ?"
            ") ORDER BY report_date DESC, id DESC",
            [terms, *params, limit, offset],
        ).fetchall()
        return [self._entry(r) for r in rows]

    # -- backup -------------------------------------------------------------------------
    def export(self, zip_path: Path) -> Path:
        """One .zip with a consistent copy of the database and every document written."""
        documents = {
            row_id: Path(path)
            for row_id, path in self.db.execute(
                "SELECT id, output_path FROM reports WHERE output_path IS NOT NULL"
            ).fetchall()
        }
        return backup.export(self.db.conn, documents, zip_path)

    @staticmethod
    def restore(zip_path: Path, data_dir: Path) -> History:
        """Replace the history by a backup; the current database is kept aside, never deleted."""
        backup.restore(zip_path, data_dir / DB_FILE)
        return History.open_in(data_dir)
