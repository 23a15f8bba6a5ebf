"""Every window fits the screens of the testers (1366×768 at 100%, 1920×1080 at 125%), and the
window's other checks: numbers, one window per data folder, the check dialog, the wizard."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QWidget,
    QWizard,
)

from assistant.gui import messages
from assistant.gui.app import window_lock
from assistant.gui.check_dialog import CheckDialog, grouped
from assistant.gui.profile_wizard import ProfileWizard
from tests import factories
from tests.test_gui import Answers, open_window, with_profile

# Free area of each tester's screen in device-independent pixels, a 40 px task bar at the bottom.
SCREENS = {"1366x768@100%": QSize(1366, 728), "1920x1080@125%": QSize(1536, 832)}


@pytest.fixture
def library(data_dir: Path) -> Path:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    return data_dir


def ancestors(widget: QWidget, top: QWidget) -> list[QWidget]:
    found, parent = [], widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def assert_fits(window: QWidget, room: QSize) -> None:
    window.show()
    QApplication.processEvents()
    size = window.frameGeometry().size()
    assert size.width() <= room.width() and size.height() <= room.height(), (
        type(window).__name__,
        size,
        room,
    )
    for button in window.findChildren(QAbstractButton):
        scrolled = any(isinstance(a, QAbstractScrollArea) for a in ancestors(button, window))
        if button.isVisibleTo(window) and button.window() is window and not scrolled:
            at = button.mapTo(window, button.rect().bottomRight())
            assert at.x() <= window.width() and at.y() <= window.height(), button.text()


@pytest.mark.parametrize("screen", SCREENS)
def test_every_dialog_fits(qtbot, library: Path, tmp_path: Path, screen: str, monkeypatch) -> None:
    room = SCREENS[screen]
    monkeypatch.setattr(messages, "available_size", lambda widget=None: room)
    Answers(monkeypatch, tmp_path / "out.docx")
    window = open_window(qtbot, with_profile(library))
    window.resize(messages.fitted(QSize(1280, 820), room))
    window.select_directive(factories.DIRECTIVE["id"])
    assert_fits(window, room)
    wizard = ProfileWizard(library)
    qtbot.addWidget(wizard)
    assert_fits(wizard, room)
    from tests.test_gui import fill_everything

    fill_everything(window)
    window.preview()
    assert_fits(window.preview_dialog, room)
    from assistant.check.checker import check
    from tests.faulty_docs import make_report

    path = make_report(tmp_path, "nd30", "mẫu")
    dialog = CheckDialog(str(path), check(path))
    qtbot.addWidget(dialog)
    assert_fits(dialog, room)
    from assistant.core.directives import DirectiveLibrary
    from assistant.gui.directive_editor import DirectiveEditorDialog
    from assistant.gui.import_dialog import ImportDialog

    lib = DirectiveLibrary(user_dir=library / "directives")
    for other in (
        ImportDialog(lib),
        DirectiveEditorDialog(lib, lib.get(factories.DIRECTIVE["id"])),
    ):
        qtbot.addWidget(other)
        assert_fits(other, room)
    file_dialog = messages.file_dialog(None, "Chọn", "Văn bản Word (*.docx)", native=False)
    qtbot.addWidget(file_dialog)
    messages.fit_to_screen(file_dialog, QSize(900, 560))
    assert_fits(file_dialog, room)


def test_fitted_is_never_larger_than_the_screen() -> None:
    for room in SCREENS.values():
        for wanted in (QSize(400, 300), QSize(1280, 820), QSize(3000, 2000)):
            got = messages.fitted(wanted, room)
            assert got.width() <= min(wanted.width(), room.width())
            assert got.height() <= min(wanted.height(), room.height())


def test_at_125_percent_in_a_subprocess(tmp_path: Path, data_dir: Path) -> None:
    """The real scale factor: the preview and the check dialog fit the scaled screen."""
    script = """
