"""The storage contract, run against both backends: the SQLite file and a PostgreSQL server.

Every test takes ``history`` opened on one backend; what the clerk sees must not depend on it.
"""

import errno
import hashlib
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import psycopg
import pytest

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.core.model import Period
from assistant.storage import history as history_module
from assistant.storage import postgres
from assistant.storage.history import History
from tests import factories
from tests.history_checks import assert_store_consistent

BACKENDS = ["sqlite", "postgres"]


def report(day: str = "2024-06-28", **changes):
    return answers_to_report(
        factories.answers(date=day, number=None, **changes), factories.directive()
    )


def _library(data_dir: Path) -> None:
    folder = data_dir / "directives"
    folder.mkdir(exist_ok=True)
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest) -> str | None:
    """None: the data folder's SQLite file; else a fresh PostgreSQL database."""
    return request.getfixturevalue("pg_url") if request.param == "postgres" else None


@pytest.fixture
def history(url: str | None, data_dir: Path):
    _library(data_dir)
    opened = History.open_in(data_dir, url)
    yield opened
    opened.close()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_drafts_are_saved_updated_found_per_period_and_deleted(history: History) -> None:
    directive = factories.directive()
    q3 = {"start": "2024-07-01", "end": "2024-09-30", "label": "quý III"}
    first = history.save_draft(directive, factories.answers(number=None, proposals="một"))
    assert (
        history.save_draft(directive, factories.answers(number=None, proposals="hai"), first)
        == first
    )
    assert history.get(first).answers["proposals"] == "hai"
    other = history.save_draft(directive, factories.answers(number=None, period=q3))
    assert history.newest_draft(directive.id) == other
    assert history.newest_draft(directive.id, {"period": q3}) == other
    assert history.newest_draft(directive.id, history.get(first).answers) == first
    copy = history.duplicate(first, Period(date(2024, 7, 1), date(2024, 9, 30), "quý III"))
    assert copy == other  # that period already has its draft
    history.delete_draft(other)
    assert history.status(other) is None
    assert [s for s, _ in history.status_log(first)] == ["draft"]
    with pytest.raises(UserError, match="Không có báo cáo"):
        history.delete_draft(other)


def test_one_directives_reports_are_listed_and_counted_apart(history: History) -> None:
    directive = factories.directive()
    other = replace(directive, id="other-cv-2024")
    mine = history.save_draft(directive, factories.answers(number=None))
    history.save_draft(other, factories.answers(number=None, directive=other.id))
    assert [e.id for e in history.list(directive=directive.id)] == [mine]
    assert history.count(directive=other.id) == 1 and history.count() == 2
    assert history.list(status="generated", directive=directive.id) == []


def test_the_previous_periods_report_is_found_by_its_dates_in_sql(
    history: History, tmp_path: Path
) -> None:
    """Only the directive's generated or sent report of the period just before: a draft of it, a
    report of another period or of another directive is not it; the newest of two is."""
    directive = factories.directive()
    q1 = {"start": "2024-01-01", "end": "2024-03-31", "label": "quý I năm 2024"}
    q2 = Period(date(2024, 4, 1), date(2024, 6, 30))
    history.save_draft(directive, factories.answers(number=None, period=q1))
    assert history.previous_answers(directive.id, q2) is None
    history.generate(report("2024-04-03", period=q1), tmp_path / "a.docx")
    other = replace(directive, id="other-cv-2024")
    history.save_draft(other, factories.answers(number=None, directive=other.id, period=q1))
    later, _ = history.generate(report("2024-04-10", period=q1), tmp_path / "b.docx")
    history.generate(
        report("2024-04-20", period={**q1, "start": "2024-01-02"}), tmp_path / "c.docx"
    )
    assert history.previous_answers(directive.id, q2)["date"] == "2024-04-10"
    history.mark_submitted(later)
    assert history.previous_answers(directive.id, q2)["date"] == "2024-04-10"
    assert history.previous_answers(other.id, q2) is None
    assert (
        history.previous_answers(directive.id, Period(date(2024, 7, 1), date(2024, 9, 30))) is None
    )


