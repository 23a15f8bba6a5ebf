"""What is due: one row per directive and period, with its deadline and where the clerk stands.

A directive asks for one report by a date (``report_deadline``) or for periodic ones
(``report_periods``: each period's deadline from its rule). A row is *done* once a report of that
directive (and period) was generated or sent, *overdue* once its deadline passed, *soon* when the
deadline is within :data:`SOON_WORKING_DAYS` working days. Working days skip Saturdays, Sundays and
Vietnamese public holidays: the ``holidays`` library's calendar for Vietnam (Tết and Giỗ Tổ from
the lunar calendar, the Government's announced swaps), corrected by the clerk's own list.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

import holidays

from assistant.core.model import Directive

SOON_WORKING_DAYS = 3


class DueState(StrEnum):
    OVERDUE = "overdue"
    SOON = "soon"
    OPEN = "open"
    DONE = "done"


STATE_VI = {
    DueState.OVERDUE: "Quá hạn",
    DueState.SOON: "Sắp đến hạn",
    DueState.OPEN: "Chưa đến hạn",
    DueState.DONE: "Đã làm",
}


@dataclass(frozen=True)
class Done:
    """A report of the history that answers a directive (for a period, when it says one)."""

    directive_id: str
    period_start: date | None
    period_end: date | None
    number_text: str
    entry_id: int


@dataclass(frozen=True)
class DueReport:
    """A report a directive asks for: its period, deadline and state today."""

    directive: Directive
    deadline: date
    state: DueState
    period_start: date | None = None
    period_end: date | None = None
    done: Done | None = None

    @property
    def period_text(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start:%d/%m/%Y} – {self.period_end:%d/%m/%Y}"
        return ""


@dataclass(frozen=True)
class WorkingDays:
    """Mondays to Fridays that are not public holidays; ``extra_off`` and ``extra_on`` are the
    clerk's corrections (a day off the Government announced late; a Saturday made a working day)."""

    extra_off: frozenset[date] = frozenset()
    extra_on: frozenset[date] = frozenset()

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        return holidays.country_holidays("VN", language="vi")

    def is_working(self, day: date) -> bool:
        if day in self.extra_on:
            return True
        return day.weekday() < 5 and day not in self._holidays and day not in self.extra_off

    def between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        days, day = 0, start
        while day < end:
            day += timedelta(days=1)
            days += self.is_working(day)
        return days


def _rows(directive: Directive, year: int) -> list[tuple[date, date | None, date | None]]:
    """(deadline, period start, period end) of what the directive asks in ``year``."""
    rows = []
    if directive.report_deadline:
        rows.append((directive.report_deadline, None, None))
    for rule in directive.report_periods:
        for period in rule.periods(year):
            if directive.date is None or period.deadline >= directive.date:
                rows.append((period.deadline, period.start, period.end))
    return rows


def _match(directive: Directive, start: date | None, end: date | None, done: list[Done]):
    for report in done:
        if report.directive_id != directive.id:
            continue
        if start is None or (report.period_start, report.period_end) == (start, end):
            return report
    return None


def due_reports(
    directives: Iterable[Directive],
    done: Iterable[Done],
    today: date,
    workdays: WorkingDays | None = None,
    horizon_days: int = 60,
) -> list[DueReport]:
    """Every report asked for up to ``horizon_days`` ahead (and those overdue this year), sorted by
    deadline; one-off deadlines of earlier years stay listed until done."""
    workdays = workdays or WorkingDays()
    done = list(done)
    found = []
    for directive in directives:
        for deadline, start, end in _rows(directive, today.year):
            if deadline > today + timedelta(days=horizon_days):
                continue
            report = _match(directive, start, end, done)
            if report is not None:
                state = DueState.DONE
            elif deadline < today:
                state = DueState.OVERDUE
            elif workdays.between(today, deadline) <= SOON_WORKING_DAYS:
                state = DueState.SOON
            else:
                state = DueState.OPEN
            found.append(DueReport(directive, deadline, state, start, end, report))
    return sorted(found, key=lambda r: (r.deadline, r.directive.id))
