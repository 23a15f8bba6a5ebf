"""The directive editor: every field of a directive corrected by the clerk, and how it is saved."""

import json
from pathlib import Path

import pytest

from assistant.core.agency import load_profile, save_profile
from assistant.core.answers import profile_from_dict
from assistant.core.directives import BUNDLED_DIR, DirectiveLibrary, directive_to_dict
from assistant.core.vntext import fold
from assistant.gui import messages
from assistant.gui.directive_editor import DirectiveEditorDialog
from assistant.gui.directive_form import TAB_OF
from assistant.gui.main_window import MainWindow
from assistant.gui.profile_wizard import ProfileWizard
from tests import factories
from tests.conftest import SHARED
from tests.importer_corpus import strip_diacritics
from tests.layouts_corpus import SPECS as LAYOUTS
from tests.layouts_corpus import render_text

PLAN = """TỈNH ỦY THÁI NGUYÊN
BAN TUYÊN GIÁO
ĐẢNG CỘNG SẢN VIỆT NAM
*
Thái Nguyên, ngày 15 tháng 5 năm 2024
Số 45-KH/BTGTU
KẾ HOẠCH
Tuyên truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ trên mạng xã hội
I. MỤC ĐÍCH, YÊU CẦU
Lan tỏa thông tin tích cực về Chiến thắng Điện Biên Phủ trên không gian mạng.
II. NỘI DUNG
Tuyên truyền ý nghĩa lịch sử của Chiến thắng Điện Biên Phủ.
III. TỔ CHỨC THỰC HIỆN
1. Các cơ quan báo chí của tỉnh
- Sản xuất video clip ngắn về Chiến thắng Điện Biên Phủ. Mở chuyên mục trên trang thông tin điện tử.
- Bảo đảm thông tin tiêu cực dưới 15% tổng số tin, bài.
2. Ban Tuyên giáo các huyện ủy, thành ủy
- Chỉ đạo cơ sở phổ biến Bộ Quy tắc ứng xử trên mạng xã hội.
Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ban Tuyên giáo Tỉnh ủy trước ngày 30/6/2024.
Nơi nhận:
- Báo Thái Nguyên,
- Đài PT-TH Thái Nguyên,
- Lưu Ban Tuyên giáo Tỉnh ủy.
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
Nguyễn Quốc Thái
"""
SEED_1483 = SHARED / "seeds" / "000_5efa762f21265724.txt"  # the text of bundled 1483-CV/BTGTU


