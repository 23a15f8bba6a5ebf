"""The history database on real SQLite files: migrations, damage, numbering, search, backup, kills."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.core.model import Period
from assistant.storage import db as dbmod
from assistant.storage.history import DB_FILE, History
from assistant.storage.register import register_rows
from tests import factories, history_worker
from tests.history_checks import assert_consistent

REPO = Path(__file__).resolve().parent.parent


def report(day: str = "2024-06-28", **changes):
    data = factories.answers(date=day, number=None, **changes)
    return answers_to_report(data, factories.directive())


# The schemas as released, frozen here so that editing a migration cannot hide a broken upgrade.
V1_SCHEMA = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY, directive_id TEXT NOT NULL, directive_symbol TEXT, issuer TEXT,
    subject TEXT, status TEXT NOT NULL, format_id TEXT, template_version TEXT, series TEXT,
    number INTEGER, year INTEGER NOT NULL, report_date TEXT NOT NULL, created_at TEXT,
    updated_at TEXT, output_path TEXT, sha256 TEXT, answers TEXT NOT NULL);
CREATE TABLE register (year INTEGER, series TEXT, number INTEGER, report_id INTEGER, state TEXT,
    reason TEXT, at TEXT, PRIMARY KEY (year, series, number));
CREATE TABLE status_log (report_id INTEGER, status TEXT, at TEXT);
CREATE INDEX idx_status_log_report_id ON status_log (report_id);
CREATE INDEX idx_reports_report_date_id ON reports (report_date, id);
PRAGMA user_version = 1;
"""
V2_CHANGES = """
ALTER TABLE reports ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE reports_fts USING fts5(
    search_text, content='reports', content_rowid='id', tokenize='unicode61');
CREATE TRIGGER reports_ai AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts(rowid, search_text) VALUES (new.id, new.search_text); END;
CREATE TRIGGER reports_ad AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts(reports_fts, rowid, search_text)
    VALUES ('delete', old.id, old.search_text); END;
CREATE TRIGGER reports_au AFTER UPDATE OF search_text ON reports BEGIN
    INSERT INTO reports_fts(reports_fts, rowid, search_text)
    SELECT 'delete', old.id, old.search_text WHERE old.search_text != '';
    INSERT INTO reports_fts(rowid, search_text) VALUES (new.id, new.search_text); END;
PRAGMA user_version = 2;
"""
V3_CHANGES = """
CREATE INDEX reports_hits ON reports (id, report_date, status, issuer);
PRAGMA user_version = 3;
"""


def test_new_database_is_migrated_to_the_current_version(data_dir: Path) -> None:
    History.open_in(data_dir).close()
    conn = sqlite3.connect(data_dir / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION == 8
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"reports", "register", "status_log", "reports_fts"} <= tables


@pytest.mark.parametrize("version", [1, 2, 3])
def test_migration_from_an_older_version_keeps_rows_and_indexes_them(
    data_dir: Path, tmp_path: Path, version: int
) -> None:
    path = data_dir / DB_FILE
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA + "".join([V2_CHANGES, V3_CHANGES][: version - 1]))
    answers = factories.answers(difficulties="Thiếu kinh phí đầu tư thiết bị")
    conn.execute(
        "INSERT INTO reports (directive_id, directive_symbol, issuer, subject, status, format_id,"
        " template_version, series, number, year, report_date, created_at, updated_at, sha256,"
        " answers) VALUES ('test-cv-btgtu-2024', '3270-CV/BTGTU', 'Ban Tuyên giáo Tỉnh ủy',"
        " 'Tăng cường', 'generated', 'nd30', '1', 'BC', 1, 2024, '2024-06-28', 't', 't', 'ab', ?)",
        [json.dumps(answers, ensure_ascii=False)],
    )
    conn.execute("INSERT INTO register VALUES (2024, 'BC', 1, 1, 'used', '', 't')")
    conn.executemany("INSERT INTO status_log VALUES (1, ?, 't')", [["draft"], ["generated"]])
    if version >= 2:  # v2 code filled the search text itself
        conn.execute("UPDATE reports SET search_text = 'thieu kinh phi dau tu thiet bi'")
    conn.commit()
    conn.close()
    history = History(path)
    entry = history.get(1)
    assert (entry.status, entry.number_text, entry.answers) == (
        "generated",
        "Số: 01/BC-PTTH",
        answers,
    )
    assert [e.id for e in history.search("kinh phí")] == [1]
    # The register carried over: the next report takes number 02.
    entry_id, _ = history.generate(report(), tmp_path / "next.docx")
    assert history.get(entry_id).number == 2
    assert_consistent(history.db.conn)
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION


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


