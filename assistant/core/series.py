"""The figures of the history over time: one value per report period for each line a chart draws.

A leader asks every quarter "are we improving?". The answers are in the reports already made: the
negative share of posts against the 15% line (per platform and in all), clips and views per
platform, staff briefed and accounts verified under QĐ 874. Only figures the clerk entered count:
a figure left empty is a gap in the line, never a 0.

When several reports cover one period (two directives asking the same quarter, a report made
again), each kind of figures comes from the newest report of that period that has them; the
period's ``sources`` name the directives they come from.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from assistant.core.catalogue import kind as task_kind
from assistant.core.figures import (
    PLATFORMS,
    CodeOfConductFigures,
    ContentRatioFigures,
    ShortVideoFigures,
    figures_from_dict,
    platform_label,
)
from assistant.core.model import Directive

log = logging.getLogger(__name__)

Value = int | float | None


class Chart(StrEnum):
    SHARE = "share"
    CLIPS = "clips"
    VIEWS = "views"
    CONDUCT = "conduct"


CHART_TITLES = {
    Chart.SHARE: "Tỷ lệ tin, bài tiêu cực (phải dưới 15%)",
    Chart.CLIPS: "Số video clip theo nền tảng",
    Chart.VIEWS: "Lượt xem video clip theo nền tảng",
    Chart.CONDUCT: "Bộ Quy tắc ứng xử trên mạng xã hội (QĐ 874)",
}
# The figures form each chart reads.
CHART_FORM = {
    Chart.SHARE: "content_ratio",
    Chart.CLIPS: "short_video",
    Chart.VIEWS: "short_video",
    Chart.CONDUCT: "code_of_conduct",
}
TOTAL_LABEL = "Tổng các nền tảng"
CONDUCT_SERIES = {
    "staff_briefed": "Cán bộ được phổ biến",
    "accounts_verified": "Tài khoản đã xác thực",
}
ROMAN = ("I", "II", "III", "IV")
PERIOD_COLUMNS = ("Kỳ báo cáo", "Từ ngày", "Đến ngày", "Công văn")  # before the series' columns


@dataclass(frozen=True)
class ReportFigures:
    """One report of the history, as the series read it."""

    directive: Directive
    answers: dict
    report_date: date  # of two reports of one period, the newer gives the figures

    @cached_property
    def figures(self) -> dict[str, object]:
        """Parsed once: the filters and every redraw read them again."""
        return report_figures(self)

    @cached_property
    def period(self) -> PeriodRef:
        return period_of(self.answers, self.report_date)


@dataclass(frozen=True)
class PeriodRef:
    """A period of the figures' table, by its dates or the name the clerk gave it."""

    start: date | None
    end: date | None
    label: str  # as the clerk named it; empty: named from its dates

    @property
    def sort_key(self) -> tuple[date, date]:
        end = self.end or self.start or date.min
        return end, self.start or end

    @property
    def year(self) -> int | None:
        day = self.end or self.start
        return day.year if day else None

    @property
    def text(self) -> str:
        """ "Quý I/2025", "Tháng 3/2025", "6 tháng đầu năm 2025", "Năm 2025", or its dates."""
        if self.label:
            return self.label
        start, end = self.start, self.end
        if start is None or end is None:
            day = end or start
            return f"{day:%d/%m/%Y}" if day else "—"
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        whole = start.day == 1 and _is_month_end(end) and start.year == end.year
        if whole and months == 1:
            return f"Tháng {start.month}/{start.year}"
        if whole and months == 3 and start.month % 3 == 1:
            return f"Quý {ROMAN[start.month // 3]}/{start.year}"
        if whole and months == 6 and start.month in (1, 7):
            half = "đầu" if start.month == 1 else "cuối"
            return f"6 tháng {half} năm {start.year}"
        if whole and months == 12 and start.month == 1:
            return f"Năm {start.year}"
        return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


