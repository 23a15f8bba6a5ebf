"""``python -m assistant due [--json] [--days N] [--ics FILE]``: the reports due, by deadline."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from assistant.core.due import STATE_VI, Done, DueReport, WorkingDays, due_reports
from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_bytes, read_json_object
from assistant.paths import data_dir

HOLIDAYS_FILE = (
    "holidays.json"  # the clerk's corrections: {"days_off": [...], "working_days": [...]}
)


def working_days(folder: Path) -> WorkingDays:
    path = folder / HOLIDAYS_FILE
    if not path.exists():
        return WorkingDays()
    data = read_json_object(path, "tệp ngày nghỉ")
    try:
        return WorkingDays(
            frozenset(date.fromisoformat(d) for d in data.get("days_off", ())),
            frozenset(date.fromisoformat(d) for d in data.get("working_days", ())),
        )
    except (TypeError, ValueError) as exc:
        raise UserError(
            f"Tệp ngày nghỉ «{path.name}» có ngày không đúng dạng NNNN-TT-NN.", f"{path}: {exc}"
        ) from exc


def _done(folder: Path) -> list[Done]:
    from assistant.storage.history import History  # sqlite-utils: only for this command

    history = History.open_in(folder)
    try:
        entries = [
            e for s in ("generated", "submitted") for e in history.list(limit=100_000, status=s)
        ]
    finally:
        history.close()
    found = []
    for e in entries:
        period = e.answers.get("period") or {}
        start, end = (
            date.fromisoformat(v) if v else None for v in (period.get("start"), period.get("end"))
        )
        found.append(Done(e.directive_id, start, end, e.number_text, e.id))
    return found


def due_list(folder: Path, today: date, days: int) -> list[DueReport]:
    from assistant.commands import library_in

    return due_reports(library_in(folder).all(), _done(folder), today, working_days(folder), days)


def _as_json(row: DueReport) -> dict:
    return {
        "directive": row.directive.id,
        "symbol": row.directive.symbol,
        "report_to": row.directive.report_to,
        "deadline": row.deadline.isoformat(),
        "period_start": row.period_start.isoformat() if row.period_start else None,
        "period_end": row.period_end.isoformat() if row.period_end else None,
        "state": row.state.value,
        "number": row.done.number_text if row.done else "",
    }


def to_ics(rows: list[DueReport]) -> bytes:
    """The deadlines not yet done as all-day events an Outlook or phone calendar imports."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Bao cao nhanh//due//VI")
    calendar.add("version", "2.0")
    for row in rows:
        if row.done:
            continue
        event = Event()
        period = f" (kỳ {row.period_text})" if row.period_text else ""
        event.add("uid", f"{row.directive.id}-{row.deadline.isoformat()}@bao-cao-nhanh")
        event.add("summary", f"Hạn báo cáo: Công văn số {row.directive.symbol}{period}")
        event.add("description", f"{row.directive.subject}\nGửi: {row.directive.report_to}")
        event.add("dtstart", row.deadline)
        event.add("dtstamp", date.today())
        calendar.add_component(event)
    return calendar.to_ical()


def _run(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    rows = due_list(folder, date.today(), args.days)
    if args.ics:
        atomic_write_bytes(Path(args.ics), to_ics(rows))
        print(f"Đã ghi lịch hạn báo cáo: {args.ics}")
    if args.json:
        print(json.dumps([_as_json(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        period = f"  kỳ {row.period_text}" if row.period_text else ""
        number = f"  {row.done.number_text}" if row.done and row.done.number_text else ""
        print(
            f"{STATE_VI[row.state]:<13} {row.deadline:%d/%m/%Y}  Công văn số {row.directive.symbol}"
            f" — {row.directive.report_to}{period}{number}"
        )
    if not rows:
        print(f"Không có báo cáo nào đến hạn trong {args.days} ngày tới.")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("due", parents=[common], help="các báo cáo đến hạn, quá hạn")
    p.add_argument("--json", action="store_true", help="in ra dạng JSON")
    p.add_argument(
        "--days", type=int, default=60, metavar="N", help="xem trước N ngày (mặc định 60)"
    )
    p.add_argument("--ics", metavar="TỆP.ics", help="ghi hạn báo cáo thành tệp lịch (.ics)")
    p.set_defaults(run=_run)