def test_an_unopenable_path_is_reported_and_left_alone(data_dir: Path) -> None:
    (data_dir / DB_FILE).mkdir()
    with pytest.raises(UserError) as caught:
        History.open_in(data_dir)
    assert "Không mở được" in caught.value.message
    assert (data_dir / DB_FILE).is_dir() and not list((data_dir / DB_FILE).iterdir())
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILE, "locks"]  # ours, beside it


@pytest.mark.skipif(not hasattr(os, "fork"), reason="forks the openers")
def test_processes_starting_together_migrate_once(data_dir: Path) -> None:
    """Four processes open a v2 file at the same moment: one migrates, the others find it done."""
    conn = sqlite3.connect(data_dir / DB_FILE)
    conn.executescript(V1_SCHEMA + V2_CHANGES)
    conn.close()
    fork = history_worker.forks()
    go, opened = fork.Event(), fork.Queue()
    openers = [
        fork.Process(target=history_worker.open_at, args=(data_dir, go, opened)) for _ in range(4)
    ]
    for opener in openers:
        opener.start()
    go.set()
    assert sorted(opened.get(timeout=60) for _ in openers) == ["ok"] * 4
    for opener in openers:
        opener.join()
    conn = sqlite3.connect(data_dir / DB_FILE)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION


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


def test_cancelling_a_number_ahead_leaves_no_gap_before_it(
    history: History, tmp_path: Path
) -> None:
    history.cancel_number(2024, 3, "Đã cấp cho văn bản giấy")
    numbers = [
        history.get(history.generate(report(), tmp_path / f"{i}.docx")[0]).number for i in range(4)
    ]
    assert numbers == [1, 2, 4, 5]
    with pytest.raises(UserError):
        history.cancel_number(2024, 3, "lần nữa")


def test_each_series_has_its_own_numbers(history: History, tmp_path: Path) -> None:
    taken = [
        (
            series,
            history.get(
                history.generate(report(), tmp_path / f"{i}.docx", series=series)[0]
            ).number,
        )
        for i, series in enumerate(["BC", "BC", "KH", "BC", "KH"])
    ]
    assert taken == [("BC", 1), ("BC", 2), ("KH", 1), ("BC", 3), ("KH", 2)]
    assert_consistent(history.db.conn)


def test_a_failed_write_does_not_consume_the_number(history: History, tmp_path: Path) -> None:
    blocked = tmp_path / "blocked.docx"
    blocked.mkdir()
    with pytest.raises(UserError):
        history.generate(report(), blocked)
    entry_id, _ = history.generate(report(), tmp_path / "ok.docx")
    assert history.get(entry_id).number == 1


def test_processes_reserving_at_once_never_share_a_number(history: History, data_dir: Path) -> None:
    """Three interpreters generate at the same time; two numbers were cancelled ahead of them."""
    history.cancel_number(2024, 5, "Đã cấp cho văn bản giấy")
    history.cancel_number(2024, 20, "Đã cấp cho văn bản giấy")
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.history_worker",
                str(data_dir),
                "12",
                f"w{n}",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(3)
    ]
    assert all(w.stdout.readline() == "ready\n" for w in workers)
    (data_dir / "go").touch()
    outputs = [w.communicate(timeout=120)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers)
    numbers = sorted(int(n) for out in outputs for n in out.split())
    assert numbers == [n for n in range(1, 39) if n not in (5, 20)]  # no duplicates, no gaps
    assert_consistent(history.db.conn)


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
    assert [s for s, _ in history.status_log(draft)] == [
        "draft",
        "writing",
        "generated",
        "submitted",
    ]
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


