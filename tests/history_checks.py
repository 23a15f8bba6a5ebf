"""What must hold of a history database after anything, crashes included."""

import itertools
import sqlite3

_STEPS = {
    ("draft", "generated"),  # written before v4, when generating was one commit
    ("draft", "writing"),
    ("writing", "generated"),
    ("writing", "draft"),
    ("generated", "submitted"),
    ("submitted", "generated"),  # "đã gửi" undone
    ("generated", "writing"),  # generated without a number, then numbered by the văn thư
}


def assert_consistent(conn: sqlite3.Connection) -> None:
    """What must hold after any crash: a sound file, an FTS index matching its rows, each number
    used once and registered, registers without gaps (cancelled numbers stay in them), and each
    report's status log a walk of draft → writing → generated → submitted (or, for a generate
    that failed or was interrupted, writing → draft) ending at its status."""
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')")
    twice = conn.execute(
        "SELECT year, series, number FROM reports WHERE number IS NOT NULL"
        " GROUP BY 1, 2, 3 HAVING count(*) > 1"
    ).fetchall()
    assert twice == []
    unregistered = conn.execute(
        "SELECT r.id FROM reports r LEFT JOIN register g ON (g.year, g.series, g.number, g.report_id)"
        " = (r.year, r.series, r.number, r.id) WHERE r.number IS NOT NULL AND g.number IS NULL"
    ).fetchall()
    assert unregistered == []
    for year, series, count, highest in conn.execute(
        "SELECT year, series, count(*), max(number) FROM register GROUP BY 1, 2"
    ).fetchall():
        assert count == highest, f"gap in the {year} {series} register"
    logs: dict[int, list[str]] = {}
    for report_id, status in conn.execute(
        "SELECT report_id, status FROM status_log ORDER BY rowid"
    ):
        logs.setdefault(report_id, []).append(status)
    for report_id, status, number, sha in conn.execute(
        "SELECT id, status, number, sha256 FROM reports"
    ):
        log = logs.get(report_id, [])
        assert log[0] == "draft" and log[-1] == status, (report_id, log)
        assert all(step in _STEPS for step in itertools.pairwise(log)), (report_id, log)
        assert (status == "draft") == (sha is None), report_id
        # Only a draft, or a report generated without a number (a specialist's), has no number.
        assert number is not None or status in ("draft", "generated"), report_id


def assert_store_consistent(store) -> None:
    """The same through the storage contract, for either backend: each number on one report at
    most and registered to it, each register without gaps, each status log a walk as above."""
    columns = ("status", "series", "number", "year", "sha256")
    reports = {
        row[0]: dict(zip(columns, (row[5], row[8], row[9], row[10], row[15]), strict=True))
        for row in store.copied_rows()
    }
    numbered = [(r["year"], r["series"], r["number"]) for r in reports.values() if r["number"]]
    assert len(numbered) == len(set(numbered)), "a number is on two reports"
    register = {(y, s, n): (state, report_id) for y, s, n, report_id, state, _, _ in
                store.all_register_rows()}  # fmt: skip
    for report_id, r in reports.items():
        if r["number"] is not None:
            assert register[r["year"], r["series"], r["number"]][1] == report_id, report_id
    series: dict[tuple, list[int]] = {}
    for year, name, number in register:
        series.setdefault((year, name), []).append(number)
    for key, numbers in series.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), f"gap in the {key} register"
    logs: dict[int, list[str]] = {}
    for report_id, status, _ in store.status_log(list(reports)):
        logs.setdefault(report_id, []).append(status)
    for report_id, r in reports.items():
        log = logs.get(report_id, [])
        assert log[0] == "draft" and log[-1] == r["status"], (report_id, log)
        assert all(step in _STEPS for step in itertools.pairwise(log)), (report_id, log)
        assert (r["status"] == "draft") == (r["sha256"] is None), report_id
