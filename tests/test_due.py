"""What is due: deadlines and periods, working days with Vietnamese holidays, the CLI and .ics."""

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from assistant.core.answers import answers_to_report
from assistant.core.due import Done, DueState, WorkingDays, due_reports
from assistant.core.request import Periodicity, PeriodRule
from assistant.storage.history import History
from tests import factories
from tests.conftest import REPO


def test_working_days_skip_weekends_and_vietnamese_holidays() -> None:
    days = WorkingDays()
    assert not days.is_working(date(2026, 2, 17))  # Tết Nguyên Đán
    assert not days.is_working(date(2026, 9, 2))  # Quốc khánh
    assert not days.is_working(date(2026, 12, 12))  # a Saturday
    assert days.is_working(date(2026, 12, 11))
    assert days.between(date(2026, 12, 11), date(2026, 12, 15)) == 2  # Friday → Tuesday
    corrected = WorkingDays(extra_off=frozenset({date(2026, 12, 14)}))
    assert corrected.between(date(2026, 12, 11), date(2026, 12, 15)) == 1


def _directive(**changes):
    return replace(factories.directive(), **changes)


def test_a_deadline_is_open_soon_overdue_then_done() -> None:
    directive = _directive(report_deadline=date(2026, 12, 15))
    state = {
        today: due_reports([directive], [], today)[0].state
        for today in (date(2026, 12, 1), date(2026, 12, 11), date(2026, 12, 16))
    }
    assert list(state.values()) == [DueState.OPEN, DueState.SOON, DueState.OVERDUE]
    done = Done(directive.id, None, None, "Số: 05/BC-PTTH", 7)
    (row,) = due_reports([directive], [done], date(2026, 12, 16))
    assert row.state is DueState.DONE and row.done.number_text == "Số: 05/BC-PTTH"


def test_each_period_of_a_periodic_directive_is_a_row() -> None:
    directive = _directive(
        date=date(2026, 1, 5), report_periods=(PeriodRule(Periodicity.QUARTERLY, 20),)
    )
    rows = due_reports([directive], [], date(2026, 7, 1), horizon_days=120)
    assert [(r.period_start.month, r.deadline.isoformat(), r.state) for r in rows] == [
        (1, "2026-03-20", DueState.OVERDUE),
        (4, "2026-06-20", DueState.OVERDUE),
        (7, "2026-09-20", DueState.OPEN),
    ]
    done = Done(directive.id, date(2026, 4, 1), date(2026, 6, 30), "", 3)
    rows = due_reports([directive], [done], date(2026, 7, 1), horizon_days=120)
    assert [r.state for r in rows] == [DueState.OVERDUE, DueState.DONE, DueState.OPEN]


def test_the_command_lists_what_is_due_and_writes_a_calendar(data_dir: Path, tmp_path) -> None:
    today = date.today()
    record = dict(
        factories.DIRECTIVE,
        number="4321",
        report_deadline=(today + timedelta(days=20)).isoformat(),
    )
    (data_dir / "directives").mkdir()
    (data_dir / "directives" / f"{record['id']}.json").write_text(
        json.dumps(record, ensure_ascii=False), encoding="utf-8"
    )
    command = [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "due"]
    listed = subprocess.run([*command, "--json"], capture_output=True, text=True, cwd=REPO)
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["directive"], row["state"]) == (record["id"], "open")
    ics = tmp_path / "han.ics"
    written = subprocess.run(
        [*command, "--ics", str(ics)], capture_output=True, text=True, cwd=REPO
    )
    assert written.returncode == 0, written.stderr
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == today + timedelta(days=20)
    assert "4321-CV/BTGTU" in str(event.get("summary"))
    history = History.open_in(data_dir)
    answers = factories.answers(number=None, directive=record["id"])
    history.generate(
        answers_to_report(answers, history.library.get(record["id"])), tmp_path / "r.docx"
    )
    history.close()
    (row,) = json.loads(
        subprocess.run([*command, "--json"], capture_output=True, text=True, cwd=REPO).stdout
    )
    assert row["state"] == "done" and row["number"] == "Số: 01/BC-PTTH"