@pytest.mark.skipif(not hasattr(os, "fork"), reason="kills forked writers with SIGKILL")
def test_killed_writers_leave_a_consistent_database(history: History, data_dir: Path) -> None:
    """Twenty-four writers killed with SIGKILL at random moments, four at a time.

    The writers are forked from a server process that has everything imported, so they start in
    milliseconds and the whole test takes a few seconds.
    """
    history.close()
    fork = history_worker.forks()
    rng = random.Random(874)
    for _ in range(6):
        writers = []
        for _ in range(4):
            receiver, sender = fork.Pipe(duplex=False)
            writer = fork.Process(target=history_worker.churn, args=(data_dir, sender), daemon=True)
            writer.start()
            writers.append((writer, receiver))
        for _, receiver in writers:
            assert receiver.poll(30) and receiver.recv() == "ready"
        for writer, _ in writers:
            time.sleep(rng.uniform(0.02, 0.8))  # long enough for some to mark a report sent
            os.kill(writer.pid, signal.SIGKILL)
            writer.join()
            assert writer.exitcode == -signal.SIGKILL  # killed, not ended by an error
        opened = History.open_in(data_dir)
        assert_consistent(opened.db.conn)
        opened.close()
    opened = History.open_in(data_dir)
    assert opened.count(status="generated") > 0 and opened.count(status="submitted") > 0
    assert any(state == "cancelled" for _, state, _ in register_rows(opened.db.conn, 2024))
    opened.close()


def _backup_with(tmp_path: Path, database: Path, manifest: dict) -> Path:
    target = tmp_path / "crafted.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(database, DB_FILE)
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("documents/1/a.docx", b"x")
    return target


@pytest.mark.parametrize("problem", ["newer", "path", "tables"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    history: History, data_dir: Path, tmp_path: Path, problem: str
) -> None:
    history.save_draft(factories.directive(), factories.answers())
    history.close()
    database = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(database)
    if problem != "tables":
        conn.executescript(V1_SCHEMA)
    conn.execute(f"PRAGMA user_version = {99 if problem == 'newer' else 1}")
    conn.close()
    documents = {"../../escape": "documents/1/a.docx"} if problem == "path" else {}
    crafted = _backup_with(
        tmp_path, database, {"kind": "bao-cao-nhanh-backup", "documents": documents}
    )
    before = sorted(p.name for p in data_dir.rglob("*"))
    with pytest.raises(UserError) as caught:
        History.restore(crafted, data_dir)
    assert ("phiên bản mới hơn" in caught.value.message) == (problem == "newer")
    assert sorted(p.name for p in data_dir.rglob("*")) == before
    assert History.open_in(data_dir).count() == 1


def _open_in_child(data_dir: Path, then: str = "") -> subprocess.CompletedProcess:
    code = (
        "import os, signal, sys; from pathlib import Path;"
        "from assistant.storage.history import History;"
        f"h = History.open_in(Path({str(data_dir)!r})); print(h.checked, flush=True); {then}"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )


@pytest.mark.skipif(not hasattr(os, "kill"), reason="kills a child with SIGKILL")
def test_the_full_check_runs_only_after_an_unclean_exit(data_dir: Path) -> None:
    """Reading every page of a large history takes time on every start; it is done when a process
    died with the history open (killed, a power cut), once."""
    assert _open_in_child(data_dir).stdout.strip() == "False"  # new, and closed normally
    assert _open_in_child(data_dir).stdout.strip() == "False"
    killed = _open_in_child(data_dir, then="os.kill(os.getpid(), signal.SIGKILL)")
    assert killed.returncode == -signal.SIGKILL
    assert _open_in_child(data_dir).stdout.strip() == "True"
    assert _open_in_child(data_dir).stdout.strip() == "False"