def test_generate_takes_the_next_number_and_records_the_file(
    history: History, tmp_path: Path
) -> None:
    first, result = history.generate(report(), tmp_path / "a.docx")
    second, _ = history.generate(report(), tmp_path / "b.docx")
    entry = history.get(first)
    assert (entry.status, entry.number, entry.number_text) == ("generated", 1, "Số: 01/BC-PTTH")
    assert history.get(second).number == 2
    assert entry.sha256 == _sha(result.path) == _sha(tmp_path / "a.docx")
    assert [s for s, _ in history.status_log(first)] == ["draft", "writing", "generated"]
    with pytest.raises(UserError) as caught:
        history.generate(replace(report(), number=2), tmp_path / "c.docx")
    assert caught.value.field == "number" and not (tmp_path / "c.docx").exists()
    with pytest.raises(UserError, match="không ghi đè"):
        history.generate(report(), tmp_path / "a.docx")
    assert history.recorded_at(tmp_path / "a.docx").id == first
    log = history.store.number_log(2024)
    assert [(n, action) for n, _, action, *_ in log] == [(1, "used"), (2, "used")]
    assert all(host and at for *_, host, at in log)
    assert_store_consistent(history.store)


def test_status_changes_are_checked_and_logged(history: History, tmp_path: Path) -> None:
    entry_id, _ = history.generate(report(), tmp_path / "a.docx")
    history.mark_submitted(entry_id)
    with pytest.raises(UserError, match="Chỉ báo cáo đã tạo"):
        history.mark_submitted(entry_id)
    history.unsubmit(entry_id)
    history.mark_submitted(entry_id)
    assert history.dates([entry_id])[entry_id].submitted is not None
    with pytest.raises(UserError, match="Chỉ xóa được bản nháp"):
        history.delete_draft(entry_id)
    history.archive(entry_id)
    assert history.count() == 0 and history.count(archived=True) == 1
    history.unarchive(entry_id)
    assert [e.id for e in history.list(status="submitted")] == [entry_id]
    reopened = history.reopen(entry_id)
    assert history.get(reopened).status == "draft" and history.get(reopened).number is None
    assert_store_consistent(history.store)


def test_a_voided_number_is_recorded_with_who_and_why_and_never_given_again(
    history: History, tmp_path: Path
) -> None:
    history.generate(report(), tmp_path / "a.docx")
    history.cancel_number(2024, 1, "In nhầm")
    history.cancel_number(2024, 3, "Đã cấp cho văn bản giấy")
    with pytest.raises(UserError, match="đã hủy từ trước"):
        history.cancel_number(2024, 3, "lần nữa")
    numbers = [
        history.get(history.generate(report(), tmp_path / f"{i}.docx")[0]).number for i in range(2)
    ]
    assert numbers == [2, 4]
    rows = history.store.register_rows(2024)
    assert [(n, s) for n, s, _ in rows] == [
        (1, "cancelled"),
        (2, "used"),
        (3, "cancelled"),
        (4, "used"),
    ]
    voids = [row for row in history.store.number_log(2024) if row[2] == "cancelled"]
    assert [(n, reason) for n, _, _, reason, *_ in voids] == [
        (1, "In nhầm"),
        (3, "Đã cấp cho văn bản giấy"),
    ]
    assert all(os_user or db_user for *_, os_user, db_user, _, _ in voids)
    assert_store_consistent(history.store)


