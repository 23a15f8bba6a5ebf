"""Drafts, file names, history rows and status changes in the real window, offscreen (pytest-qt)."""

import hashlib
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from assistant.core.model import Period
from assistant.gui.history_tab import FILE_COLUMN, PERIOD_COLUMN, STATUS_COLUMN
from assistant.gui.main_window import MainWindow
from assistant.storage.history import History
from tests import factories
from tests.test_gui import SEED, Answers, fill_everything, open_window, with_profile

OWN = factories.DIRECTIVE["id"]


@pytest.fixture
def library(data_dir: Path) -> Path:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{OWN}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    return with_profile(data_dir)


@pytest.fixture
def clerk(monkeypatch, tmp_path: Path) -> Answers:
    return Answers(monkeypatch, tmp_path / "out" / "báo cáo.docx")


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """The system's «open this» stands in: records what was asked, opens nothing."""
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True
    )
    return urls


def generated(qtbot, window: MainWindow, clerk: Answers, count: int = 1) -> None:
    window.generate()
    qtbot.waitUntil(lambda: clerk.texts("inform").count("Đã lưu báo cáo") == count, timeout=15000)


def row_of(window: MainWindow, entry_id: int) -> int:
    tab = window.history_tab
    tab.refresh()
    return next(i for i, e in enumerate(tab.model.rows) if e.id == entry_id)


def select(window: MainWindow, entry_id: int) -> int:
    row = row_of(window, entry_id)
    window.history_tab.table.selectRow(row)
    return row


