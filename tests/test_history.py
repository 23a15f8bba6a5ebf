"""The history database on real SQLite files: migrations, damage, numbering, search, backup, kills."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from docx import Document

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.core.model import Period
from assistant.storage import db as dbmod
from assistant.storage.history import DB_FILE, History
from assistant.storage.register import register_rows
from tests import factories

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def history(data_dir: Path) -> History:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    opened = History.open_in(data_dir)
    yield opened
    opened.close()


def report(day: str = "2024-06-28", **changes):
    data = factories.answers(date=day, number=None, **changes)
    return answers_to_report(data, factories.directive())


def test_new_database_is_migrated_to_the_current_version(data_dir: Path) -> None:
    History.open_in(data_dir).close()
    conn = sqlite3.connect(data_dir / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION == 2
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"reports", "register", "status_log", "reports_fts"} <= tables


def test_migration_from_version_1_keeps_rows_and_indexes_them(data_dir: Path) -> None:
    path = data_dir / DB_FILE
    v1 = sqlite_utils.Database(path)
    dbmod.MIGRATIONS[0](v1)
    answers = factories.answers(difficulties="Thiếu kinh phí đầu tư thiết bị")
    v1["reports"].insert(
        {
            "directive_id": "x",
            "directive_symbol": "3270-CV/BTGTU",
            "issuer": "Ban Tuyên giáo Tỉnh ủy",
            "subject": "Tăng cường",
            "status": "draft",
            "format_id": "nd30",
            "template_version": "1",
            "series": "BC",
            "year": 2024,
            "report_date": "2024-06-28",
            "created_at": "t",
            "updated_at": "t",
            "answers": json.dumps(answers, ensure_ascii=False),
        }
    )
    v1.execute("PRAGMA user_version=1")
    v1.conn.commit()
    v1.conn.close()
    history = History(path)
    assert history.count() == 1
    assert [e.id for e in history.search("kinh phi")] == [1]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2


@pytest.mark.parametrize("damage", ["garbage", "newer"])
def test_damaged_or_newer_database_is_kept_aside(data_dir: Path, damage: str) -> None:
    path = data_dir / DB_FILE
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA user_version=99")
        conn.execute("CREATE TABLE future (x)")
        conn.commit()
        conn.close()
    original = path.read_bytes()
    with pytest.raises(UserError) as caught:
        History(path)
    assert "giữ nguyên" in caught.value.message
    aside = [
        p
        for p in data_dir.iterdir()
        if p.name.startswith(f"{DB_FILE}.") and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(aside) == 1 and aside[0].read_bytes() == original
    History(path).close()  # the next start gets a fresh database


def test_numbers_restart_each_year_and_never_repeat(history: History, tmp_path: Path) -> None:
    numbers = []
    for day in ("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"):
        entry_id, result = history.generate(report(day), tmp_path / f"{day}.docx")
        numbers.append((day[:4], history.get(entry_id).number))
        assert Document(str(result.path)).tables[0].cell(1, 0).text.startswith("Số: 0")
    assert numbers == [("2024", 1), ("2024", 2), ("2025", 1), ("2025", 2)]
    assert history.get(1).number_text == "Số: 01/BC-PTTH"


def test_a_given_number_must_be_free_and_a_cancelled_one_is_never_reused(
    history: History, tmp_path: Path
) -> None:
    history.generate(replace(report(), number=7), tmp_path / "a.docx")
    with pytest.raises(UserError) as caught:
        history.generate(replace(report(), number=7), tmp_path / "b.docx")
    assert caught.value.field == "number" and not (tmp_path / "b.docx").exists()
    history.cancel_number(2024, 8, "In nhầm")
    entry_id, _ = history.generate(report(), tmp_path / "c.docx")
    assert history.get(entry_id).number == 9
    with pytest.raises(UserError):
        history.generate(replace(report(), number=8), tmp_path / "d.docx")
    rows = register_rows(history.db.conn, 2024)
    assert [(n, s) for n, s, _ in rows] == [(7, "used"), (8, "cancelled"), (9, "used")]


def test_a_failed_write_does_not_consume_the_number(history: History, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked.docx"
    blocked.mkdir()
    with pytest.raises(UserError):
        history.generate(report(), blocked)
    entry_id, _ = history.generate(report(), tmp_path / "ok.docx")
    assert history.get(entry_id).number == 1


def test_two_processes_never_get_the_same_number(history: History, data_dir: Path) -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.history_worker", str(data_dir), "generate", "12"],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [w.communicate(timeout=120)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers)
    numbers = sorted(int(n) for out in outputs for n in out.split())
    assert numbers == list(range(1, 37))  # no duplicates, no gaps


def test_statuses_are_logged_and_drafts_are_updated_in_place(
    history: History, tmp_path: Path
) -> None:
    directive = factories.directive()
    draft = history.save_draft(directive, factories.answers(proposals="một"))
    assert history.save_draft(directive, factories.answers(proposals="hai"), draft) == draft
    assert history.get(draft).answers["proposals"] == "hai"
    entry_id, _ = history.generate(report(), tmp_path / "r.docx", entry_id=draft)
    assert entry_id == draft
    history.mark_submitted(draft)
    assert [s for s, _ in history.status_log(draft)] == ["draft", "generated", "submitted"]
    with pytest.raises(UserError):
        history.mark_submitted(draft)
    # Saving over a generated report starts a new draft instead of changing it.
    assert history.save_draft(directive, factories.answers(), draft) != draft


def test_search_ignores_diacritics_and_d_stroke(history: History, tmp_path: Path) -> None:
    history.generate(
        report(proposals="Đề nghị hỗ trợ kinh phí đồng bộ thiết bị"), tmp_path / "a.docx"
    )
    history.save_draft(
        factories.directive(),
        factories.answers(proposals="Nâng cấp phòng dựng phim", date="2023-05-01"),
    )
    assert len(history.search("đồng bộ")) == 1
    assert len(history.search("dong bo")) == 1
    assert len(history.search("DONG")) == 1
    assert len(history.search("nang cap phong dung")) == 1
    assert len(history.search("3270")) == 2  # the directive's symbol
    assert len(history.search("125.000")) == 1  # figures as printed in the generated text
    assert history.search("nang cap", year=2024) == []
    assert [e.status for e in history.search("thai nguyen")] == [
        "generated",
        "draft",
    ]  # newest first
    assert history.search("khong co tu nay") == []


def test_regenerate_gives_the_same_text(history: History, tmp_path: Path) -> None:
    entry_id, first = history.generate(report(), tmp_path / "a.docx")
    again = history.regenerate(entry_id, tmp_path / "b.docx")
    assert again.text == first.text
    read = lambda p: [x.text for x in Document(str(p)).paragraphs]  # noqa: E731
    assert read(tmp_path / "a.docx") == read(tmp_path / "b.docx")
    assert history.get(entry_id).number == 1


def test_reopen_and_duplicate_make_new_drafts(history: History, tmp_path: Path) -> None:
    entry_id, _ = history.generate(report(), tmp_path / "a.docx")
    reopened = history.get(history.reopen(entry_id))
    assert reopened.status == "draft" and reopened.answers["number"] is None
    assert reopened.answers["proposals"] == history.get(entry_id).answers["proposals"]
    copy = history.get(history.duplicate(entry_id, Period(date(2024, 7, 1), date(2024, 9, 30))))
    assert copy.answers["period"]["start"] == "2024-07-01" and copy.answers["date"] is None
    assert history.get(entry_id).status == "generated"


def test_export_and_restore_round_trip(history: History, data_dir: Path, tmp_path: Path) -> None:
    entry_id, result = history.generate(report(), tmp_path / "docs" / "a.docx")
    history.save_draft(factories.directive(), factories.answers())
    backup = history.export(tmp_path / "backup.zip")
    history.mark_submitted(entry_id)  # changed after the backup
    history.close()
    restored = History.restore(backup, data_dir)
    assert restored.count() == 2
    entry = restored.get(entry_id)
    assert entry.status == "generated"
    assert Path(entry.output_path).read_bytes() == result.path.read_bytes()
    assert any(p.name.startswith(f"{DB_FILE}.before-restore") for p in data_dir.iterdir())
    restored.close()
    not_a_backup = tmp_path / "x.zip"
    not_a_backup.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(UserError):
        History.restore(not_a_backup, data_dir)
    assert History.open_in(data_dir).count() == 2


@pytest.mark.slow
def test_killed_writers_leave_a_consistent_database(history: History, data_dir: Path) -> None:
    history.close()
    rng = random.Random(874)
    for _ in range(20):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.history_worker", str(data_dir), "churn"], cwd=REPO
        )
        time.sleep(0.8 + rng.random() * 0.6)  # past start-up, into the write loop
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        opened = History.open_in(data_dir)
        conn = opened.db.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        used = conn.execute(
            "SELECT year, number, count(*) FROM reports WHERE number IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1"
        ).fetchall()
        assert used == []
        unregistered = conn.execute(
            "SELECT count(*) FROM reports r LEFT JOIN register g ON g.year = r.year AND g.number = r.number"
            " AND g.report_id = r.id WHERE r.number IS NOT NULL AND g.number IS NULL"
        ).fetchone()[0]
        assert unregistered == 0
        last_logged = conn.execute(
            "SELECT count(*) FROM reports r WHERE r.status != (SELECT status FROM status_log"
            " WHERE report_id = r.id ORDER BY rowid DESC LIMIT 1)"
        ).fetchone()[0]
        assert last_logged == 0
        opened.close()
    assert History.open_in(data_dir).count(status="generated") > 0
