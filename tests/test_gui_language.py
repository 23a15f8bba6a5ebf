"""No English reaches the clerk: every window and dialog the app opens is walked for visible text."""

import re
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QWidget,
    QWizard,
)

from assistant.gui import messages
from assistant.gui.check_dialog import CheckDialog
from assistant.gui.directive_editor import DirectiveEditorDialog
from assistant.gui.figure_forms import parse_date
from assistant.gui.import_dialog import ImportDialog
from assistant.gui.profile_wizard import ProfileWizard
from tests import factories
from tests.test_gui import Answers, fill_everything, open_window, with_profile

ENGLISH = (
    "Yes", "No", "Cancel", "OK", "Ok", "Open", "Save", "Look in", "File name", "Files of type",
    "Back", "Next", "Finish", "Close", "Help", "Apply", "Reset", "Discard", "Abort", "Retry",
    "Ignore", "Commit", "Done", "Forward", "Parent Directory", "Create New Folder", "List View",
    "Detail View", "Name", "Size", "Type", "Date Modified", "Computer", "Folder", "Directory",
    "All Files", "Show Details", "Monday", "Tuesday", "Sunday", "Mon", "Sun", "January",
    "February", "November", "December", "Jan", "Nov", "Dec", "t1", "t2", "t3", "t4", "t5",
    "--format", "Layout", "Margins", "Different First Page", "dd/mm/yyyy",
)  # fmt: skip
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w])")


@pytest.fixture(autouse=True)
def vietnamese(qapp) -> None:
    """The application as ``app.application()`` sets it up."""
    messages.configure(qapp)


def visible_texts(top: QWidget) -> list[str]:
    """What the clerk can read in ``top``: labels, buttons, group titles, tabs, window titles,
    placeholders and tooltips of the widgets shown."""
    found = [top.windowTitle(), top.toolTip()]
    for w in top.findChildren(QWidget):
        if not w.isVisibleTo(top):
            continue
        found += [w.toolTip()]
        if isinstance(w, QLabel | QAbstractButton):
            found.append(w.text())
        if isinstance(w, QGroupBox):
            found.append(w.title())
        if isinstance(w, QTabBar):
            found += [w.tabText(i) for i in range(w.count())]
            found += [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QLineEdit | QPlainTextEdit):
            found.append(w.placeholderText())
    return [t.replace("&", "") for t in found if t]


def english_in(top: QWidget) -> list[str]:
    return [t for t in visible_texts(top) if PATTERN.search(t)]


def assert_vietnamese(top: QWidget) -> None:
    top.show()
    QApplication.processEvents()
    assert english_in(top) == []
    assert visible_texts(top), "nothing was walked"


