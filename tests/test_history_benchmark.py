"""The history with 100,000 reports: search, the newest 50, and start-up, beside raw SQLite.

Each History call is measured beside the same SQL run directly with sqlite3, so the figures show
what the Python layer (entry building, JSON parsing, query folding) adds. Run with
`pytest tests/test_history_benchmark.py --benchmark-enable -m slow` for figures; by default the
benchmarks run once as ordinary tests.
"""

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.core.directives import DirectiveLibrary
from assistant.core.model import Period
from assistant.storage.db import SCHEMA_VERSION
from assistant.storage.history import DB_FILE, History, search_text
from tests import factories

ROWS = 100_000
# A few hundred reports match: a realistic search, sorted newest first.
RARE = "Đề nghị đầu tư đồng bộ thiết bị truyền dẫn"
PROPOSALS = [RARE] + [f"Đề nghị hỗ trợ kinh phí đợt {n}" for n in range(1, 250)]

pytestmark = pytest.mark.slow


def _rows():
    """Report rows spread over ten years, each from a real bundled directive."""
    directives = DirectiveLibrary().all()
    first = date(2016, 1, 1)
    numbers: dict[int, int] = {}
    # Serialise and fold once per directive and proposal, not per row: the build stays fast.
    snapshots = [
        json.dumps(factories.answers(date="@DATE@", proposals=p), ensure_ascii=False)
        for p in PROPOSALS
    ]
    folded = {
        (d.id, n): search_text(d.symbol, d.issuer, d.subject, factories.answers(proposals=p))
        for d in directives
        for n, p in enumerate(PROPOSALS)
    }
    for i in range(ROWS):
        directive = directives[i % len(directives)]
        day = first + timedelta(days=i * 3650 // ROWS)
        proposal = i % len(PROPOSALS)
        status = ("draft", "generated", "submitted")[i % 3]
        number = None
        if status != "draft":
            number = numbers[day.year] = numbers.get(day.year, 0) + 1
        at = f"{day.isoformat()}T09:00:00"
        yield (
            directive.id,
            directive.symbol,
            directive.issuer,
            directive.subject,
            status,
            "nd30",
            "1",
            "BC",
            number,
            day.year,
            day.isoformat(),
            at,
            at,
            snapshots[proposal].replace("@DATE@", day.isoformat()),
            f"{folded[directive.id, proposal]} bc{i}",
        )


@pytest.fixture(scope="session")
def big_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """100,000 reports in the real schema, loaded in one transaction.

    The per-row FTS trigger is set aside during the load and the index rebuilt in one pass (three
    times faster); the trigger is put back with its own SQL, so the schema is the one under test.
    """
    folder = tmp_path_factory.mktemp("big-history")
    History.open_in(folder).close()
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    # A throw-away build: no journal, no fsync (the database goes back to WAL afterwards).
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-200000")
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'reports_ai'").fetchone()[0]
    conn.execute("BEGIN")
    conn.execute("DROP TRIGGER reports_ai")
    conn.executemany(
        "INSERT INTO reports (directive_id, directive_symbol, issuer, subject, status, format_id,"
        " template_version, series, number, year, report_date, created_at, updated_at, answers,"
        " search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _rows(),
    )
    conn.execute(trigger)
    conn.execute("INSERT INTO reports_fts (reports_fts) VALUES ('rebuild')")
    conn.execute(
        "INSERT INTO register (year, series, number, report_id, state, reason, at)"
        " SELECT year, series, number, id, 'used', '', created_at FROM reports"
        " WHERE number IS NOT NULL"
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    return folder


@pytest.fixture(scope="session")
def history(big_history: Path) -> History:
    opened = History.open_in(big_history)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def raw(big_history: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(big_history / DB_FILE)
    yield conn
    conn.close()


# The statements History runs, without the filters it adds when asked.
NEWEST = "SELECT * FROM reports ORDER BY report_date DESC, id DESC LIMIT 50"
SEARCH = (
    "SELECT * FROM reports WHERE id IN ("
    " SELECT reports.id FROM reports_fts"
    " JOIN reports INDEXED BY reports_hits ON reports.id = reports_fts.rowid"
    " WHERE reports_fts MATCH ? ORDER BY reports.report_date DESC, reports.id DESC LIMIT 50"
    ") ORDER BY report_date DESC, id DESC"
)


def test_search_history(benchmark, history: History) -> None:
    found = benchmark(history.search, "đồng bộ thiết bị")
    assert len(found) == 50 and all(RARE in e.answers["proposals"] for e in found)
    assert found[0].report_date > found[-1].report_date


def test_search_raw_sqlite(benchmark, raw: sqlite3.Connection) -> None:
    query = '"dong" "bo" "thiet" "bi"*'
    rows = benchmark(lambda: raw.execute(SEARCH, [query]).fetchall())
    assert len(rows) == 50


def test_search_matching_every_report_history(benchmark, history: History) -> None:
    found = benchmark(history.search, "Thái Nguyên")
    assert found[0].report_date >= date(2025, 12, 1)


def test_search_matching_every_report_raw_sqlite(benchmark, raw: sqlite3.Connection) -> None:
    rows = benchmark(lambda: raw.execute(SEARCH, ['"thai" "nguyen"*']).fetchall())
    assert len(rows) == 50


def test_newest_50_history(benchmark, history: History) -> None:
    entries = benchmark(history.list, limit=50)
    assert len(entries) == 50 and entries[0].report_date >= date(2025, 12, 1)


def test_newest_50_raw_sqlite(benchmark, raw: sqlite3.Connection) -> None:
    assert len(benchmark(lambda: raw.execute(NEWEST).fetchall())) == 50


def test_open_and_migration_check_history(benchmark, big_history: Path) -> None:
    def open_close() -> int:
        opened = History.open_in(big_history)
        opened.close()
        return ROWS

    assert benchmark(open_close) == ROWS


def test_open_and_version_check_raw_sqlite(benchmark, big_history: Path) -> None:
    def open_close() -> int:
        conn = sqlite3.connect(big_history / DB_FILE)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.close()
        return version

    assert benchmark(open_close) == SCHEMA_VERSION


# The previous period's report of one directive (the comparison): a directive's generated
# reports, then their period's dates. Q2 of 2030 matches none, as most periods match one or none.
PREVIOUS = (
    "SELECT * FROM reports WHERE directive_id = ? AND status = ?"
    " AND json_extract(answers, '$.period.start') = ? AND json_extract(answers, '$.period.end') = ?"
    " ORDER BY report_date DESC, id DESC"
)
LATER = Period(date(2030, 7, 1), date(2030, 9, 30))


def test_previous_period_history(benchmark, history: History) -> None:
    directive = history.list(limit=1)[0].directive_id
    assert benchmark(history.previous_answers, directive, LATER) is None


def test_previous_period_raw_sqlite(benchmark, raw: sqlite3.Connection, history: History) -> None:
    directive = history.list(limit=1)[0].directive_id

    def both_statuses() -> list:
        return [
            row
            for status in ("generated", "submitted")
            for row in raw.execute(PREVIOUS, [directive, status, "2030-04-01", "2030-06-30"])
        ]

    assert benchmark(both_statuses) == []