def test_a_sent_reports_file_is_not_overwritten_a_free_name_is_proposed(
    qtbot, library: Path, clerk: Answers, tmp_path: Path
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    generated(qtbot, window, clerk)
    first, out = window.drafts.draft_id, tmp_path / "out" / "báo cáo.docx"
    window.history.mark_submitted(first)
    sent_sha = hashlib.sha256(out.read_bytes()).hexdigest()

    clerk.periods = [Period(label="bổ sung")]
    window.new_report()
    fill_everything(window)
    window.editor.sections["proposals"].setPlainText("Báo cáo bổ sung.")
    clerk.save_paths = [str(out)]  # the clerk picks the same name again
    generated(qtbot, window, clerk, 2)
    asked = clerk.texts("ask")
    assert "không ghi đè" in asked and "đã gửi" in asked and "báo cáo (2).docx" in asked
    second = window.history.get(window.drafts.draft_id)
    assert second.id != first and Path(second.output_path) == out.with_name("báo cáo (2).docx")
    assert hashlib.sha256(out.read_bytes()).hexdigest() == sent_sha  # the sent file untouched
    assert window.history.get(first).output_path == str(out)


def test_refusing_the_free_name_opens_the_save_dialog_on_it(
    qtbot, library: Path, clerk: Answers, tmp_path: Path
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    generated(qtbot, window, clerk)
    clerk.periods = [Period(label="bổ sung")]
    window.new_report()
    fill_everything(window)
    clerk.save_paths = [str(tmp_path / "out" / "báo cáo.docx")]
    clerk.yes = False
    window.generate()  # the clerk says no to the free name, then cancels the dialog
    assert clerk.proposed[-1].endswith("báo cáo (2).docx")
    assert window.history.count(status="generated") == 1


def test_reopening_the_directive_resumes_its_draft_and_viewing_saves_nothing(
    qtbot, library: Path
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    window.select_directive(SEED)  # only looking
    assert window.history.count() == 0 and window.drafts.draft_id is None
    assert "3270" in window.status_label.text()  # the status line names the directive shown
    window.select_directive(OWN)
    window.editor.sections["proposals"].setPlainText("Đề nghị hỗ trợ kinh phí.")
    qtbot.waitUntil(lambda: window.drafts.draft_id is not None, timeout=3000)
    draft = window.drafts.draft_id
    window.select_directive(SEED)
    assert window.drafts.draft_id is None and window.history.count() == 1
    window.select_directive(OWN)
    assert window.drafts.draft_id == draft
    assert window.editor.sections["proposals"].toPlainText() == "Đề nghị hỗ trợ kinh phí."
    assert f"#{draft}" in window.status_label.text() and "CV 3270-CV/BTGTU" in (
        window.status_label.text()
    )
    window.close()
    assert History.open_in(library).count() == 1


def test_a_directive_saved_again_keeps_the_report_shown_and_saves_nothing_untyped(
    qtbot, library: Path
) -> None:
    """The library lists a directive again after an import or an edit: the editor is made again
    with what it showed, which is not typing (no draft appears for a report nobody touched)."""
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    window._show_directive(OWN)
    qtbot.wait(800)  # past the autosave pause
    assert window.history.count() == 0 and window.drafts.draft_id is None
    window.editor.sections["proposals"].setPlainText("Đề nghị hỗ trợ kinh phí.")
    window._show_directive(OWN)
    assert window.editor.sections["proposals"].toPlainText() == "Đề nghị hỗ trợ kinh phí."
    window.close()  # what was typed is saved on closing
    assert History.open_in(library).count() == 1


def test_duplicate_for_a_new_period_makes_exactly_one_draft(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    generated(qtbot, window, clerk)
    entry = window.drafts.draft_id
    clerk.periods = [Period(label="quý III năm 2024")] * 2
    for _ in range(2):
        select(window, entry)
        window.history_tab.duplicate()
    drafts = window.history.list(status="draft")
    assert len(drafts) == 1 and window.drafts.draft_id == drafts[0].id
    assert window.editor.period_label.text() == "quý III năm 2024"
    row = row_of(window, drafts[0].id)
    assert window.history_tab.model.index(row, PERIOD_COLUMN).data() == "quý III năm 2024"


def test_a_draft_is_deleted_after_confirming_a_sent_report_only_archived(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    generated(qtbot, window, clerk)
    sent = window.drafts.draft_id
    window.history.mark_submitted(sent)
    window.editor.sections["proposals"].setPlainText("Sửa sau khi tạo.")
    assert "lưu thành bản nháp mới" in window.status_label.text()  # told before the new draft
    window.drafts.save()
    draft = window.drafts.draft_id
    assert draft != sent and f"báo cáo #{sent} giữ nguyên" in window.status_label.text()
    tab = window.history_tab

    select(window, draft)
    clerk.yes = False
    tab.delete_draft()
    assert window.history.status(draft) == "draft" and "Xóa bản nháp" in clerk.texts("ask")
    clerk.yes = True
    select(window, draft)
    tab.delete_draft()
    assert window.history.status(draft) is None and window.drafts.draft_id is None  # editor let go

    select(window, sent)
    tab.delete_draft()
    assert "Chỉ xóa được bản nháp" in clerk.texts("warn")
    assert window.history.status(sent) == "submitted"
    select(window, sent)
    tab.archive()
    assert all(e.id != sent for e in tab.model.rows) and window.history.get(sent).archived
    assert tab.undo_button.isVisibleTo(tab)
    tab.show_archived.setChecked(True)
    assert [e.id for e in tab.model.rows] == [sent]
    assert "lưu trữ" in tab.model.index(0, STATUS_COLUMN).data()
    qtbot.mouseClick(tab.undo_button, Qt.LeftButton)
    assert not window.history.get(sent).archived and tab.model.rows == []


def test_marking_sent_asks_first_and_can_be_undone(qtbot, library: Path, clerk: Answers) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    generated(qtbot, window, clerk)
    entry, tab = window.drafts.draft_id, window.history_tab
    select(window, entry)
    clerk.yes = False
    tab.mark_submitted()
    assert "Đánh dấu báo cáo 01/BC-PTTH" in clerk.texts("ask")
    assert window.history.status(entry) == "generated" and not tab.undo_button.isVisibleTo(tab)
    clerk.yes = True
    select(window, entry)
    tab.mark_submitted()
    row = row_of(window, entry)
    assert window.history.status(entry) == "submitted"
    assert "Đã gửi" in tab.model.index(row, STATUS_COLUMN).data()
    assert tab.model.index(row, 7).data()  # the date it was sent
    assert tab.undo_button.isVisibleTo(tab) and "đã gửi" in tab.notice.text()
    qtbot.mouseClick(tab.undo_button, Qt.LeftButton)
    assert window.history.status(entry) == "generated"
    assert window.history.status_log(entry)[-1][0] == "generated"
    assert tab.model.index(row_of(window, entry), 7).data() == ""
    assert tab.notice.text() == "Đã hoàn tác." and not tab.undo_button.isVisibleTo(tab)

    select(window, entry)  # reopening asks too, and is undone by dropping the new draft
    tab.reopen()
    reopened = window.drafts.draft_id
    assert reopened != entry and window.history.status(reopened) == "draft"
    qtbot.mouseClick(tab.undo_button, Qt.LeftButton)
    assert window.history.status(reopened) is None and window.drafts.draft_id is None


def test_history_shows_period_dates_and_flags_a_modified_or_moved_file(
    qtbot, library: Path, clerk: Answers, tmp_path: Path
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    window.editor.period_label.setText("6 tháng đầu năm 2024")
    generated(qtbot, window, clerk)
    entry, model = window.drafts.draft_id, window.history_tab.model
    row = row_of(window, entry)
    cells = [model.index(row, c).data() for c in range(model.columnCount())]
    assert cells[PERIOD_COLUMN] == "6 tháng đầu năm 2024" and cells[1] == "Số: 01/BC-PTTH"
    assert cells[5] and cells[6] and cells[7] == ""  # started, generated, not sent
    assert cells[FILE_COLUMN] == "báo cáo.docx"
    out = tmp_path / "out" / "báo cáo.docx"
    out.write_bytes(out.read_bytes() + b"\0")
    window.history_tab.refresh()
    assert "tệp đã bị sửa sau khi tạo" in model.index(row, FILE_COLUMN).data()
    out.rename(tmp_path / "moved.docx")
    window.history_tab.refresh()
    assert "không còn tệp ở chỗ cũ" in model.index(row, FILE_COLUMN).data()


def test_open_file_and_folder_after_generating_and_a_missing_file(
    qtbot, library: Path, clerk: Answers, tmp_path: Path, opened: list[str], monkeypatch
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    fill_everything(window)
    generated(qtbot, window, clerk)
    out = tmp_path / "out" / "báo cáo.docx"
    assert window.open_file_button.isVisibleTo(window)
    qtbot.mouseClick(window.open_file_button, Qt.LeftButton)
    qtbot.mouseClick(window.open_folder_button, Qt.LeftButton)
    assert opened == [str(out), str(out.parent)]

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no program for .docx
    window.open_output()
    assert "Máy tính không mở được" in clerk.texts("warn")

    out.unlink()
    select(window, window.drafts.draft_id)
    window.history_tab.open_file()
    assert "Không còn tệp «báo cáo.docx» ở chỗ cũ" in clerk.texts("warn")


def periods_of_drafts(window: MainWindow) -> list[str]:
    return sorted(e.answers["period"]["label"] for e in window.history.list(status="draft"))


def test_a_new_report_asks_its_period_and_a_period_with_a_draft_opens_that_draft(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    window.editor.sections["proposals"].setPlainText("Kỳ đầu.")
    window.drafts.save()
    first = window.drafts.draft_id

    window.new_report()  # the clerk cancels the question: nothing changes
    assert window.drafts.draft_id == first and len(window.history.list(status="draft")) == 1
    clerk.periods = [Period(label="quý I năm 2026")]
    window.new_report()
    assert window.drafts.draft_id is None and window.editor.period_label.text() == "quý I năm 2026"
    assert len(window.history.list(status="draft")) == 1  # nothing saved before typing
    window.editor.sections["proposals"].setPlainText("Quý I.")
    window.drafts.save()
    second = window.drafts.draft_id

    clerk.periods = [Period(label="quý I năm 2026")]
    window.new_report()  # the same period again: its draft, not a third one
    assert window.drafts.draft_id == second and window.editor.sections[
        "proposals"
    ].toPlainText() == ("Quý I.")
    assert periods_of_drafts(window) == ["", "quý I năm 2026"]


def test_typing_the_period_of_another_draft_keeps_this_drafts_period_and_says_which(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    ids = []
    for label in ("quý I năm 2026", "quý II năm 2026"):
        clerk.periods = [Period(label=label)]
        window.new_report()
        window.editor.sections["proposals"].setPlainText(label)
        window.drafts.save()
        ids.append(window.drafts.draft_id)
    window.editor.period_label.setText("quý I năm 2026")  # typed over: quý I has its draft
    window.editor.sections["proposals"].setPlainText("Sửa quý II.")
    window.drafts.save()
    assert f"#{ids[0]}" in window.editor.period_clash.text()
    kept = window.history.get(ids[1]).answers
    assert kept["period"]["label"] == "quý II năm 2026" and kept["proposals"] == "Sửa quý II."
    assert periods_of_drafts(window) == ["quý I năm 2026", "quý II năm 2026"]

    window.editor.period_label.setText("quý III năm 2026")  # a free period is taken at once
    window.drafts.save()
    assert window.editor.period_clash.text() == ""
    assert window.history.get(ids[1]).answers["period"]["label"] == "quý III năm 2026"


def test_a_deleted_draft_comes_back_with_undo_from_any_tab(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, library)
    window.select_directive(OWN)
    window.editor.sections["proposals"].setPlainText("Đừng mất tôi.")
    window.drafts.save()
    draft = window.drafts.draft_id
    window.tabs.setCurrentWidget(window.history_tab)
    select(window, draft)
    window.history_tab.delete_draft()
    assert "Hoàn tác" in clerk.texts("ask") and window.history.status(draft) is None
    window.tabs.setCurrentWidget(window.compose)
    assert (
        window.undo_button.isVisibleTo(window) and "Đã xóa" in window.statusBar().currentMessage()
    )
    qtbot.mouseClick(window.undo_button, Qt.LeftButton)
    (restored,) = window.history.list(status="draft")
    assert restored.answers["proposals"] == "Đừng mất tôi."
    assert f"#{restored.id}" in window.statusBar().currentMessage()
    assert not window.undo_button.isVisibleTo(window)