import sys
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QSize
from assistant.gui import messages
from assistant.gui.profile_wizard import ProfileWizard
from pathlib import Path
app = QApplication([])
messages.configure(app)
room = app.primaryScreen().availableGeometry().size()
w = ProfileWizard(Path(sys.argv[1]))
w.show()
app.processEvents()
size = w.frameGeometry().size()
print(room.width(), room.height(), size.width(), size.height())
"""
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                 "logicalDpi": 96, "logicalDpiX": 96, "logicalDpiY": 96}]})
    )  # fmt: skip
    env = dict(os.environ, QT_SCALE_FACTOR="1.25", QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run(
        [sys.executable, "-c", script, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.returncode == 0, out.stderr
    rw, rh, w, h = map(int, out.stdout.split())
    assert (rw, rh) == (1536, 864) and w <= rw and h <= rh, (rw, rh, w, h)


# -- numbers ------------------------------------------------------------------------------
def test_a_refused_figure_silences_the_ratio_and_blocks_the_report(
    qtbot, library: Path, tmp_path: Path, monkeypatch
) -> None:
    clerk = Answers(monkeypatch, tmp_path / "out.docx")
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    ratio = window.editor.tasks[1]
    ratio.included.setChecked(True)
    form = ratio.figures
    form.fields["facebook.total"].setText("99999999999999999999")
    form.fields["facebook.negative"].setText("5")
    form.fields["zalo.total"].setText("100")
    form.fields["zalo.negative"].setText("20")
    text = form.share.text()
    assert "%" not in text and "Cảnh báo" not in text and not form.over_limit
    assert "quá lớn" in form.fields["facebook.total"].error.text()
    assert "Facebook" in form.shared_error.text()
    for bad in ("-5", "abc"):
        form.fields["facebook.total"].setText(bad)
        assert "%" not in form.share.text()
    window.preview()
    assert getattr(window, "preview_dialog", None) is None
    warned = clerk.texts("warn")
    title = factories.DIRECTIVE["tasks"][1].get("title") or ""
    assert "Nhiệm vụ 2" in warned and (not title or title in warned)
    assert "t2" not in warned.replace("tiêu", "")
    form.fields["facebook.total"].setText("500")
    assert "%" in form.share.text()


def test_error_lines_keep_their_height(qtbot, library: Path) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    video = window.editor.tasks[0]
    video.included.setChecked(True)
    QApplication.processEvents()
    clips = video.figures.fields["clips_produced"]
    below = video.figures.fields["facebook.clips"]
    before = below.mapTo(window, below.rect().topLeft())
    clips.setText("abc")
    QApplication.processEvents()
    assert "Chỉ nhập chữ số" in clips.error.text()
    assert below.mapTo(window, below.rect().topLeft()) == before
    video.figures.fields["zalo.views"].setText("-5")
    QApplication.processEvents()
    assert below.mapTo(window, below.rect().topLeft()) == before


# -- one window per data folder -------------------------------------------------------------
def test_a_second_window_on_the_same_folder_is_refused(data_dir: Path, monkeypatch) -> None:
    from assistant.gui import app as app_module

    held = window_lock(data_dir)
    assert held is not None
    shown = []
    monkeypatch.setattr(messages, "warn", lambda p, t, x: shown.append(x))
    monkeypatch.setattr(app_module, "start", lambda *a, **k: pytest.fail("a window was opened"))

    assert app_module.run_app(argparse.Namespace(data_dir=str(data_dir))) != 0
    assert shown and "đang mở" in shown[0]
    held.unlock()
    again = window_lock(data_dir)
    assert again is not None
    again.unlock()


def test_the_lock_is_held_by_another_process(data_dir: Path) -> None:
    script = (
        "import sys, time; from pathlib import Path; from assistant.gui.app import window_lock;"
        "lock = window_lock(Path(sys.argv[1])); print('held' if lock else 'busy', flush=True);"
        "time.sleep(30)"
    )
    root = Path(__file__).resolve().parent.parent
    other = subprocess.Popen(
        [sys.executable, "-c", script, str(data_dir)], stdout=subprocess.PIPE, text=True, cwd=root
    )
    try:
        assert other.stdout.readline().strip() == "held"
        assert window_lock(data_dir) is None
    finally:
        other.kill()
        other.wait()
    mine = window_lock(data_dir)  # the OS freed it when the process died
    assert mine is not None
    mine.unlock()


# -- layout check dialog ----------------------------------------------------------------------
def test_check_dialog_groups_findings_and_lets_the_clerk_choose_the_format(
    qtbot, tmp_path: Path
) -> None:
    from assistant.check.checker import check
    from tests.faulty_docs import make_report

    path = make_report(tmp_path, "nd30", "mẫu")
    doc = Document(str(path))
    for p in doc.paragraphs:
        for run in p.runs:
            run.font.name = "Arial"
    doc.save(str(path))
    result = check(path)
    dialog = CheckDialog(str(path), result)
    qtbot.addWidget(dialog)
    ids = [f.id for f in result.findings]
    assert dialog.model.rowCount() == len(set(ids))
    counts = {r.first.id: r.count for r in grouped(result.findings)}
    assert sum(counts.values()) >= len(ids)
    texts = [dialog.format.itemText(i) for i in range(dialog.format.count())]
    assert texts == ["Tự nhận biết", "Nhà nước (NĐ30)", "Đảng (HD36)"]
    assert "Nhận ra" in dialog.used.text()
    dialog.format.setCurrentIndex(2)
    assert dialog.result.format_id == "hd36" and "như bạn chọn" in dialog.used.text()
    for r in range(dialog.model.rowCount()):
        where = dialog.model.index(r, 3).data()
        assert not __import__("re").search(r"đoạn \d", where), where


def test_margin_advice_has_words_menu_in_vietnamese(tmp_path: Path) -> None:
    from assistant.check.checker import check
    from tests.faulty_docs import left_margin_20, make_report

    path = make_report(tmp_path, "nd30", "lề")
    doc = Document(str(path))
    left_margin_20(doc)
    doc.save(str(path))
    margin = next(f for f in check(path).findings if f.id == "margin.left")
    assert "Bố trí › Lề" in margin.message


# -- profile wizard -------------------------------------------------------------------------
def test_wizard_page_cannot_be_left_with_a_required_field_empty(
    qtbot, data_dir: Path, monkeypatch, tmp_path: Path
) -> None:
    clerk = Answers(monkeypatch, tmp_path / "x.docx")
    wizard = ProfileWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert not page.isComplete() and not wizard.button(QWizard.NextButton).isEnabled()
    assert "Tên cơ quan báo cáo" in page.missing_label.text()
    wizard.edits["name"].setText("Đài Phát thanh và Truyền hình Thái Nguyên")
    wizard.edits["symbol"].setText("PTTH")
    assert "Địa danh ghi ở dòng ngày tháng" in page.missing_label.text()
    assert not page.validatePage() and "Địa danh" in clerk.texts("warn")
    wizard.edits["place"].setText("Thái Nguyên")
    assert page.isComplete() and wizard.button(QWizard.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == 1
    assert not wizard.button(QWizard.FinishButton).isEnabled()
    wizard.edits["signer.title"].setText("GIÁM ĐỐC")
    wizard.edits["signer.name"].setText("Nguyễn Văn An")
    assert wizard.button(QWizard.FinishButton).isEnabled()
