"""What is due and the «Số liệu» charts with 20 quarterly directives answered for 5 years (400
reports generated into a real history), beside the plain read of those entries they both rest on.

Run with `pytest tests/test_due_figures_benchmark.py --benchmark-enable -m slow` for figures; by
default the benchmarks run once as ordinary tests. The goal: each opens in under 200 ms.
"""

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary
from assistant.core.series import build
from assistant.due_command import due_list
from assistant.figures_command import load_reports
from assistant.gui.figures_tab import FiguresTab
from assistant.storage.history import History
from tests import factories

DIRECTIVES = 20
QUARTERS = 20  # five years
TODAY = date.today()

pytestmark = pytest.mark.slow


def _quarters() -> list[tuple[date, date]]:
    """The last ``QUARTERS`` quarters that ended before today, oldest first."""
    found, year, q = [], TODAY.year, (TODAY.month - 1) // 3  # q: quarters ended this year
    while len(found) < QUARTERS:
        if q == 0:
            year, q = year - 1, 4
        start = date(year, 3 * q - 2, 1)
        end = date(year + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1)
        found.append((start, end))
        q -= 1
    return found[::-1]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("due-figures")
    (data / "directives").mkdir()
    history = History.open_in(data)
    try:
        for n in range(DIRECTIVES):
            record = dict(
                factories.DIRECTIVE,
                id=f"bench-{n}",
                number=str(1000 + n),
                date="2020-01-02",
                report_periods=[{"periodicity": "quarterly", "day": 20, "month_offset": 1}],
            )
            (data / "directives" / f"bench-{n}.json").write_text(
                json.dumps(record, ensure_ascii=False), encoding="utf-8"
            )
        library = DirectiveLibrary(user_dir=data / "directives")
        for n in range(DIRECTIVES):
            directive = library.get(f"bench-{n}")
            for i, (start, end) in enumerate(_quarters()):
                answers = factories.answers(
                    number=None,
                    date=min(end + timedelta(days=10), TODAY).isoformat(),
                    period={"start": start.isoformat(), "end": end.isoformat()},
                )
                ratio = answers["tasks"]["t2"]["figures"]["platforms"][0]
                ratio["negative"] = 10 + (n + i) % 60
                report = answers_to_report(answers, replace(directive))
                history.generate(report, data / f"bc-{n}-{i}.docx")
    finally:
        history.close()
    return data


@pytest.fixture(scope="module")
def history(folder: Path) -> History:
    opened = History.open_in(folder)
    yield opened
    opened.close()


def test_read_the_reports_anchor(benchmark, history: History) -> None:
    entries = benchmark(
        lambda: [
            e for s in ("generated", "submitted") for e in history.list(limit=10_000, status=s)
        ]
    )
    assert len(entries) == DIRECTIVES * QUARTERS


def test_due_list(benchmark, folder: Path) -> None:
    rows = benchmark(due_list, folder, TODAY, 60)
    assert len({r.directive.id for r in rows}) == DIRECTIVES
    # This year's quarters already ended are all reported, so done.
    assert sum(r.done is not None for r in rows) == DIRECTIVES * ((TODAY.month - 1) // 3)


def test_figures_series(benchmark, folder: Path, history: History) -> None:
    library = DirectiveLibrary(user_dir=folder / "directives")
    table = benchmark(lambda: build(load_reports(history, library)))
    assert len(table.periods) == QUARTERS


def test_figures_tab_open(benchmark, qtbot, folder: Path, history: History) -> None:
    tab = FiguresTab.for_history(history, DirectiveLibrary(user_dir=folder / "directives"))
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    benchmark(tab.refresh)
    assert len(tab.charts.points("share:facebook")) == QUARTERS
    assert tab.directive.count() == DIRECTIVES + 1
