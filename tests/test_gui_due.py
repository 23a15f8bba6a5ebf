"""The «Việc cần báo cáo» tab: what is due, coloured by state, opened in the editor (pytest-qt)."""

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from assistant.core.answers import answers_to_report
from assistant.core.directives import BUNDLED_DIR, DirectiveLibrary
from assistant.core.due import Done, DueReport, DueState, WorkingDays
from assistant.gui import due_tab
from assistant.gui.due_tab import DONE_TEXT, OVERDUE_TEXT, SOON_BACKGROUND, DueModel
from assistant.storage.history import History
from tests import factories
from tests.test_gui import SEED, Answers, open_window

OTHER = "test-2-cv-btgtu-2024"


@pytest.fixture
def clerk(monkeypatch, tmp_path: Path) -> Answers:
    return Answers(monkeypatch, tmp_path / "out" / "báo cáo.docx")


def working_days_ahead(count: int) -> date:
    days, day = WorkingDays(), date.today()
    while days.between(date.today(), day) < count:
        day += timedelta(days=1)
    return day


def write_directive(data_dir: Path, **changes) -> dict:
    record = dict(factories.DIRECTIVE, **changes)
    folder = data_dir / "directives"
    folder.mkdir(exist_ok=True)
    (folder / f"{record['id']}.json").write_text(
        json.dumps(record, ensure_ascii=False), encoding="utf-8"
    )
    return record


def two_due(data_dir: Path) -> tuple[date, date]:
    soon, overdue = working_days_ahead(2), date.today() - timedelta(days=3)
    write_directive(data_dir, report_deadline=soon.isoformat())
    write_directive(data_dir, id=OTHER, number="4321", report_deadline=overdue.isoformat())
    return soon, overdue


def test_the_window_opens_on_what_is_due_sorted_and_coloured(
    qtbot, qtmodeltester, data_dir: Path, clerk: Answers
) -> None:
    soon, overdue = two_due(data_dir)
    window = open_window(qtbot, data_dir)
    tab = window.due_tab
    assert window.tabs.widget(0) is tab and window.tabs.tabText(0) == "Việc cần báo cáo"
    assert window.tabs.currentWidget() is tab
    model = tab.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and tab.table.isVisibleTo(tab) and not tab.empty.isVisibleTo(tab)
    cells = [[model.index(r, c).data() for c in range(6)] for r in range(2)]
    assert [row[0] for row in cells] == [f"{overdue:%d/%m/%Y}", f"{soon:%d/%m/%Y}"]
    assert [row[1] for row in cells] == ["Quá hạn", "Sắp đến hạn"]
    assert "4321" in cells[0][2]
    assert factories.DIRECTIVE["issuer"] in cells[1][2]
    assert cells[1][4] == factories.DIRECTIVE["report_to"] and cells[1][5] == ""
    assert model.index(0, 0).data(Qt.ForegroundRole).color() == OVERDUE_TEXT
    assert model.index(0, 0).data(Qt.BackgroundRole) is None
    assert model.index(1, 3).data(Qt.BackgroundRole).color() == SOON_BACKGROUND
    assert model.index(1, 3).data(Qt.ForegroundRole) is None


def test_a_done_row_is_grey_and_shows_its_number(qtmodeltester) -> None:
    model = DueModel()
    done = Done(factories.DIRECTIVE["id"], None, None, "Số: 05/BC-PTTH", 7)
    model.set_rows([DueReport(factories.directive(), date(2026, 3, 2), DueState.DONE, done=done)])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "Đã làm" and model.index(0, 5).data() == "Số: 05/BC-PTTH"
    assert model.index(0, 0).data(Qt.ForegroundRole).color() == DONE_TEXT


def test_nothing_due_says_so(qtbot, data_dir: Path, clerk: Answers) -> None:
    window = open_window(qtbot, data_dir)
    tab = window.due_tab
    assert tab.model.rowCount() == 0 and not tab.table.isVisibleTo(tab)
    assert tab.empty.isVisibleTo(tab) and "60 ngày tới" in tab.empty.text()


