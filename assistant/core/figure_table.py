"""The figures of a report per platform: the «Phụ lục số liệu» tables and the comparison with the
previous period's report.

Only what the clerk entered: a figure left empty is an empty cell, never a 0, and a figure is
compared only when both periods give it. Platforms named twice (two Facebook pages) are summed,
and the sum is given only when every one of them gives the figure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.core import vntext
from assistant.core.figures import ContentRatioFigures, ShortVideoFigures, platform_label
from assistant.core.model import Period, Report

Value = int | float | None

# The columns of each figures form: (field, header); the platform's name comes first.
COLUMNS: dict[type, tuple[tuple[str, str], ...]] = {
    ShortVideoFigures: (
        ("clips", "Số video clip"),
        ("views", "Lượt xem"),
        ("interactions", "Lượt tương tác"),
    ),
    ContentRatioFigures: (
        ("total", "Tổng số tin, bài"),
        ("negative", "Tin, bài tiêu cực"),
        ("share", "Tỷ lệ tin, bài tiêu cực"),
    ),
}
ROW_HEADER = ("STT", "Nền tảng")
TOTAL_LABEL = "Tổng cộng"
APPENDIX_TITLE = "Số liệu kết quả thực hiện"
SHARE = "share"


@dataclass(frozen=True)
class PlatformRow:
    """One platform's figures of a task, by field, as the appendix and the comparison read them."""

    key: str  # "facebook", "other:Lotus"
    label: str
    values: dict[str, Value]  # field → value; None: not entered


def _strict_sum(values: list[int | None]) -> int | None:
    return None if not values or None in values else sum(values)  # type: ignore[arg-type]


def _share(negative: Value, total: Value) -> float | None:
    return negative / total if total and negative is not None else None


def platform_rows(figures: object) -> list[PlatformRow]:
    """One row per platform in the order the clerk entered them (empty for other forms)."""
    fields = [name for name, _ in COLUMNS.get(type(figures), ()) if name != SHARE]
    grouped: dict[str, tuple[str, list]] = {}
    for entry in getattr(figures, "platforms", ()) if fields else ():
        key = f"other:{entry.name}" if entry.platform == "other" and entry.name else entry.platform
        grouped.setdefault(key, (platform_label(entry.platform, entry.name), []))[1].append(entry)
    rows = []
    for key, (label, entries) in grouped.items():
        values: dict[str, Value] = {
            f: _strict_sum([getattr(e, f) for e in entries]) for f in fields
        }
        if isinstance(figures, ContentRatioFigures):
            values[SHARE] = _share(values["negative"], values["total"])
        rows.append(PlatformRow(key, label, values))
    return rows


def total_row(figures: object, rows: list[PlatformRow]) -> dict[str, Value]:
    values: dict[str, Value] = {
        name: _strict_sum([r.values[name] for r in rows])
        for name, _ in COLUMNS[type(figures)]
        if name != SHARE
    }
    if isinstance(figures, ContentRatioFigures):
        values[SHARE] = figures.share
    return values


# -- the appendix -------------------------------------------------------------------------------
@dataclass(frozen=True)
class AppendixTable:
    """One task's table of the «Phụ lục số liệu»."""

    caption: str  # the task the figures belong to
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # the last is the total, when there are two platforms or more
    numeric: tuple[bool, ...]  # per column: a number (right-aligned) or a name
    total: bool = False  # the last row is the total


@dataclass(frozen=True)
class Appendix:
    """The «Phụ lục số liệu»: its heading, title, what it goes with, and the tables."""

    heading: str  # "Phụ lục"
    title: str
    attached: str  # "(Kèm theo Báo cáo số 05/BC-PTTH ngày 28 tháng 6 năm 2024 của …)"
    tables: tuple[AppendixTable, ...]

    def lines(self) -> list[str]:
        """Its text, a line per paragraph or table row (for search and previews)."""
        found = [self.heading, self.title, self.attached]
        for table in self.tables:
            found += [table.caption, " | ".join(table.header)]
            found += [" | ".join(cell for cell in row if cell) for row in table.rows]
        return found


def cell(name: str, value: Value) -> str:
    if value is None:
        return ""
    return vntext.percent(value) if name == SHARE else vntext.number(value)


def appendix_table(caption: str, figures: object) -> AppendixTable | None:
    """The table of one task's figures; None when it gives no platform."""
    rows = platform_rows(figures)
    if not rows:
        return None
    columns = COLUMNS[type(figures)]
    body = [
        (str(n), row.label, *(cell(name, row.values[name]) for name, _ in columns))
        for n, row in enumerate(rows, 1)
    ]
    if len(rows) > 1:
        total = total_row(figures, rows)
        body.append(("", TOTAL_LABEL, *(cell(name, total[name]) for name, _ in columns)))
    return AppendixTable(
        caption,
        (*ROW_HEADER, *(header for _, header in columns)),
        tuple(body),
        (False, False, *(True for _ in columns)),
        total=len(rows) > 1,
    )


def appendix_tables(captioned: Iterable[tuple[str, object]]) -> tuple[AppendixTable, ...]:
    """Tables of the tasks whose figures give platforms, in the report's order."""
    tables = (appendix_table(caption, figures) for caption, figures in captioned)
    return tuple(t for t in tables if t is not None)


# -- the comparison with the previous period ----------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One figure of this period beside the previous period's, for the comparison sentence."""

    figure: str  # a field of COLUMNS: "clips", "views", "total", "share"…
    platform: str  # its label
    current: int | float
    previous: int | float
    direction: str  # "up", "down" or "same"
    # a count: the change relative to the previous figure (None when that was 0);
    # the share: the difference of the printed shares, as a fraction (0.02: 2,0 points)
    amount: float | None


def _change(figure: str, platform: str, current: float, previous: float) -> Change:
    if figure == SHARE:
        # from the shares as printed (one decimal), so that the difference reads true beside them
        shown = round(current * 100, 1), round(previous * 100, 1)
        same, up = shown[0] == shown[1], shown[0] > shown[1]
        amount: float | None = round(abs(shown[0] - shown[1]), 1) / 100
    else:
        same, up = current == previous, current > previous
        amount = abs(current - previous) / previous if previous else None
    direction = "same" if same else "up" if up else "down"
    return Change(figure, platform, current, previous, direction, None if same else amount)


def changes(current: object, previous: object) -> list[Change]:
    """Every figure both periods give, platform by platform."""
    if type(current) is not type(previous):
        return []
    earlier = {row.key: row for row in platform_rows(previous)}
    found = []
    for row in platform_rows(current):
        before = earlier.get(row.key)
        for name, _ in COLUMNS[type(current)] if before else ():
            now, then = row.values[name], before.values[name]
            if now is not None and then is not None:
                found.append(_change(name, row.label, now, then))
    return found


def task_changes(report: Report, task_id: str) -> list[Change]:
    """A task's comparisons, when the report asks for them and the previous period has some."""
    answer = report.answers.get(task_id)
    if not report.compare_previous or report.previous is None or answer is None:
        return []
    earlier = report.previous.figures.get(task_id)
    if answer.figures is None or earlier is None:
        return []
    return changes(answer.figures, earlier)


def previous_dates(period: Period) -> tuple[date, date] | None:
    """The period just before ``period``, as long as it: whole months give whole months (the
    quarter before a quarter, the year before a year), other spans as many days; None when
    ``period`` has no dates."""
    start, end = period.start, period.end
    if start is None or end is None or end < start:
        return None
    last = start - timedelta(days=1)
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        year, month = divmod(start.year * 12 + start.month - 1 - months, 12)
        return date(year, month + 1, 1), last
    return last - (end - start), last