def _is_month_end(day: date) -> bool:
    return day.month != date.fromordinal(day.toordinal() + 1).month


@dataclass(frozen=True)
class Series:
    """One line of a chart: a figure of one platform, over the periods."""

    chart: Chart
    key: str  # "share:facebook", "share:total", "clips:other:Lotus", "conduct:staff_briefed"
    label: str  # Vietnamese, for the legend and the column header
    values: tuple[Value, ...]  # one per period; None: not entered for that period

    @property
    def chart_title(self) -> str:
        return CHART_TITLES[self.chart]


@dataclass(frozen=True)
class FigureTable:
    """The figures of a directive's reports, period by period, for the charts and exports."""

    periods: tuple[PeriodRef, ...]
    sources: tuple[tuple[str, ...], ...]  # per period: the directives (symbols) figures came from
    series: tuple[Series, ...]

    def of(self, chart: Chart) -> list[Series]:
        return [s for s in self.series if s.chart is chart]

    def rows(self) -> tuple[list[str], list[list[object]]]:
        """Header and one row per period, for the exports: a share stays a fraction in [0, 1]."""
        header = [*PERIOD_COLUMNS] + [f"{s.chart_title}: {s.label}" for s in self.series]
        rows = [
            [period.text, period.start, period.end, ", ".join(sources)]
            + [s.values[i] for s in self.series]
            for i, (period, sources) in enumerate(zip(self.periods, self.sources, strict=True))
        ]
        return header, rows


def period_of(answers: dict, report_date: date) -> PeriodRef:
    """The report's period; a report that names none covers the time up to its date."""
    period = answers.get("period") or {}
    start, end = (_date(period.get(k)) for k in ("start", "end"))
    label = " ".join(str(period.get("label") or "").split())
    if start is None and end is None:
        end = report_date
    return PeriodRef(start, end, label)


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def report_figures(report: ReportFigures) -> dict[str, object]:
    """The figures of each form the report holds, read through the directive's task kinds; a
    directive with two tasks of one form gives the first that has figures."""
    found: dict[str, object] = {}
    tasks = report.answers.get("tasks") or {}
    for task in report.directive.tasks:
        form = task_kind(task.kind).figures
        data = (tasks.get(task.id) or {}).get("figures")
        if form is None or form in found or not isinstance(data, dict):
            continue
        try:
            found[form] = figures_from_dict(form, data)
        except (TypeError, ValueError) as exc:  # a snapshot the schema of its time let through
            log.warning("figures of %s %s skipped: %s", report.directive.id, task.id, exc)
    return found


def _strict_sum(values: Iterable[int | None]) -> int | None:
    """The sum when every figure was entered; a partial sum would draw a false dip."""
    values = list(values)
    return None if not values or None in values else sum(values)  # type: ignore[arg-type]


def _platform_key(platform: str, name: str) -> str:
    return f"other:{name}" if platform == "other" and name else platform


def _by_platform(entries: Sequence, *fields: str) -> dict[tuple[str, str], dict[str, int | None]]:
    """Per platform (key, label), each field summed over its entries (two Facebook pages)."""
    grouped: dict[tuple[str, str], list] = {}
    for entry in entries:
        key = (
            _platform_key(entry.platform, entry.name),
            platform_label(entry.platform, entry.name),
        )
        grouped.setdefault(key, []).append(entry)
    return {
        key: {f: _strict_sum(getattr(e, f) for e in group) for f in fields}
        for key, group in grouped.items()
    }


def _share_values(figures: ContentRatioFigures) -> dict[tuple[str, str], Value]:
    values: dict[tuple[str, str], Value] = {}
    for key, sums in _by_platform(figures.platforms, "total", "negative").items():
        total, negative = sums["total"], sums["negative"]
        values[key] = negative / total if total and negative is not None else None
    values[("total", TOTAL_LABEL)] = figures.share
    return values


