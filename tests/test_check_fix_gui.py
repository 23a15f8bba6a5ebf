"""The "Sửa thể thức" button of the check dialog, on a real faulty report."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assistant.check.checker import check
from assistant.gui import messages
from assistant.gui.check_dialog import CheckDialog
from tests.conftest import SHARED
from tests.faulty_docs import body_arial, left_margin_20, make_report, spoil


def test_the_fix_button_saves_a_fixed_copy_and_lists_the_changes(qtbot, tmp_path, monkeypatch):
    report = make_report(tmp_path, "nd30")
    source = spoil(
        spoil(report, tmp_path / "a.docx", body_arial), tmp_path / "b.docx", left_margin_20
    )
    before = source.read_bytes()
    target = tmp_path / "đã sửa.docx"
    asked = []

    def save_path(parent, title, proposed):  # the clerk picks a name in the save dialog
        asked.append(proposed)
        return str(target)

    monkeypatch.setattr(messages, "ask_save_path", save_path)
    dialog = CheckDialog(str(source), check(source))
    qtbot.addWidget(dialog)
    assert dialog.result.errors
    qtbot.mouseClick(dialog.fix_button, Qt.LeftButton)
    assert asked and asked[0].endswith("(đã sửa thể thức).docx")
    assert source.read_bytes() == before
    assert target.exists() and check(target).errors == []
    assert dialog.result.errors == [] and dialog.path == str(target)
    text = dialog.changes.text()
    assert "lề trái 30 mm" in text and "Times New Roman" in text
    assert not dialog.changes.isHidden()


def test_the_fix_button_refuses_a_form(qtbot, tmp_path, monkeypatch):
    form = SHARED / "realdocs" / "mha_04_Don_dang_ky_thuong_tru.docx"
    warned = []
    monkeypatch.setattr(messages, "ask_save_path", lambda *a: str(tmp_path / "x.docx"))
    monkeypatch.setattr(messages, "warn", lambda parent, title, text: warned.append(text))
    dialog = CheckDialog(str(form), check(form))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.fix_button, Qt.LeftButton)
    assert warned and "không sửa" in warned[0]
    assert not (tmp_path / "x.docx").exists()