class Clerk:
    """Answers every message box as a clerk would; ``yes`` is the answer to questions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        self.yes = True
        monkeypatch.setattr(messages, "inform", lambda p, t, x: self.shown.append(("inform", x)))
        monkeypatch.setattr(messages, "warn", lambda p, t, x: self.shown.append(("warn", x)))
        monkeypatch.setattr(
            messages, "ask", lambda p, t, x: self.shown.append(("ask", x)) or self.yes
        )

    def texts(self, kind: str) -> str:
        return "\n".join(x for k, x in self.shown if k == kind)


@pytest.fixture
def clerk(monkeypatch) -> Clerk:
    return Clerk(monkeypatch)


@pytest.fixture
def window(qtbot, data_dir: Path) -> MainWindow:
    save_profile(data_dir, profile_from_dict(factories.STATE_PROFILE))
    window = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(window)
    window.show()
    return window


def imported(qtbot, window: MainWindow, path: Path):
    window.import_directive()
    dialog = window.import_dialog
    dialog.load(str(path))
    qtbot.waitUntil(lambda: dialog.parsed is not None, timeout=15000)
    return dialog


def saved_files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / "directives").glob("*.json"))


def test_a_plan_corrected_in_the_editor_is_saved_and_listed(
    qtbot, window: MainWindow, data_dir: Path, tmp_path: Path, clerk: Clerk
) -> None:
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    dialog = imported(qtbot, window, plan)
    editor = dialog.editor
    panel = editor.task_panel
    assert editor.edits["code"].text() == "KH/BTGTU" and editor.group_panel.table.rowCount() == 2
    assert "Nơi nhận" in dialog.source.toPlainText()

    editor.edits["issuer"].setText("Ban Tuyên giáo Tỉnh ủy Thái Nguyên")
    editor.tabs.setCurrentIndex(1)  # the press group: its own id, its members named
    groups = editor.group_panel.table
    groups.item(0, 0).setText("press")
    groups.item(0, 2).setText("Báo Thái Nguyên; Đài Phát thanh – Truyền hình Thái Nguyên")
    editor.tabs.setCurrentIndex(2)
    panel.select_task(0)
    text = panel.task_text.toPlainText()
    cursor = panel.task_text.textCursor()
    cursor.setPosition(text.index("Mở chuyên mục"))
    panel.task_text.setTextCursor(cursor)
    panel.split_task()
    assert [t.text for t in panel.tasks[:2]] == [
        "Sản xuất video clip ngắn về Chiến thắng Điện Biên Phủ.",
        "Mở chuyên mục trên trang thông tin điện tử.",
    ]
    assert panel.current == 1 and panel.group_checks["press"].isChecked()
    panel.select_task(2)  # the 15% task goes to the districts instead
    districts = next(g for g in panel.group_checks if g != "press")
    panel.group_checks["press"].setChecked(False)
    panel.group_checks[districts].setChecked(True)
    editor.edits["report_deadline"].setText("15/07/2024")
    editor.report.add_period()
    dialog.save()

    assert not clerk.texts("warn"), clerk.texts("warn")
    data = json.loads((data_dir / "directives" / "45-kh-btgtu-2024.json").read_text("utf-8"))
    assert data["issuer"] == "Ban Tuyên giáo Tỉnh ủy Thái Nguyên"
    assert data["report_deadline"] == "2024-07-15"
    assert data["report_periods"] == [{"periodicity": "quarterly", "day": 20, "month_offset": 0}]
    assert data["groups"][0]["id"] == "press"
    tasks = [(t["text"][:20], t["groups"]) for t in data["tasks"]]
    assert tasks == [
        ("Sản xuất video clip ", ["press"]),
        ("Mở chuyên mục trên t", ["press"]),
        ("Bảo đảm thông tin ti", [districts]),
        ("Chỉ đạo cơ sở phổ bi", [districts]),
    ]
    assert len({t["id"] for t in data["tasks"]}) == 4

    # The window lists it, the Đài's tasks first, the districts' greyed below, each saying why.
    assert "Đã lưu" in window.status_label.text()
    report = window.editor
    assert report.directive.id == "45-kh-btgtu-2024"
    assert [(b.task.text[:10], b.mine) for b in report.tasks] == [
        ("Sản xuất v", True),
        ("Mở chuyên ", True),
        ("Bảo đảm th", False),
        ("Chỉ đạo cơ", False),
    ]
    assert "Đài Phát thanh – Truyền hình Thái Nguyên" in report.tasks[0].why.text()
    assert "không phải nhóm của cơ quan bạn" in report.tasks[2].why.text()


@pytest.mark.skipif(not SEED_1483.is_file(), reason="needs ../shared/seeds")
def test_reimporting_a_bundled_directive_offers_the_existing_one(
    qtbot, window: MainWindow, data_dir: Path, clerk: Clerk
) -> None:
    bundled = BUNDLED_DIR / "1483-cv-btgtu-2024.json"
    before = bundled.read_bytes()
    dialog = imported(qtbot, window, SEED_1483)
    review = dialog.parsed.review
    assert review  # a stripped text: restored words to check are marked in the source
    fragments = _marked_fragments(dialog.source.document())
    assert fragments and set(fragments) <= set(review)

    dialog.save()
    assert "đã có trong thư viện" in clerk.texts("ask") and "1483-cv-btgtu-2024" in clerk.texts(
        "ask"
    )
    assert not (data_dir / "directives").exists() or saved_files(data_dir) == []
    assert bundled.read_bytes() == before
    assert window.editor.directive.id == "1483-cv-btgtu-2024"

    clerk.yes = False  # this time: keep a separate copy
    dialog = imported(qtbot, window, SEED_1483)
    dialog.save()
    assert saved_files(data_dir) == ["1483-cv-btgtu-2024-2.json"]
    assert bundled.read_bytes() == before


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def _marked_fragments(document) -> list[str]:
    """The text of every fragment of the document with the review background."""
    found = []
    for block in _blocks(document):
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color().name() == "#ffe082":
                found.append(fragment.text())
            it += 1
    return found


def test_editing_a_bundled_directive_saves_a_copy(
    qtbot, window: MainWindow, data_dir: Path, clerk: Clerk
) -> None:
    seed = "3270-cv-btgtu-2024"
    before = (BUNDLED_DIR / f"{seed}.json").read_bytes()
    window.select_directive(seed)
    window.edit_directive()
    editor = window.directive_dialog.editor
    assert "giữ nguyên" in editor.status.text()
    editor.edits["subject"].setText("Tăng cường thông tin trên mạng xã hội (bản đã sửa)")
    assert editor.save()
    copy = f"{seed}-2"
    assert saved_files(data_dir) == [f"{copy}.json"]
    assert "Đã lưu" in clerk.texts("inform") and "giữ nguyên" in clerk.texts("inform")
    assert (BUNDLED_DIR / f"{seed}.json").read_bytes() == before
    assert window.editor.directive.id == copy
    assert window.editor.directive.subject.endswith("(bản đã sửa)")
    # The copy is the clerk's own now: a second save updates it in place.
    editor.edits["place"].setText("TP Thái Nguyên")
    assert editor.save() and saved_files(data_dir) == [f"{copy}.json"]
    assert DirectiveLibrary(data_dir / "directives").get(copy).place == "TP Thái Nguyên"
    assert "Đã lưu" in editor.status.text()


def test_a_bad_field_is_explained_in_vietnamese_and_saves_nothing(
    qtbot, data_dir: Path, clerk: Clerk
) -> None:
    library = DirectiveLibrary(user_dir=data_dir / "directives")
    dialog = DirectiveEditorDialog(library, factories.directive())
    qtbot.addWidget(dialog)
    editor = dialog.editor
    panel = editor.task_panel
    before = factories.directive()
    (data_dir / "directives").mkdir()
    mine = data_dir / "directives" / f"{before.id}.json"  # the clerk's own directive
    mine.write_text(json.dumps(directive_to_dict(before), ensure_ascii=False), encoding="utf-8")
    original = mine.read_bytes()
    editor.edits["issuer"].setText("  ")
    assert not editor.save()
    warned = clerk.texts("warn")
    assert "«Cơ quan ban hành» đang để trống" in warned and "Traceback" not in warned
    assert editor.error.text() == warned and editor.tabs.currentIndex() == 0
    editor.edits["issuer"].setText("Ban Tuyên giáo Tỉnh ủy")
    panel.select_task(1)
    panel.task_text.setPlainText("")
    editor.edits["report_deadline"].setText("31/06/2024")
    assert not editor.save() and "dd/mm/yyyy" in clerk.shown[-1][1]
    editor.edits["report_deadline"].setText("")
    assert not editor.save() and "«Nhiệm vụ 2, nội dung» đang để trống" in clerk.shown[-1][1]
    assert editor.tabs.currentIndex() == 2 and panel.current == 1
    assert mine.read_bytes() == original


def test_tasks_merge_move_and_delete(qtbot, data_dir: Path, clerk: Clerk) -> None:
    library = DirectiveLibrary(user_dir=data_dir / "directives")
    dialog = DirectiveEditorDialog(library, factories.directive())
    qtbot.addWidget(dialog)
    editor = dialog.editor
    panel = editor.task_panel
    panel.select_task(0)
    panel.merge_task()
    assert [t.id for t in panel.tasks] == ["t1", "t3", "t4"]
    assert panel.tasks[0].text == "Xây dựng video clip ngắn.\nTiêu cực dưới 15%."
    assert [t.label for t in panel.tasks] == ["1", "2", "3"]  # numbering follows
    panel.move_task(1)
    assert [t.id for t in panel.tasks] == ["t3", "t1", "t4"] and panel.current == 1
    panel.delete_task()
    panel.add_task()
    panel.task_text.setPlainText("Báo cáo kết quả.")
    assert [t.id for t in editor.directive().tasks] == ["t3", "t4", "t5"]


def test_wizard_keeps_aliases_and_groups(qtbot, data_dir: Path, clerk: Clerk) -> None:
    wizard = ProfileWizard(data_dir, profile_from_dict(factories.STATE_PROFILE))
    qtbot.addWidget(wizard)
    wizard.lists["aliases"].setPlainText("Đài PT-TH tỉnh\n\n  Đài tỉnh ")
    wizard.lists["groups"].setPlainText("press\nall")
    wizard.accept()
    saved = load_profile(data_dir)
    assert saved.aliases == ("Đài PT-TH tỉnh", "Đài tỉnh") and saved.groups == ("press", "all")
    again = ProfileWizard(data_dir, saved)
    qtbot.addWidget(again)
    assert again.lists["groups"].toPlainText() == "press\nall"


def test_implements_distribution_and_full_text_are_edited_and_saved(
    qtbot, data_dir: Path, clerk: Clerk
) -> None:
    library = DirectiveLibrary(user_dir=data_dir / "directives")
    before = factories.directive()
    (data_dir / "directives").mkdir()
    mine = data_dir / "directives" / f"{before.id}.json"  # the clerk's own: updated in place
    mine.write_text(json.dumps(directive_to_dict(before), ensure_ascii=False), encoding="utf-8")
    dialog = DirectiveEditorDialog(library, library.get(before.id))
    qtbot.addWidget(dialog)
    editor = dialog.editor
    document = editor.document
    document.add_reference()
    row = document.implements.rowCount() - 1
    for column, text in enumerate(
        ("Kế hoạch", "12/KH-UBND", "05/01/2026", "Ủy ban nhân dân huyện", "Thông tin cơ sở")
    ):
        document.implements.item(row, column).setText(text)
    document.distribution.setPlainText("Như trên;\n\nThường trực Tỉnh ủy (b/c);\nLưu VT.")
    document.text.setPlainText(before.text + "\n\nĐoạn bổ sung của văn thư.")
    assert editor.save()
    saved = DirectiveLibrary(user_dir=data_dir / "directives").get(before.id)
    ref = saved.implements[-1]
    assert (ref.kind, ref.symbol, ref.date.isoformat(), ref.issuer) == (
        "Kế hoạch", "12/KH-UBND", "2026-01-05", "Ủy ban nhân dân huyện"
    )  # fmt: skip
    assert saved.distribution == ("Như trên;", "Thường trực Tỉnh ủy (b/c);", "Lưu VT.")
    assert saved.text.endswith("Đoạn bổ sung của văn thư.")

    document.implements.item(row, 2).setText("31/02/2026")  # no such day: refused, tab shown
    assert not editor.save()
    assert "«Căn cứ / thực hiện văn bản» phải viết dạng dd/mm/yyyy" in clerk.texts("warn")
    assert editor.tabs.currentIndex() == 4 and document.implements.currentRow() == row
    document.text.setPlainText("   ")
    document.implements.item(row, 2).setText("")
    assert not editor.save() and "«Toàn văn» đang để trống" in clerk.shown[-1][1]
    assert DirectiveLibrary(user_dir=data_dir / "directives").get(before.id) == saved


def test_review_flags_and_highlighted_words_lead_to_each_other(
    qtbot, window: MainWindow, tmp_path: Path, clerk: Clerk
) -> None:
    path = tmp_path / "cv-bo-khong-dau.txt"
    path.write_text(strip_diacritics(render_text(LAYOUTS[2])), encoding="utf-8")
    dialog = imported(qtbot, window, path)
    review, editor = dialog.review, dialog.editor
    # The signer's name is kept as read and flagged; its flag finds it in the restored source.
    assert editor.edits["signer.name"].text() == "Nguyen Van Hung"
    review.flags["signer.name"].trigger()
    assert fold(dialog.source.textCursor().selectedText()) == "nguyen van hung"
    assert "subject" not in review.flags  # read with confidence, no word to check in it

    # A click in a highlighted word of the source opens the field holding it.
    words = _marked_fragments(dialog.source.document())
    word = next(w for w in words if any(w in e.text().split() for e in editor.edits.values()))
    name = next(n for n, e in editor.edits.items() if word in e.text().split())
    cursor = dialog.source.document().find(word)
    cursor.setPosition(cursor.selectionStart() + 1)  # a click inside the word: no selection
    editor.tabs.setCurrentIndex(2)
    dialog.source.setTextCursor(cursor)
    assert editor.tabs.currentIndex() == TAB_OF.get(name, 0)
    assert editor.edits[name].selectedText() == word and name in review.flags
