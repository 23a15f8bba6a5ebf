"""Moving in: a local history of 1,000 reports copied onto a PostgreSQL server with the CLI
(``history migrate --to URL``), searched there with the same results, and copied again safely."""

import json
import socket
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from assistant.storage.history import DB_FILE, History, search_text
from tests import factories

REPO = Path(__file__).resolve().parent.parent
ROWS = 1_000
PROPOSALS = ["Đề nghị đầu tư đồng bộ thiết bị truyền dẫn"] + [
    f"Đề nghị hỗ trợ kinh phí đợt {n}" for n in range(1, 40)
]
QUERIES = ["dau tu dong bo", "kinh phí đợt 1", "đợt 3", "truyen dan", "zzz", "Tăng cường", "2024"]


def _build(folder: Path) -> None:
    """1,000 reports in the real schema over two years: drafts, generated and sent ones, each
    numbered one with its register row and status log, and a number cancelled ahead."""
    History.open_in(folder).close()
    directive = factories.directive()
    conn = sqlite3.connect(folder / DB_FILE, isolation_level=None)
    conn.execute("BEGIN")
    numbers: dict[int, int] = {}
    for i in range(ROWS):
        day = date(2024, 1, 1) + timedelta(days=i * 700 // ROWS)
        status = ("draft", "generated", "submitted")[i % 3]
        answers = factories.answers(date=day.isoformat(), proposals=PROPOSALS[i % len(PROPOSALS)])
        number = None
        if status != "draft":
            number = numbers.get(day.year, 0) + 1
            if (day.year, number) == (2025, 7):
                number += 1  # cancelled ahead, below
            numbers[day.year] = number
        answers["number"] = number
        at = f"{day.isoformat()}T09:00:{i % 60:02d}"
        row_id = conn.execute(
            "INSERT INTO reports (directive_id, directive_symbol, issuer, subject, status,"
            " format_id, template_version, series, number, year, report_date, created_at,"
            " updated_at, answers, search_text, sha256, output_path) VALUES"
            " (?, ?, ?, ?, ?, 'nd30', '1', 'BC', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [
                directive.id,
                directive.symbol,
                directive.issuer,
                directive.subject,
                status,
                number,
                day.year,
                day.isoformat(),
                at,
                at,
                json.dumps(answers, ensure_ascii=False),
                search_text(directive.symbol, directive.issuer, directive.subject, answers),
                None if number is None else f"{i:064x}",
                None if number is None else f"/bao-cao/{i}.docx",
            ],
        ).fetchone()[0]
        steps = {"draft": ["draft"], "generated": ["draft", "writing", "generated"]}
        for step in steps.get(status, [*steps["generated"], "submitted"]):
            conn.execute("INSERT INTO status_log VALUES (?, ?, ?)", [row_id, step, at])
        if number is not None:
            conn.execute(
                "INSERT INTO register VALUES (?, 'BC', ?, ?, 'used', '', ?)",
                [day.year, number, row_id, at],
            )
    conn.execute("INSERT INTO register VALUES (2025, 'BC', 7, NULL, 'cancelled', 'Giấy', 't')")
    conn.execute("COMMIT")
    conn.close()


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _seen(history: History, query: str) -> list[tuple]:
    return [
        (e.created_at, e.status, e.number_text, e.report_date, e.subject, e.answers)
        for e in history.search(query, limit=ROWS, archived=None)
    ]


@pytest.mark.slow
def test_a_local_history_moves_onto_the_server_and_searches_the_same(
    data_dir: Path, pg_url: str
) -> None:
    _build(data_dir)
    server = History.open_in(data_dir, pg_url)
    server.cancel_number(2024, 5, "Đã cấp cho văn bản giấy")  # a number the server already has
    moved = _cli("history", "migrate", "--to", pg_url, "--data-dir", str(data_dir))
    assert moved.returncode == 1, moved.stderr
    assert f"Đã chép {ROWS - 1} báo cáo" in moved.stdout
    assert "số 05/BC năm 2024 đã có trong sổ nơi nhận (cancelled)" in moved.stdout
    local = History.open_in(data_dir)
    clash = local.search("", limit=ROWS, year=2024, status=None, archived=None)
    clash_at = next(e.created_at for e in clash if e.number == 5)
    for query in QUERIES:
        here = [row for row in _seen(local, query) if row[0] != clash_at]
        assert _seen(server, query) == here, query
    assert server.count(archived=None) == ROWS - 1
    rows = server.store.register_rows(2025)
    assert (7, "cancelled", None) in rows and len({n for n, _, _ in rows}) == len(rows)
    # Again: nothing is copied twice, nothing overwritten.
    again = _cli("history", "migrate", "--to", pg_url, "--data-dir", str(data_dir))
    assert "Đã chép 0 báo cáo" in again.stdout and f"{ROWS - 1} báo cáo đã có" in again.stdout
    assert server.count(archived=None) == ROWS - 1
    assert server.store.register_rows(2024)[4] == (5, "cancelled", None)
    local.close()
    server.close()


def test_the_cli_opens_the_server_given_by_database(
    data_dir: Path, pg_url: str, tmp_path: Path
) -> None:
    """``--database`` (and the environment variable) reaches every history command."""
    History.open_in(data_dir, pg_url).cancel_number(2024, 3, "In nhầm")
    shown = _cli("history", "list", "--database", pg_url, "--data-dir", str(data_dir))
    assert shown.returncode == 0 and "Không có báo cáo nào." in shown.stdout
    cancelled = _cli("history", "cancel-number", "2024", "3", "--reason", "x", "--database", pg_url)
    assert cancelled.returncode == 2 and "đã hủy từ trước" in cancelled.stderr
    book = _cli("history", "register", "2024", "--database", pg_url)
    assert book.returncode == 0 and "Số 03/BC  đã hủy" in book.stdout
    assert "hủy: In nhầm" in book.stdout and socket.gethostname() in book.stdout
    back = tmp_path / "back" / DB_FILE
    moved = _cli("history", "migrate", "--database", pg_url, "--to", f"sqlite:{back}")
    assert moved.returncode == 0 and "Đã chép 0 báo cáo" in moved.stdout, moved.stderr
    home = History(back)
    assert home.store.register_rows(2024) == [(3, "cancelled", None)]
    home.close()
    wrong = _cli("history", "list", "--database", "mysql://x@y/z")
    assert wrong.returncode == 2 and "không hợp lệ" in wrong.stderr
    down = _cli("history", "list", "--database", "postgresql://nobody@127.0.0.1:1/none")
    assert down.returncode == 2 and "Không kết nối được máy chủ dữ liệu" in down.stderr
