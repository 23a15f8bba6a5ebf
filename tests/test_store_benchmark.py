"""The shared history on PostgreSQL with 100,000 reports: search and the newest 50 beside the same
SQL sent raw (as psql would), and generate-with-number on the server beside the SQLite file.

Run with `pytest tests/test_store_benchmark.py --benchmark-enable -m slow` for figures; by default
the benchmarks run once as ordinary tests.
"""

import itertools
import json
from datetime import date
from pathlib import Path

import psycopg
import pytest

from assistant.core.answers import answers_to_report
from assistant.storage.folding import tokens
from assistant.storage.history import History
from tests import factories
from tests.pg_server import create_database
from tests.test_history_benchmark import RARE, _rows

pytestmark = pytest.mark.slow

COLUMNS = (
    "directive_id, directive_symbol, issuer, subject, status, format_id, template_version, series,"
    " number, year, report_date, created_at, updated_at, answers, search_text"
)


@pytest.fixture(scope="session")
def big_server(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """100,000 reports (the SQLite benchmark's) in the real schema, copied in with COPY; the
    search vectors made from the words the program cuts, as it would (``folding.tokens``)."""
    url = create_database(pg_server)
    History.open_in(tmp_path_factory.mktemp("it"), url).close()  # the schema
    with psycopg.connect(url, autocommit=True) as conn:
        index = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'reports_search'"
        ).fetchone()[0]
        conn.execute("DROP INDEX reports_search")  # built once, after the load: faster
        conn.execute(
            f"CREATE TABLE staging AS SELECT {COLUMNS}, search_text AS words FROM reports LIMIT 0"
        )
        with conn.cursor().copy(f"COPY staging ({COLUMNS}, words) FROM STDIN") as copy:
            for row in _rows():
                copy.write_row([*row, tokens(row[-1])])
        conn.execute(
            f"INSERT INTO reports ({COLUMNS}, search_vector)"
            f" SELECT {COLUMNS}, to_tsvector('simple', words) FROM staging"
        )
        conn.execute("DROP TABLE staging")
        conn.execute(index)
        conn.execute(
            "INSERT INTO register (year, series, number, report_id, state, reason, at)"
            " SELECT year, series, number, id, 'used', '', created_at FROM reports"
            " WHERE number IS NOT NULL"
        )
        conn.execute("VACUUM ANALYZE")
    return url


@pytest.fixture(scope="session")
def history(big_server: str, tmp_path_factory: pytest.TempPathFactory) -> History:
    opened = History.open_in(tmp_path_factory.mktemp("pc"), big_server)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def raw(big_server: str) -> psycopg.Connection:
    conn = psycopg.connect(big_server, autocommit=True)
    yield conn
    conn.close()


# The statements History runs, without the filters it adds when asked.
NEWEST = "SELECT * FROM reports ORDER BY report_date DESC, id DESC LIMIT 50"
SEARCH = (
    "SELECT * FROM reports WHERE search_vector @@ to_tsquery('simple', %s)"
    " ORDER BY report_date DESC, id DESC LIMIT 50"
)


def test_server_search_history(benchmark, history: History) -> None:
    found = benchmark(history.search, "đồng bộ thiết bị")
    assert len(found) == 50 and all(RARE in e.answers["proposals"] for e in found)
    assert found[0].report_date > found[-1].report_date


def test_server_search_raw_sql(benchmark, raw: psycopg.Connection) -> None:
    query = "'dong' & 'bo' & 'thiet' & 'bi':*"
    assert len(benchmark(lambda: raw.execute(SEARCH, [query]).fetchall())) == 50


def test_server_search_matching_every_report_history(benchmark, history: History) -> None:
    found = benchmark(history.search, "Thái Nguyên")
    assert found[0].report_date >= date(2025, 12, 1)


def test_server_search_matching_every_report_raw_sql(benchmark, raw: psycopg.Connection) -> None:
    rows = benchmark(lambda: raw.execute(SEARCH, ["'thai' & 'nguyen':*"]).fetchall())
    assert len(rows) == 50


def test_server_newest_50_history(benchmark, history: History) -> None:
    entries = benchmark(history.list, limit=50)
    assert len(entries) == 50 and entries[0].report_date >= date(2025, 12, 1)


def test_server_newest_50_raw_sql(benchmark, raw: psycopg.Connection) -> None:
    assert len(benchmark(lambda: raw.execute(NEWEST).fetchall())) == 50


def _generate_on(benchmark, folder: Path, url: str | None) -> None:
    """The same report with its number reserved, written and recorded (two commits)."""
    directives = folder / "directives"
    directives.mkdir(parents=True)
    (directives / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    history = History.open_in(folder, url)
    report = answers_to_report(
        factories.answers(number=None), factories.directive(), today=date(2024, 7, 1)
    )
    names = itertools.count()
    entry_id, _ = benchmark(lambda: history.generate(report, folder / f"{next(names)}.docx"))
    assert history.get(entry_id).number is not None
    history.close()


def test_generate_with_number_on_the_server(benchmark, pg_url: str, tmp_path: Path) -> None:
    _generate_on(benchmark, tmp_path / "data", pg_url)


def test_generate_with_number_on_sqlite(benchmark, tmp_path: Path) -> None:
    _generate_on(benchmark, tmp_path / "data", None)