def test_double_click_opens_the_directive_and_resumes_its_draft(
    qtbot, data_dir: Path, clerk: Answers
) -> None:
    two_due(data_dir)
    history = History.open_in(data_dir)
    draft = history.save_draft(
        DirectiveLibrary(user_dir=data_dir / "directives").get(factories.DIRECTIVE["id"]),
        factories.answers(),
        None,
    )
    history.close()
    window = open_window(qtbot, data_dir)
    tab = window.due_tab
    assert window.tabs.currentWidget() is tab
    table = tab.table

    def double_click(row: int) -> None:
        rect = table.visualRect(tab.model.index(row, 2))
        qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=rect.center())

    double_click(0)  # the overdue one: no draft, a fresh report
    assert window.tabs.currentWidget() is window.compose
    assert window.editor.directive.id == OTHER and window.drafts.draft_id is None
    assert window.list.currentIndex().data(Qt.UserRole) == OTHER
    window.tabs.setCurrentWidget(tab)
    table.selectRow(1)
    tab.open_selected()  # the «Mở» button
    assert window.tabs.currentWidget() is window.compose
    assert (
        window.editor.directive.id == factories.DIRECTIVE["id"] and window.drafts.draft_id == draft
    )
    assert window.list.currentIndex().data(Qt.UserRole) == factories.DIRECTIVE["id"]


def test_a_bundled_directive_gets_its_deadline_on_a_copy(
    qtbot, data_dir: Path, clerk: Answers, monkeypatch
) -> None:
    bundled = BUNDLED_DIR / f"{SEED}.json"
    before = bundled.read_bytes()
    deadline = date.today() + timedelta(days=20)

    def answered(dialog) -> int:
        dialog.choice.setCurrentIndex(dialog.choice.findData(SEED))
        dialog.deadline.set_date(None)
        dialog.deadline.edit.setText("31/02/2026")
        dialog.accept()  # refused: no such day
        assert dialog.chosen is None and "31/02/2026" not in clerk.texts("inform")
        dialog.deadline.set_date(deadline)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(due_tab.DeadlineDialog, "exec", answered)
    window = open_window(qtbot, data_dir)
    tab = window.due_tab
    assert tab.model.rowCount() == 0
    tab.set_deadline()
    assert "Không có ngày 31/02/2026" in clerk.texts("warn")
    copy_id = f"{SEED}-2"
    assert "bản riêng" in clerk.texts("inform") and copy_id in clerk.texts("inform")
    assert bundled.read_bytes() == before
    library = DirectiveLibrary(user_dir=data_dir / "directives")
    assert library.get(copy_id).report_deadline == deadline
    assert library.get(SEED).report_deadline is None
    assert [r.directive.id for r in tab.model.rows] == [copy_id]
    assert tab.model.index(0, 0).data() == f"{deadline:%d/%m/%Y}"
    assert window.model.row_of(copy_id) is not None
    assert "Đã đặt hạn báo cáo" in tab.notice.text()


def test_a_user_directive_is_updated_in_place(qtbot, data_dir: Path, clerk: Answers) -> None:
    write_directive(data_dir)
    window = open_window(qtbot, data_dir)
    tab = window.due_tab
    directive = window.library.get(factories.DIRECTIVE["id"])
    deadline = date.today() + timedelta(days=10)
    assert tab.save_deadline(directive, deadline) == directive.id
    assert not clerk.shown
    assert window.library.get(directive.id).report_deadline == deadline
    assert not (data_dir / "directives" / f"{directive.id}-2.json").exists()
    tab.refresh()
    assert [r.directive.id for r in tab.model.rows] == [directive.id]


def test_a_new_period_starts_from_the_last_periods_report(
    qtbot, data_dir: Path, clerk: Answers
) -> None:
    """Narrative kept for the clerk to rewrite, figures cleared, the new period's dates set."""
    today = date.today()
    write_directive(
        data_dir,
        date=date(today.year, 1, 2).isoformat(),
        report_periods=[{"periodicity": "monthly", "day": 28}],
    )
    history = History.open_in(data_dir)
    directive = DirectiveLibrary(user_dir=data_dir / "directives").get(factories.DIRECTIVE["id"])
    first = date(today.year, 1, 1)
    last_month = factories.answers(
        number=None,
        date=date(today.year, 1, 28).isoformat(),
        period={"start": first.isoformat(), "end": date(today.year, 1, 31).isoformat()},
    )
    history.generate(answers_to_report(last_month, directive), data_dir / "thang-1.docx")
    history.close()
    window = open_window(qtbot, data_dir)
    row = next(r for r in window.due_tab.model.rows if r.period_start and r.period_start.month > 1)
    window.open_due(row)
    answers = window.editor.answers()
    assert answers["period"]["start"] == row.period_start.isoformat()
    assert answers["difficulties"] == last_month["difficulties"]  # the text, to rewrite
    assert answers["tasks"]["t4"]["notes"] == last_month["tasks"]["t4"]["notes"]
    assert "figures" not in answers["tasks"]["t2"] or not answers["tasks"]["t2"]["figures"].get(
        "platforms"
    )
    assert window.drafts.draft_id is not None and "kỳ trước" in window.status_label.text()
    reopened = History.open_in(data_dir).newest_draft(directive.id, answers)
    assert reopened == window.drafts.draft_id  # opening the row again resumes this draft
