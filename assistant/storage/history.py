"""The history of reports: drafts, generated reports with their outgoing numbers, search.

The rows live in a ``Store`` (``contract.py``): the local SQLite file, or the agency's PostgreSQL
server; everything here is the same for both. Each row keeps the full answers snapshot (the
answers JSON, agency profile included), so a report can be regenerated, reopened or duplicated long after, and is findable by any word it contains,
with or without diacritics ("dong" finds "đồng").
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from assistant.core.answers import answers_to_report, report_to_answers, with_previous
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError, os_error
from assistant.core.figure_table import previous_dates
from assistant.core.fileio import publish, temp_path_for, write_temp
from assistant.core.formats import profile as format_profile
from assistant.core.model import Directive, Period, Report
from assistant.core.wording import TEMPLATE_VERSION
from assistant.generate import GeneratedReport, RenderedReport, checked_target, generate, render
from assistant.storage import backup, recovery
from assistant.storage.contract import Filters, Store
from assistant.storage.folding import query_words, search_text
from assistant.storage.opening import DB_FILE, open_store
from assistant.storage.sqlite_store import SqliteStore

__all__ = ["DB_FILE", "History", "HistoryEntry", "StatusDates", "period_key", "search_text"]


@dataclass(frozen=True)
class HistoryEntry:
    """One report in the history: its directive, status, number, file and answers."""

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
    pdf_path: str | None = None  # the PDF last exported from the document (``record_pdf``)
    pdf_sha256: str | None = None

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


def _report_date(answers: dict) -> date:
    try:
        return date.fromisoformat(answers.get("date") or "")
    except ValueError:
        return date.today()


class History:
    def __init__(self, where: Path | Store) -> None:
        """``where``: a SQLite file (its folder is the data folder), or an opened store."""
        self.store: Store = SqliteStore(where) if isinstance(where, Path) else where
        self.data_dir = self.store.data_dir
        self.checked = self.store.checked
        self.library = DirectiveLibrary(user_dir=self.data_dir / "directives")
        recovery.reconcile(self.store)

    @classmethod
    def open_in(cls, data_dir: Path, url: str | None = None) -> History:
        """The history of a data folder: its SQLite file, or the server of ``url`` (else of the
        ``BAO_CAO_NHANH_DATABASE`` environment variable) when one is given."""
        return cls(open_store(data_dir, url))

    @property
    def db(self):  # a sqlite_utils.Database
        """The SQLite database (the SQLite backend only): for checks that read the file itself."""
        return self.store.db

    def close(self) -> None:
        self.store.close()

    # -- writing ------------------------------------------------------------------------
    @staticmethod
    def _insert_draft(tx: Store, directive: Directive, answers: dict) -> int:
        at, when = _now(), _report_date(answers)
        entry_id = tx.insert_report(
            {
                "directive_id": directive.id,
                "directive_symbol": directive.symbol,
                "issuer": directive.issuer,
                "subject": directive.subject,
                "status": "draft",
                "format_id": answers.get("format") or "",
                "template_version": TEMPLATE_VERSION,
                "series": "BC",
                "year": when.year,
                "report_date": when.isoformat(),
                "created_at": at,
                "updated_at": at,
                "answers": json.dumps(answers, ensure_ascii=False),
                "search_text": search_text(
                    directive.symbol, directive.issuer, directive.subject, answers
                ),
            }
        )
        tx.log(entry_id, "draft", at)
        return entry_id

    def save_draft(self, directive: Directive, answers: dict, entry_id: int | None = None) -> int:
        """Create or update a draft; a row that is no longer a draft is left alone (a new draft starts)."""
        with self.store.transaction() as tx:
            status = tx.status(entry_id) if entry_id is not None else None
            if status != "draft":
                return self._insert_draft(tx, directive, answers)
            when = _report_date(answers)
            tx.update_report(
                entry_id,
                {
                    "answers": json.dumps(answers, ensure_ascii=False),
                    "search_text": search_text(
                        directive.symbol, directive.issuer, directive.subject, answers
                    ),
                    "updated_at": _now(),
                    "year": when.year,
                    "report_date": when.isoformat(),
                    "format_id": answers.get("format") or "",
                },
            )
            return entry_id

    def status(self, entry_id: int) -> str | None:
        return self.store.status(entry_id)

    def newest_draft(self, directive_id: str, answers: dict | None = None) -> int | None:
        """The draft last edited of a directive (of the period of ``answers`` when given)."""
        for row_id, snapshot in self.store.drafts(directive_id):
            if answers is None or period_key(json.loads(snapshot)) == period_key(answers):
                return row_id
        return None

    def previous_answers(self, directive_id: str, period: Period) -> dict | None:
        """The answers of the report of ``directive_id`` for the period just before ``period``
        (as long as it: the quarter before a quarter), generated or sent, the newest if several;
        None when there is none, or when ``period`` has no dates."""
        dates = previous_dates(period)
        if dates is None:
            return None
        wanted = (dates[0].isoformat(), dates[1].isoformat())
        found = [
            self._entry(row)
            for status in ("generated", "submitted")
            for row in self.store.reports(
                Filters(status=status, archived=None, directive=directive_id, period=wanted),
                1_000_000,
                0,
            )
        ]
        return max(found, key=lambda e: (e.report_date, e.id)).answers if found else None

    def _existing(self, tx: Store, entry_id: int, doing: str) -> str:
        status = tx.status(entry_id)
        if status is None:
            raise UserError(
                f"Không có báo cáo số {entry_id} trong lịch sử.", f"{doing}({entry_id}): no report"
            )
        return status

    def delete_draft(self, entry_id: int) -> None:
        """A draft is deleted for good; a generated or sent report is only ever archived."""
        with self.store.transaction() as tx:
            status = self._existing(tx, entry_id, "delete_draft")
            if status != "draft":
                raise UserError(
                    "Chỉ xóa được bản nháp. Báo cáo đã tạo hoặc đã gửi được giữ lại trong sổ văn "
                    "bản đi; có thể lưu trữ để ẩn khỏi danh sách.",
                    f"delete_draft({entry_id}): status is {status}",
                )
            tx.delete_report(entry_id)

    def archive(self, entry_id: int, archived: bool = True) -> None:
        """Hidden from the usual list (shown with the «đã lưu trữ» filter); nothing is deleted."""
        with self.store.transaction() as tx:
            if self._existing(tx, entry_id, "archive") == "writing":
                raise UserError(
                    "Báo cáo này đang được ghi ra tệp; hãy chờ xong rồi lưu trữ.",
                    f"archive({entry_id}): writing",
                )
            tx.update_report(entry_id, {"archived": bool(archived)})

    def unarchive(self, entry_id: int) -> None:
        self.archive(entry_id, archived=False)

    def record_pdf(self, entry_id: int, path: Path, sha256: str) -> None:
        """The PDF exported from a report's document, kept beside it (the last one exported)."""
        with self.store.transaction() as tx:
            if self._existing(tx, entry_id, "record_pdf") not in ("generated", "submitted"):
                raise UserError(
                    "Chỉ ghi được bản PDF cho báo cáo đã tạo.", f"record_pdf({entry_id}): no file"
                )
            tx.update_report(entry_id, {"pdf_path": str(path), "pdf_sha256": sha256})

    def recorded_at(self, target: Path) -> HistoryEntry | None:
        """The generated or sent report whose document is ``target``, if any."""
        row = self.store.recorded_at(str(target))
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
        numbered: bool | None = None,
    ) -> tuple[int, GeneratedReport]:
        """Reserve the outgoing number, write the document, and record it.

        Two commits around the file write (``recovery.py`` says what a crash at each point
        leaves): no finished document exists at its target without its entry, and two writers
        queue on the register's lock so they never take the same number.

        ``numbered`` False writes the blank «Số:    /BC-…» for the văn thư to number later
        (``give_number``); by default, a login that may not take numbers (a specialist on the
        server) generates that way.
        """
        target = checked_target(out)
        if report.compare_previous and report.previous is None:
            earlier = self.previous_answers(report.directive.id, report.period)
            report = with_previous(report, earlier)
        token = uuid.uuid4().hex
        if numbered is None:
            numbered = report.number is not None or self.store.may_number()
        with self.store.writer_lock(token):
            entry_id, rendered, temp = self._reserve(
                report, target, entry_id, template_dirs, series, token, numbered
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
        numbered: bool,
    ) -> tuple[int, RenderedReport, Path]:
        """First commit: the number taken (unless not ``numbered``) and the entry ``writing``,
        with what the file will be."""
        with self.store.transaction() as tx:
            self._refuse_recorded(tx, target, entry_id or 0)
            if entry_id is None or not self._continued(tx, entry_id):
                entry_id = self._insert_draft(tx, report.directive, report_to_answers(report))
            year, number = report.date.year, report.number
            if number is None and numbered:
                number = tx.next_number(year, series)
            if number is not None:
                tx.record_number(year, series, number, entry_id)
            numbered = replace(report, number=number)
            rendered = render(numbered, template_dirs)
            temp = temp_path_for(target, token)
            tx.update_report(
                entry_id,
                {
                    **self._writing(numbered, rendered, target, series),
                    "temp_path": str(temp),
                    "writer": token,
                    "writer_host": tx.actor.host,
                },
            )
            tx.log(entry_id, "writing", _now())
        return entry_id, rendered, temp

    @staticmethod
    def _continued(tx: Store, entry_id: int) -> bool:
        """Whether generating goes on with this entry: a draft, or a report generated without a
        number (being numbered); any other keeps its row and a new one starts."""
        row = tx.report(entry_id)
        return row is not None and (row[5] == "draft" or (row[5] == "generated" and row[9] is None))

    def _finish(self, entry_id: int) -> None:
        """Second commit: the document is in place."""
        at = _now()
        with self.store.transaction() as tx:
            tx.update_report(entry_id, {"status": "generated", **_WRITER_GONE, "updated_at": at})
            tx.log(entry_id, "generated", at)

    def _release(self, entry_id: int, report: Report, series: str) -> None:
        """The file could not be written: the number goes back and the entry is a draft again."""
        answers = report_to_answers(report)
        with self.store.transaction() as tx:
            entry = self._entry(tx.report(entry_id))
            if entry.number is not None:
                tx.release_number(entry.year, series, entry.number, "Không ghi được tệp báo cáo.")
            tx.update_report(
                entry_id,
                {
                    "status": "draft",
                    "number": None,
                    "output_path": None,
                    "sha256": None,
                    **_WRITER_GONE,
                    "answers": json.dumps(answers, ensure_ascii=False),
                    "updated_at": _now(),
                },
            )
            tx.log(entry_id, "draft", _now())

    @staticmethod
    def _refuse_recorded(tx: Store, target: Path, own_id: int = 0) -> None:
        """Never overwrite a document the history records (a report already sent, perhaps)."""
        for entry_id, status, number, year in tx.recorded(str(target), own_id):
            if status == "writing" or target.exists():
                raise UserError(
                    f"Tệp «{target.name}» là báo cáo số {number:02d} năm {year} đã lưu trong lịch "
                    "sử; chương trình không ghi đè. Hãy lưu với tên khác.",
                    f"{target} is the document of history entry {entry_id} ({status})",
                )

    @staticmethod
    def _writing(report: Report, result: RenderedReport, target: Path, series: str) -> dict:
        answers = report_to_answers(report)
        directive = report.directive
        return {
            "status": "writing",
            "subject": " ".join(result.layout.subject.split()),  # one line, as lists show it
            "format_id": report.effective_format,
            "template_version": TEMPLATE_VERSION,
            "series": series,
            "number": report.number,
            "year": report.date.year,
            "report_date": report.date.isoformat(),
            "updated_at": _now(),
            "output_path": str(target),
            "sha256": result.sha256,
            "answers": json.dumps(answers, ensure_ascii=False),
            "search_text": search_text(
                directive.symbol,
                directive.issuer,
                result.layout.subject,
                answers,
                result.layout.plain_text(),
            ),
        }

    def regenerate(self, entry_id: int, out: Path | None = None) -> GeneratedReport:
        """The same snapshot written again: identical text, same number."""
        entry = self.get(entry_id)
        if entry.status == "draft":
            raise UserError(
                "Báo cáo này còn là bản nháp; hãy tạo báo cáo trước.", f"{entry_id} is a draft"
            )
        report = answers_to_report(entry.answers, self.library.get(entry.directive_id))
        target = checked_target(out or Path(entry.output_path or f"bao-cao-{entry_id}.docx"))
        self._refuse_recorded(self.store, target, entry_id)
        result = generate(report, target)
        with self.store.transaction() as tx:
            tx.update_report(
                entry_id,
                {"output_path": str(result.path), "sha256": result.sha256, "updated_at": _now()},
            )
        return result

    def give_number(self, entry_id: int, out: Path | None = None, series: str = "BC") -> int:
        """The văn thư numbers a report generated without a number: the next number is taken and
        the document written again with it (where it was, unless ``out``); returns the number."""
        entry = self.get(entry_id)
        if entry.status != "generated" or entry.number is not None:
            raise UserError(
                "Chỉ cấp số cho báo cáo đã tạo mà chưa có số.",
                f"give_number({entry_id}): {entry.status}, number {entry.number}",
            )
        report = answers_to_report(entry.answers, self.library.get(entry.directive_id))
        target = out or Path(entry.output_path or f"bao-cao-{entry_id}.docx")
        self.generate(report, target, entry_id=entry_id, series=series, numbered=True)
        return self.get(entry_id).number

    def mark_submitted(self, entry_id: int) -> None:
        if self.status(entry_id) == "generated" and self.get(entry_id).number is None:
            raise UserError(
                "Báo cáo này chưa có số; văn thư cấp số trước khi đánh dấu «đã gửi».",
                f"mark_submitted({entry_id}): no number",
            )
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
        with self.store.transaction() as tx:
            if tx.status(entry_id) != before:
                raise UserError(refusal, f"{entry_id}: {before} -> {after}: status is not {before}")
            at = _now()
            tx.update_report(entry_id, {"status": after, "updated_at": at})
            tx.log(entry_id, after, at)

    def _copy_as_draft(self, entry_id: int, **changes: object) -> int:
        entry = self.get(entry_id)
        answers = {**entry.answers, "number": None, **changes}
        with self.store.transaction() as tx:
            return self._insert_draft(tx, self.library.get(entry.directive_id), answers)

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
        with self.store.transaction() as tx:
            tx.cancel_number(year, series, number, reason)

    # -- reading ------------------------------------------------------------------------
    @staticmethod
    def _entry(row: tuple) -> HistoryEntry:
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
            pdf_path,
            pdf_sha,
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
            pdf_path,
            pdf_sha,
        )

    def get(self, entry_id: int) -> HistoryEntry:
        row = self.store.report(entry_id)
        if row is None:
            raise UserError(
                f"Không có báo cáo số {entry_id} trong lịch sử.", f"no report {entry_id}"
            )
        return self._entry(row)

    def status_log(self, entry_id: int) -> list[tuple[str, str]]:
        return [(status, at) for _, status, at in self.store.status_log([entry_id])]

    def dates(self, entry_ids: Sequence[int]) -> dict[int, StatusDates]:
        """Started, generated, sent, for a page of entries in one query."""
        ids = list(entry_ids)
        found: dict[int, dict[str, str | None]] = {i: {} for i in ids}
        for report_id, status, at in self.store.status_log(ids):
            seen = found[report_id]
            seen.setdefault("created", at)
            if status == "generated":
                seen.setdefault("generated", at)
                seen["submitted"] = None  # a sending undone
            elif status == "submitted":
                seen["submitted"] = at
        return {i: StatusDates(**v) for i, v in found.items()}

    def list(
        self,
        *,
        limit: int = 50,
        offset: int = 0,
        year: int | None = None,
        status: str | None = None,
        issuer: str | None = None,
        archived: bool | None = False,
        directive: str | None = None,
    ) -> list[HistoryEntry]:
        """Newest first."""
        rows = self.store.reports(Filters(year, status, issuer, archived, directive), limit, offset)
        return [self._entry(r) for r in rows]

    def count(
        self,
        *,
        year: int | None = None,
        status: str | None = None,
        issuer: str | None = None,
        archived: bool | None = False,
        directive: str | None = None,
    ) -> int:
        return self.store.count(Filters(year, status, issuer, archived, directive))

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
        words = query_words(query)
        filters = Filters(year, status, issuer, archived)
        rows = (
            self.store.search(words, filters, limit, offset)
            if words
            else self.store.reports(filters, limit, offset)
        )
        return [self._entry(r) for r in rows]

    # -- backup -------------------------------------------------------------------------
    def export(self, zip_path: Path) -> Path:
        """One .zip with a consistent copy of the history and every document written."""
        documents = {row_id: Path(path) for row_id, path in self.store.documents().items()}
        return self.store.export(zip_path, documents)

    @staticmethod
    def restore(zip_path: Path, data_dir: Path) -> History:
        """Replace the local history by a backup; the current database is kept aside, never deleted."""
        backup.restore(zip_path, data_dir / DB_FILE)
        return History(data_dir / DB_FILE)


# What a finished or abandoned generate clears: its writer's temporary file, lock and PC.
_WRITER_GONE = {"temp_path": None, "writer": None, "writer_host": None}
