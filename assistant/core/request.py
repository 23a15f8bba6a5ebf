"""The report a directive asks back: how often, and when each period's report is due.

Directives word it as "báo cáo kết quả … trước ngày 15/12/2026" (once, by a date), "định kỳ hằng
quý (trước ngày 20 của tháng cuối quý)", "báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày
15/12)", "hằng tháng (trước ngày 05 của tháng sau)". A :class:`PeriodRule` holds one such rule as
data: the period's length and the day of the month the report is due, counted from the period's
last month (``month_offset`` 0: within it; 1: the month after).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Periodicity(StrEnum):
    MONTHLY = "monthly"  # hằng tháng
    QUARTERLY = "quarterly"  # hằng quý
    HALF_YEARLY = "half_yearly"  # 6 tháng
    YEARLY = "yearly"  # hằng năm


MONTHS_IN = {
    Periodicity.MONTHLY: 1,
    Periodicity.QUARTERLY: 3,
    Periodicity.HALF_YEARLY: 6,
    Periodicity.YEARLY: 12,
}
PERIODICITY_VI = {
    Periodicity.MONTHLY: "hằng tháng",
    Periodicity.QUARTERLY: "hằng quý",
    Periodicity.HALF_YEARLY: "6 tháng",
    Periodicity.YEARLY: "hằng năm",
}


@dataclass(frozen=True)
class DuePeriod:
    """One period a directive asks a report for, and that report's deadline."""

    start: date
    end: date
    deadline: date


@dataclass(frozen=True)
class PeriodRule:
    """A periodic report a directive asks for: how often, and which day it is due."""

    periodicity: Periodicity
    day: int  # day of the month the report is due (a day past the month's end means its last)
    month_offset: int = 0  # months after the period's last month

    def periods(self, year: int) -> list[DuePeriod]:
        """The year's periods with their deadlines: 12 months, 4 quarters, 2 halves or 1 year."""
        length = MONTHS_IN[self.periodicity]
        found = []
        for first in range(1, 13, length):
            last = first + length - 1
            start = date(year, first, 1)
            end = date(year, last, calendar.monthrange(year, last)[1])
            due_year, due_month = divmod(last - 1 + self.month_offset, 12)
            due_year += year
            due_month += 1
            day = min(self.day, calendar.monthrange(due_year, due_month)[1])
            found.append(DuePeriod(start, end, date(due_year, due_month, day)))
        return found

    def describe(self) -> str:
        """ "hằng quý, trước ngày 20 của tháng cuối kỳ"."""
        when = (
            "tháng cuối kỳ" if self.month_offset == 0 else f"tháng thứ {self.month_offset} sau kỳ"
        )
        return f"{PERIODICITY_VI[self.periodicity]}, trước ngày {self.day:02d} của {when}"


def rule_to_dict(rule: PeriodRule) -> dict:
    return {
        "periodicity": rule.periodicity.value,
        "day": rule.day,
        "month_offset": rule.month_offset,
    }


def rule_from_dict(data: dict) -> PeriodRule:
    return PeriodRule(Periodicity(data["periodicity"]), data["day"], data.get("month_offset", 0))
