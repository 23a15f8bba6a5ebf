"""Drafts, archive, undo of «đã gửi» and free file names in the history (real SQLite files)."""

import sqlite3
from pathlib import Path

import pytest

from assistant import cli
from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.core.model import Period
from assistant.storage.history import DB_FILE, History
from tests import factories


def report(**changes):
    return answers_to_report(factories.answers(number=None, **changes), factories.directive())


def test_the_newest_draft_of_a_directive_and_of_a_period(history: History) -> None:
    directive = factories.directive()
    assert history.newest_draft(directive.id) is None
    q2 = history.save_draft(directive, factories.answers(period={"label": "quý II năm 2024"}))
    q3 = history.save_draft(directive, factories.answers(period={"label": "quý III năm 2024"}))
    assert history.newest_draft(directive.id) == q3
    assert history.newest_draft(directive.id, {"period": {"label": "quý  II năm 2024"}}) == q2
    assert history.newest_draft(directive.id, {"period": {"label": "năm 2024"}}) is None


def test_duplicate_for_a_period_makes_one_draft(history: History, tmp_path: Path) -> None:
    entry_id, _ = history.generate(report(), tmp_path / "a.docx")
    period = Period(label="quý III năm 2024")
    copy = history.duplicate(entry_id, period)
    assert history.duplicate(entry_id, period) == copy  # the same period: the same draft
    assert history.count(status="draft") == 1
    assert history.get(copy).answers["period"]["label"] == "quý III năm 2024"


def test_only_drafts_are_deleted_a_report_is_archived(history: History, tmp_path: Path) -> None:
    draft = history.save_draft(factories.directive(), factories.answers())
    entry_id, _ = history.generate(report(), tmp_path / "a.docx")
    history.mark_submitted(entry_id)
    with pytest.raises(UserError, match="Chỉ xóa được bản nháp"):
        history.delete_draft(entry_id)
    history.delete_draft(draft)
    assert history.count(status="draft") == 0 and history.status_log(draft) == []
    assert [e.id for e in history.search("kinh phi")] == [entry_id]  # the index dropped the draft
    history.archive(entry_id)
    assert history.list() == [] and history.search("kinh phi") == []
    assert [e.id for e in history.list(archived=True)] == [entry_id]
    assert [e.id for e in history.search("kinh phi", archived=None)] == [entry_id]
    assert history.get(entry_id).archived and history.get(entry_id).status == "submitted"
    history.unarchive(entry_id)
    assert [e.id for e in history.list()] == [entry_id]
    with pytest.raises(UserError, match="Không có báo cáo số 99"):
        history.delete_draft(99)


def test_unsubmit_is_logged_and_the_dates_follow(history: History, tmp_path: Path) -> None:
    entry_id, _ = history.generate(report(), tmp_path / "a.docx")
    with pytest.raises(UserError, match="chưa được đánh dấu"):
        history.unsubmit(entry_id)
    history.mark_submitted(entry_id)
    sent = history.dates([entry_id])[entry_id]
    assert sent.created and sent.generated and sent.submitted
    history.unsubmit(entry_id)
    assert history.get(entry_id).status == "generated"
    assert [s for s, _ in history.status_log(entry_id)][-2:] == ["submitted", "generated"]
    again = history.dates([entry_id])[entry_id]
    assert again.submitted is None and again.generated == sent.generated
    history.mark_submitted(entry_id)  # may be sent again
    assert history.dates([entry_id])[entry_id].submitted


def test_a_recorded_file_gets_a_free_name(history: History, tmp_path: Path) -> None:
    target = tmp_path / "báo cáo.docx"
    assert history.free_name(target) == target and history.recorded_at(target) is None
    entry_id, _ = history.generate(report(), target)
    assert history.recorded_at(target).id == entry_id
    (tmp_path / "báo cáo (2).docx").write_bytes(b"someone else's")
    assert history.free_name(target) == tmp_path / "báo cáo (3).docx"
    target.unlink()  # moved away: still the name of a recorded report
    assert history.free_name(target) == tmp_path / "báo cáo (3).docx"


def test_the_migration_adds_the_archive_flag(data_dir: Path) -> None:
    History.open_in(data_dir).close()
    conn = sqlite3.connect(data_dir / DB_FILE)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(reports)")}
    assert "archived" in columns
    indexed = [row[2] for row in conn.execute("PRAGMA index_info(reports_hits)")]
    assert indexed == ["id", "report_date", "status", "issuer", "archived"]


def test_cli_delete_archive_unsubmit(history: History, data_dir: Path, tmp_path: Path, capsys):
    draft = history.save_draft(factories.directive(), factories.answers())
    entry_id, _ = history.generate(report(), tmp_path / "a.docx")
    history.mark_submitted(entry_id)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["history", *args, "--data-dir", str(data_dir)])
        out, err = capsys.readouterr()
        return code, out, err

    code, _, err = run("delete", str(entry_id))
    assert code == cli.EXIT_USER_ERROR and "Chỉ xóa được bản nháp" in err
    assert run("delete", str(draft))[1].strip() == f"Đã xóa bản nháp #{draft}."
    assert "Đã lưu trữ báo cáo" in run("archive", str(entry_id))[1]
    assert run("list")[1].strip() == "Không có báo cáo nào."
    assert "(đã lưu trữ)" in run("list", "--archived")[1]
    assert "trở lại danh sách" in run("unarchive", str(entry_id))[1]
    assert "bỏ đánh dấu" in run("unsubmit", str(entry_id))[1].lower()