def test_a_failed_write_gives_the_number_back(
    history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(temp: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(temp))

    with monkeypatch.context() as patch:
        patch.setattr(history_module, "write_temp", disk_full)
        with pytest.raises(UserError, match="ổ đĩa đã đầy"):
            history.generate(report(), tmp_path / "x.docx")
    assert history.get(1).status == "draft" and history.store.register_rows(2024) == []
    entry_id, _ = history.generate(report(), tmp_path / "ok.docx", entry_id=1)
    assert (entry_id, history.get(1).number) == (1, 1)
    assert [a for _, _, a, *_ in history.store.number_log(2024)] == ["used", "released", "used"]
    assert_store_consistent(history.store)


SEARCHED = [
    "loạt",
    "kinh phí",
    "KINH PHI",
    "dong",
    "đồng bộ",
    "thiet b",
    "tuyên",
    "3270",
    "zzz",
    "Tăng cường",
]


def _fill(history: History, tmp_path: Path) -> None:
    directive = factories.directive()
    for i, words in enumerate(
        ["Thiếu kinh phí đầu tư", "Đồng bộ thiết bị", "Tuyên truyền đồng loạt"]
    ):
        history.save_draft(directive, factories.answers(number=None, difficulties=words))
        history.generate(report(difficulties=words), tmp_path / f"{i}.docx")
    history.archive(1)


def test_search_ignores_diacritics_and_finds_the_same_on_both_backends(
    history: History, tmp_path: Path, pg_url: str, data_dir: Path
) -> None:
    _fill(history, tmp_path / "one")
    assert [e.id for e in history.search("loat")] == [6, 5]  # "đồng loạt": newest first
    assert [e.id for e in history.search("Đồng LOẠT")] == [6, 5]
    assert [e.id for e in history.search("thieu kinh", archived=True)] == [1]
    other_url = pg_url if history.store.__class__.__name__ == "SqliteStore" else None
    other_dir = data_dir.parent / "other"
    other_dir.mkdir()
    _library(other_dir)
    other = History.open_in(other_dir, other_url)
    _fill(other, tmp_path / "two")
    for query in SEARCHED:
        for archived in (False, True, None):
            ours = [e.id for e in history.search(query, archived=archived)]
            assert ours == [e.id for e in other.search(query, archived=archived)], query
    other.close()


def _set_newer(url: str | None, data_dir: Path) -> None:
    if url is None:
        import sqlite3

        conn = sqlite3.connect(data_dir / "history.sqlite3")
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    else:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("UPDATE schema_version SET version = 99")


def test_a_newer_schema_is_refused_in_vietnamese_and_not_written(
    history: History, url: str | None, data_dir: Path, tmp_path: Path
) -> None:
    history.save_draft(factories.directive(), factories.answers(number=None))
    history.close()
    _set_newer(url, data_dir)
    with pytest.raises(UserError, match="phiên bản mới hơn") as caught:
        History.open_in(data_dir, url)
    assert "cập nhật" in caught.value.message
    if url is not None:
        with psycopg.connect(url) as conn:
            assert conn.execute("SELECT version FROM schema_version").fetchall() == [(99,)]
            assert conn.execute("SELECT count(*) FROM reports").fetchone()[0] == 1


def test_export_then_restore_brings_the_history_home(
    history: History, tmp_path: Path, data_dir: Path
) -> None:
    _fill(history, tmp_path / "out")
    zip_path = history.export(tmp_path / "sao-luu.zip")
    home = tmp_path / "home"
    home.mkdir()
    restored = History.restore(zip_path, home)
    assert restored.count(archived=None) == history.count(archived=None) == 6
    for query in SEARCHED:
        assert [e.subject for e in restored.search(query)] == [
            e.subject for e in history.search(query)
        ]
    assert [e.number for e in restored.list()] == [e.number for e in history.list()]
    restored.close()


def test_a_pc_waiting_too_long_for_the_register_is_told_and_nothing_changes(
    pg_url: str, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC holds the 2024 register (stalled while taking a number): this one gives up
    after the lock timeout with a Vietnamese sentence, and no number or file is left behind."""
    monkeypatch.setattr(postgres, "LOCK_TIMEOUT_MS", 300)
    _library(data_dir)
    history = History.open_in(data_dir, pg_url)
    history.generate(report(), tmp_path / "a.docx")
    with psycopg.connect(pg_url) as other:
        other.execute("SELECT * FROM counters WHERE year = 2024 FOR UPDATE")
        with pytest.raises(UserError, match="đang bận cấp số"):
            history.generate(report(), tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists()
    assert history.store.register_rows(2024) == [(1, "used", 1)]
    entry_id, _ = history.generate(report(), tmp_path / "b.docx")
    assert history.get(entry_id).number == 2
    history.close()
