"""The series the «Số liệu» charts draw, from reports' answers: gaps stay gaps, the newest report
of a period wins, filters by directive and year, and period names."""

from dataclasses import replace
from datetime import date

import pytest

from assistant.core.series import Chart, PeriodRef, ReportFigures, build, choices
from tests import factories

OTHER = replace(factories.directive(), id="other-cv", number="77")


def quarter(year: int, q: int, **changes) -> dict:
    first = 3 * q - 2
    end = date(year, first + 2, {3: 31, 6: 30, 9: 30, 12: 31}[first + 2])
    period = {"start": date(year, first, 1).isoformat(), "end": end.isoformat()}
    return factories.answers(period=period, **changes)


def ratio(*platforms: dict) -> dict:
    return {"t2": {"figures": {"platforms": list(platforms)}}}


def report(answers: dict, day: date, directive=None) -> ReportFigures:
    return ReportFigures(directive or factories.directive(), answers, day)


def values(table, key: str) -> tuple:
    return next(s.values for s in table.series if s.key == key)


def test_each_period_gives_one_value_per_platform_and_the_total() -> None:
    reports = [
        report(quarter(2025, 2), date(2025, 7, 5)),
        report(
            quarter(
                2025,
                1,
                tasks=ratio(
                    {"platform": "facebook", "total": 300, "negative": 30},
                    {"platform": "zalo", "total": 100, "negative": 2},
                ),
            ),
            date(2025, 4, 3),
        ),
    ]
    table = build(reports)
    assert [p.text for p in table.periods] == ["Quý I/2025", "Quý II/2025"]
    assert values(table, "share:facebook") == (0.1, 40 / 500)
    assert values(table, "share:zalo") == (0.02, None)  # not posted on Zalo in quarter II
    assert values(table, "share:total") == (32 / 400, 40 / 500)
    assert [s.key for s in table.of(Chart.SHARE)][-1] == "share:total"
    assert values(table, "clips:facebook") == (40, 40)
    assert values(table, "views:tiktok") == (98000, 98000)
    assert values(table, "conduct:staff_briefed") == (118, 118)
    assert table.sources == (("3270-CV/BTGTU",), ("3270-CV/BTGTU",))


def test_a_figure_left_empty_is_a_gap_not_zero() -> None:
    empty = quarter(
        2025,
        3,
        tasks={
            "t1": {"figures": {"platforms": [{"platform": "facebook", "clips": 12}]}},
            "t2": {"figures": {"platforms": [{"platform": "facebook", "total": 200}]}},
            "t3": {"figures": {"staff_total": 120}},
        },
    )
    table = build([report(quarter(2025, 2), date(2025, 7, 1)), report(empty, date(2025, 10, 1))])
    assert values(table, "clips:facebook") == (40, 12)
    assert values(table, "views:facebook") == (125000, None)
    assert values(table, "share:facebook") == (0.08, None)
    assert values(table, "share:total") == (0.08, None)
    assert values(table, "conduct:staff_briefed") == (118, None)
    assert not any(s.key == "conduct:accounts_verified" for s in table.series)  # never entered


def test_two_pages_of_one_platform_add_up_only_when_both_were_entered() -> None:
    pages = ratio(
        {"platform": "facebook", "total": 100, "negative": 5},
        {"platform": "facebook", "total": 100, "negative": 15},
        {"platform": "other", "name": "Lotus", "total": 50, "negative": 1},
        {"platform": "other", "name": "Gapo", "total": 10},
    )
    table = build([report(quarter(2025, 1, tasks=pages), date(2025, 4, 1))])
    assert values(table, "share:facebook") == (0.1,)
    assert values(table, "share:other:Lotus") == (0.02,)
    # Gapo's negative posts are not known: neither its share nor the total's is drawn.
    assert {"share:other:Gapo", "share:total"}.isdisjoint(s.key for s in table.series)


def test_the_newest_report_of_a_period_wins_and_filters_apply() -> None:
    first = quarter(2025, 1, tasks=ratio({"platform": "facebook", "total": 100, "negative": 1}))
    again = quarter(2025, 1, tasks=ratio({"platform": "facebook", "total": 100, "negative": 9}))
    other = quarter(2024, 4, tasks=ratio({"platform": "facebook", "total": 100, "negative": 20}))
    reports = [
        report(again, date(2025, 4, 20), OTHER),
        report(first, date(2025, 4, 2)),
        report(other, date(2025, 1, 10), OTHER),
    ]
    table = build(reports)
    assert [p.text for p in table.periods] == ["Quý IV/2024", "Quý I/2025"]
    assert values(table, "share:facebook") == (0.2, 0.09)
    assert table.sources[1] == ("77-CV/BTGTU",)
    assert values(build(reports, directive_id=factories.DIRECTIVE["id"]), "share:facebook") == (
        0.01,
    )
    assert values(build(reports, year=2024), "share:facebook") == (0.2,)
    assert build(reports, year=2023).series == ()
    directives, years = choices(reports)
    assert [d.id for d in directives] == [factories.DIRECTIVE["id"], "other-cv"]  # by symbol
    assert years == [2025, 2024]


@pytest.mark.parametrize(
    ("start", "end", "label", "text"),
    [
        (date(2025, 3, 1), date(2025, 3, 31), "", "Tháng 3/2025"),
        (date(2025, 10, 1), date(2025, 12, 31), "", "Quý IV/2025"),
        (date(2025, 7, 1), date(2025, 12, 31), "", "6 tháng cuối năm 2025"),
        (date(2025, 1, 1), date(2025, 12, 31), "", "Năm 2025"),
        (date(2024, 12, 15), date(2025, 6, 14), "", "15/12/2024 – 14/06/2025"),
        (date(2025, 2, 1), date(2025, 4, 30), "", "01/02/2025 – 30/04/2025"),
        (date(2025, 1, 1), date(2025, 3, 31), "Quý I năm 2025", "Quý I năm 2025"),
        (None, date(2025, 5, 2), "", "02/05/2025"),
    ],
)
def test_period_names(start, end, label, text) -> None:
    assert PeriodRef(start, end, label).text == text


def test_a_report_without_a_period_is_placed_at_its_date() -> None:
    answers = factories.answers()
    del answers["period"]
    table = build([report(answers, date(2025, 5, 2))])
    assert [p.text for p in table.periods] == ["02/05/2025"]
    assert table.periods[0].year == 2025
