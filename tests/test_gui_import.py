"""The import dialog: read a directive file off the UI thread, correct a field, save it."""

from pathlib import Path

import pytest
from docx import Document

from assistant.core.agency import save_profile
from assistant.core.answers import profile_from_dict
from assistant.core.directives import DirectiveLibrary
from assistant.gui import messages
from assistant.gui.import_dialog import ImportDialog
from assistant.gui.main_window import MainWindow
from tests import factories

TEXT = """TỈNH ỦY THÁI NGUYÊN
BAN TUYÊN GIÁO
ĐẢNG CỘNG SẢN VIỆT NAM
*
Thái Nguyên, ngày 02 tháng 4 năm 2024
Số 3999-CV/BTGTU
Về việc tăng cường thông tin trên mạng xã hội
Kính gửi: - Báo Thái Nguyên,
- Đài PT-TH Thái Nguyên.
Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan thực hiện một số nội dung sau:
1. Đẩy mạnh sản xuất video clip ngắn theo phương châm “nhanh - ngắn - rộng”.
2. Bảo đảm thông tin tiêu cực dưới 15% tổng số tin, bài.
Đề nghị các đồng chí quan tâm thực hiện./.
Nơi nhận:
- Như trên,
- Lưu Ban Tuyên giáo Tỉnh ủy.
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Quốc Thái
"""


@pytest.fixture
def warned(monkeypatch) -> list[str]:
    """What the dialog would have shown the clerk in a warning box."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, x: shown.append(x))
    return shown


@pytest.fixture
def directive_docx(tmp_path: Path) -> Path:
    doc = Document()
    for line in TEXT.splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "cong-van-moi.docx"
    doc.save(str(path))
    return path


def test_import_correct_a_field_and_save(
    qtbot, data_dir: Path, directive_docx: Path, warned: list[str]
) -> None:
    library = DirectiveLibrary(user_dir=data_dir / "directives")
    dialog = ImportDialog(library)
    qtbot.addWidget(dialog)
    dialog.load(str(directive_docx))
    qtbot.waitUntil(lambda: dialog.parsed is not None, timeout=15000)
    assert dialog.edits["number"].text() == "3999"
    assert dialog.edits["code"].text() == "CV/BTGTU"
    assert dialog.edits["date"].text() == "02/04/2024"
    assert "Tăng cường thông tin" in dialog.edits["subject"].text()
    assert "Báo Thái Nguyên" in dialog.source.toPlainText()
    dialog.edits["subject"].setText(
        "Tăng cường thông tin, tuyên truyền trên mạng xã hội"
    )  # the clerk's fix
    dialog.edits["date"].setText("31/02/2024")
    dialog.save()
    assert (
        warned and "dd/mm/yyyy" in warned[-1] and not list((data_dir / "directives").glob("*.json"))
    )
    dialog.edits["date"].setText("02/04/2024")
    dialog.save()
    saved = library.get("3999-cv-btgtu-2024")
    assert saved.subject == "Tăng cường thông tin, tuyên truyền trên mạng xã hội"
    assert len(saved.tasks) == 2


def test_a_bad_file_is_explained_and_adds_nothing(
    qtbot, data_dir: Path, tmp_path: Path, warned: list[str]
) -> None:
    library = DirectiveLibrary(user_dir=data_dir / "directives")
    dialog = ImportDialog(library)
    qtbot.addWidget(dialog)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    dialog.load(str(broken))
    qtbot.waitUntil(lambda: bool(warned), timeout=15000)
    assert "Traceback" not in warned[0] and not list((data_dir / "directives").glob("*.json"))


def test_imported_directive_appears_in_the_window(
    qtbot, data_dir: Path, directive_docx: Path
) -> None:
    save_profile(data_dir, profile_from_dict(factories.STATE_PROFILE))
    window = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(window)
    window.import_directive()
    dialog = window.import_dialog
    dialog.load(str(directive_docx))
    qtbot.waitUntil(lambda: dialog.parsed is not None, timeout=15000)
    dialog.save()
    assert window.editor is not None and window.editor.directive.id == "3999-cv-btgtu-2024"