def test_the_walk_finds_english(qtbot) -> None:
    top = QWidget()
    qtbot.addWidget(top)
    QLabel("&Cancel", top)
    top.show()
    assert english_in(top) == ["Cancel"]
    assert not PATTERN.search("Nội dung Không") and PATTERN.search("nhiệm vụ t1 sai")
    box = QMessageBox(QMessageBox.Question, "x", "y", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    box.show()
    assert english_in(box) == []  # Qt's own texts, through the installed translator


@pytest.fixture
def library(data_dir: Path) -> Path:
    import json

    folder = data_dir / "directives"
    folder.mkdir(exist_ok=True)
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    return data_dir


def test_main_window_tabs_preview_and_editor(qtbot, library: Path, monkeypatch, tmp_path) -> None:
    clerk = Answers(monkeypatch, tmp_path / "out.docx")
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    for box in window.editor.tasks:
        box.included.setChecked(True)
    assert_vietnamese(window)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        assert_vietnamese(window)
    window.tabs.setCurrentWidget(window.compose)
    fill_everything(window)
    window.preview()
    assert not clerk.texts("warn"), clerk.texts("warn")
    assert_vietnamese(window.preview_dialog)


def test_wizard_pages(qtbot, data_dir: Path) -> None:
    wizard = ProfileWizard(data_dir)
    qtbot.addWidget(wizard)
    assert_vietnamese(wizard)
    for key in ("name", "symbol", "place"):
        wizard.edits[key].setText("x")
    wizard.next()
    assert wizard.currentId() == 1
    assert_vietnamese(wizard)
    assert wizard.button(QWizard.FinishButton).text() == "Lưu"


@pytest.mark.parametrize(
    "icon", [QMessageBox.Information, QMessageBox.Warning, QMessageBox.Question]
)
def test_message_boxes(qtbot, icon) -> None:
    buttons = QMessageBox.Yes | QMessageBox.No if icon == QMessageBox.Question else QMessageBox.Ok
    box = messages.message_box(None, icon, "Báo cáo nhanh", "Nội dung", buttons)
    qtbot.addWidget(box)
    assert_vietnamese(box)
    every = messages.message_box(
        None,
        icon,
        "Báo cáo nhanh",
        "Nội dung",
        QMessageBox.Yes | QMessageBox.No | QMessageBox.Cancel | QMessageBox.Ok | QMessageBox.Close,
    )
    qtbot.addWidget(every)
    assert_vietnamese(every)


@pytest.mark.parametrize("save", [False, True])
def test_file_dialog(qtbot, tmp_path: Path, save: bool) -> None:
    (tmp_path / "báo cáo.docx").write_bytes(b"")
    dialog = messages.file_dialog(
        None,
        "Chọn văn bản",
        "Văn bản Word (*.docx)",
        save=save,
        directory=str(tmp_path),
        native=False,
    )
    qtbot.addWidget(dialog)
    assert dialog.testOption(QFileDialog.DontUseNativeDialog)
    assert_vietnamese(dialog)
    for mode in (QFileDialog.Detail, QFileDialog.List):
        dialog.setViewMode(mode)
        assert_vietnamese(dialog)


def test_check_dialog(qtbot, tmp_path: Path) -> None:
    pytest.importorskip("assistant.check.checker")
    from assistant.check.checker import check
    from tests.faulty_docs import left_margin_20, make_report

    path = make_report(tmp_path, "nd30", "lề sai")
    doc = Document(str(path))
    left_margin_20(doc)
    doc.save(str(path))
    dialog = CheckDialog(str(path), check(path))
    qtbot.addWidget(dialog)
    assert_vietnamese(dialog)
    rows = [
        " ".join(str(dialog.model.index(r, c).data()) for c in range(5))
        for r in range(dialog.model.rowCount())
    ]
    assert not [r for r in rows if PATTERN.search(r)]


def test_import_dialog_and_directive_editor(qtbot, library: Path) -> None:
    from assistant.core.directives import DirectiveLibrary

    lib = DirectiveLibrary(user_dir=library / "directives")
    dialog = ImportDialog(lib)
    qtbot.addWidget(dialog)
    assert_vietnamese(dialog)
    editor = DirectiveEditorDialog(lib, lib.get(factories.DIRECTIVE["id"]))
    qtbot.addWidget(editor)
    for tab in range(editor.editor.tabs.count()):
        editor.editor.tabs.setCurrentIndex(tab)
        assert_vietnamese(editor)


def test_dates_are_typed_and_picked_on_a_vietnamese_calendar(qtbot, library: Path) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    editor = window.editor
    start = editor.period_start
    qtbot.keyClicks(start.edit, "01/10/2026")
    assert start.date().isoformat() == "2026-10-01"
    assert editor.answers()["period"]["start"] == "2026-10-01"
    qtbot.keyClicks(editor.period_end.edit, "1/12/2026")
    editor.period_end.edit.editingFinished.emit()
    assert editor.period_end.edit.text() == "01/12/2026"
    assert editor.answers()["period"]["end"] == "2026-12-31"[:8] + "01"
    calendar = editor.period_end.open_calendar()
    assert calendar.selectedDate() == QDate(2026, 12, 1)
    assert calendar.locale().language() == calendar.locale().Language.Vietnamese
    assert_vietnamese(calendar)
    calendar.clicked.emit(QDate(2026, 12, 31))
    assert editor.answers()["period"]["end"] == "2026-12-31"
    empty = editor.period_start
    empty.set_date(None)
    assert editor.answers()["period"]["start"] is None
    today = empty.open_calendar()
    assert today.selectedDate() == QDate.currentDate()
    assert "tháng" in today.locale().monthName(1).lower()
    today.close()
    empty.edit.setText("31/02/2026")
    assert empty.date() is None and "31/02/2026" in empty.error.text()
    assert any("Kỳ báo cáo từ ngày" in p for p in editor.problems())
    assert parse_date("01.10.2026")[0].month == 10 and parse_date("abc")[1]


def test_report_date_is_typed(qtbot, library: Path) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    editor = window.editor
    editor.date.edit.clear()
    qtbot.keyClicks(editor.date.edit, "15/10/2026")
    assert editor.answers()["date"] == "2026-10-15"