def _clip_values(figures: ShortVideoFigures, field: str) -> dict[tuple[str, str], Value]:
    return {key: sums[field] for key, sums in _by_platform(figures.platforms, field).items()}


def _conduct_values(figures: CodeOfConductFigures) -> dict[tuple[str, str], Value]:
    return {(k, label): getattr(figures, k) for k, label in CONDUCT_SERIES.items()}


def chart_values(chart: Chart, figures: object) -> dict[tuple[str, str], Value]:
    """(series key, label) → value of one report's figures for ``chart``."""
    if chart is Chart.SHARE:
        return _share_values(figures)  # type: ignore[arg-type]
    if chart is Chart.CONDUCT:
        return _conduct_values(figures)  # type: ignore[arg-type]
    return _clip_values(figures, "clips" if chart is Chart.CLIPS else "views")  # type: ignore[arg-type]


def _series_order(key: str) -> tuple[int, str]:
    """Platforms in the catalogue's order, other platforms by name, the total last; the QĐ 874
    figures as listed."""
    order = [*PLATFORMS, "total", *CONDUCT_SERIES]
    if key in order:
        return order.index(key), ""
    return len(PLATFORMS), key  # "other:<name>", just before the total


class _Pick(NamedTuple):
    """The report a period's figures of one form come from: the newest, then the last listed."""

    report_date: date
    order: int
    report: ReportFigures
    figures: object


def build(
    reports: Iterable[ReportFigures], directive_id: str | None = None, year: int | None = None
) -> FigureTable:
    """The series of the reports of ``directive_id`` (all when None) whose period ends in
    ``year`` (all when None), periods in time order."""
    picked: dict[tuple[PeriodRef, str], _Pick] = {}
    for n, report in enumerate(reports):
        if directive_id is not None and report.directive.id != directive_id:
            continue
        if year is not None and report.period.year != year:
            continue
        dates = PeriodRef(report.period.start, report.period.end, "")  # the label may differ
        for form, figures in report.figures.items():
            pick = _Pick(report.report_date, n, report, figures)
            if (dates, form) not in picked or pick[:2] > picked[dates, form][:2]:
                picked[dates, form] = pick
    return _table(picked)


def _table(picked: dict[tuple[PeriodRef, str], _Pick]) -> FigureTable:
    labels: dict[PeriodRef, str] = {}
    sources: dict[PeriodRef, set[str]] = {}
    for (dates, _form), pick in picked.items():
        labels[dates] = labels.get(dates) or pick.report.period.label
        sources.setdefault(dates, set()).add(pick.report.directive.symbol)
    periods = sorted(labels, key=lambda p: p.sort_key)
    series: list[Series] = []
    for chart in Chart:
        found: dict[tuple[str, str], dict[int, Value]] = {}
        for i, dates in enumerate(periods):
            pick = picked.get((dates, CHART_FORM[chart]))
            for key, value in chart_values(chart, pick.figures).items() if pick else ():
                if value is not None:
                    found.setdefault(key, {})[i] = value
        for (key, label), values in sorted(found.items(), key=lambda kv: _series_order(kv[0][0])):
            column = tuple(values.get(i) for i in range(len(periods)))
            series.append(Series(chart, f"{chart.value}:{key}", label, column))
    return FigureTable(
        tuple(PeriodRef(p.start, p.end, labels[p]) for p in periods),
        tuple(tuple(sorted(sources[p])) for p in periods),
        tuple(series),
    )


def choices(reports: Iterable[ReportFigures]) -> tuple[list[Directive], list[int]]:
    """The directives whose reports hold figures, and the years their periods end in: the
    filters the tab offers."""
    directives: dict[str, Directive] = {}
    years: set[int] = set()
    for report in reports:
        if not report.figures:
            continue
        directives.setdefault(report.directive.id, report.directive)
        year = report.period.year
        if year is not None:
            years.add(year)
    return sorted(directives.values(), key=lambda d: d.symbol), sorted(years, reverse=True)
