"""The real window, offscreen, driven through a clerk's flow (pytest-qt)."""

import json
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWizard

from assistant.core.agency import load_profile, save_profile
from assistant.core.answers import profile_from_dict
from assistant.core.model import Period
from assistant.gui import messages, period_dialog
from assistant.gui.app import start
from assistant.gui.directive_list import DirectiveModel, FoldFilter
from assistant.gui.history_tab import HistoryModel
from assistant.gui.main_window import MainWindow
from assistant.gui.profile_wizard import ProfileWizard
from assistant.storage.history import History
from tests import factories

SEED = "3270-cv-btgtu-2024"


class Answers:
    """Stands in for the clerk at every message box and file dialog."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, save_to: Path) -> None:
        self.shown: list[tuple[str, str]] = []
        self.save_paths = [str(save_to)]
        self.yes = True
        monkeypatch.setattr(messages, "inform", lambda p, t, x: self.shown.append(("inform", x)))
        monkeypatch.setattr(messages, "warn", lambda p, t, x: self.shown.append(("warn", x)))
        monkeypatch.setattr(
            messages, "ask", lambda p, t, x: self.shown.append(("ask", x)) or self.yes
        )
        monkeypatch.setattr(
            messages, "ask_save_path", lambda p, t, proposed: self._next_path(proposed)
        )
        self.proposed: list[str] = []
        self.periods: list[Period] = []  # answers to «which period?», in turn; none: cancelled
        monkeypatch.setattr(
            period_dialog, "ask_period", lambda p, t: self.periods.pop(0) if self.periods else None
        )

    def _next_path(self, proposed: str) -> str:
        self.proposed.append(proposed)
        return self.save_paths.pop(0) if self.save_paths else ""

    def texts(self, kind: str) -> str:
        return "\n".join(x for k, x in self.shown if k == kind)


@pytest.fixture
def library(data_dir: Path) -> Path:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    return data_dir


@pytest.fixture
def clerk(monkeypatch, tmp_path: Path) -> Answers:
    return Answers(monkeypatch, tmp_path / "out" / "báo cáo.docx")


def open_window(qtbot, data_dir: Path) -> MainWindow:
    window = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(window)
    window.show()
    return window


def with_profile(data_dir: Path) -> Path:
    save_profile(data_dir, profile_from_dict(factories.STATE_PROFILE))
    return data_dir


def test_wizard_saves_the_profile_and_refuses_a_missing_name(
    qtbot, library: Path, clerk: Answers
) -> None:
    wizard = ProfileWizard(library)
    qtbot.addWidget(wizard)
    values = {
        "name": "",
        "parent": "UBND tỉnh Thái Nguyên",
        "symbol": "ptth",
        "place": "Thái Nguyên",
        "signer.authority": "KT. GIÁM ĐỐC",
        "signer.title": "PHÓ GIÁM ĐỐC",
        "signer.name": "Nguyễn Văn An",
        "drafting_unit": "TKBT",
    }
    for key, value in values.items():
        wizard.edits[key].setText(value)
    wizard.accept()
    assert "Tên cơ quan" in clerk.texts("warn") and load_profile(library) is None
    wizard.edits["name"].setText("Đài Phát thanh và Truyền hình Thái Nguyên")
    wizard.accept()
    assert wizard.result() == QWizard.Accepted
    saved = load_profile(library)
    assert saved.name == "Đài Phát thanh và Truyền hình Thái Nguyên" and saved.symbol == "PTTH"


def test_wizard_keeps_the_short_name_and_a_collective_signature(
    qtbot, library: Path, clerk: Answers
) -> None:
    wizard = ProfileWizard(library)
    qtbot.addWidget(wizard)
    profile = {
        **factories.STATE_PROFILE,
        "name": "Ủy ban nhân dân huyện Phú Lương",
        "short_name": "Ủy ban nhân dân huyện",
        "signer": {
            "collective": "TM. ỦY BAN NHÂN DÂN",
            "authority": "KT. CHỦ TỊCH",
            "title": "PHÓ CHỦ TỊCH",
            "name": "Lê Văn Bình",
        },
    }
    fill_wizard(wizard, profile)
    wizard.accept()
    saved = load_profile(library)
    assert saved.self_name == "Ủy ban nhân dân huyện"
    assert (saved.signer.collective, saved.signer.authority) == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
    )
    reopened = ProfileWizard(library, saved)
    qtbot.addWidget(reopened)
    assert reopened.edits["signer.collective"].text() == "TM. ỦY BAN NHÂN DÂN"


def test_directive_search_ignores_diacritics(qtbot, qtmodeltester) -> None:
    from assistant.core.directives import directive_from_dict

    other = dict(
        factories.DIRECTIVE, id="other", subject="Đẩy mạnh tuyên truyền kinh tế", number="12"
    )
    model = DirectiveModel([directive_from_dict(factories.DIRECTIVE), directive_from_dict(other)])
    qtmodeltester.check(model)
    proxy = FoldFilter()
    proxy.setSourceModel(model)
    proxy.set_query("tang cuong")
    assert (
        proxy.rowCount() == 1 and proxy.index(0, 0).data(Qt.UserRole) == factories.DIRECTIVE["id"]
    )
    proxy.set_query("DAY MANH kinh")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(Qt.UserRole) == "other"
    proxy.set_query("")
    assert proxy.rowCount() == 2


def fill_everything(window: MainWindow) -> None:
    editor = window.editor
    video, ratio, conduct, censor = editor.tasks
    for box in (video, ratio, conduct, censor):
        box.included.setChecked(True)
    video.figures.fields["clips_produced"].setText("42")
    video.figures.fields["facebook.clips"].setText("40")
    video.figures.fields["facebook.views"].setText("125.000")
    video.figures.censored_by.setText("Phó Giám đốc phụ trách nội dung")
    ratio.figures.fields["facebook.total"].setText("500")
    ratio.figures.fields["facebook.negative"].setText("40")
    conduct.figures.fields["staff_total"].setText("120")
    conduct.figures.fields["staff_briefed"].setText("118")
    conduct.figures.internal_rule.setText("Quy chế số 12/QC-PTTH")
    conduct.figures.checks["positive_content"].setChecked(True)
    censor.notes.setPlainText("Giám đốc trực tiếp duyệt.")
    editor.sections["implementation"].setPlainText(
        "Ban Giám đốc quán triệt đến toàn thể viên chức."
    )
    editor.sections["difficulties"].setPlainText("Thiếu nhân lực.\nThiết bị cũ.")


def test_whole_flow_generates_a_checked_report(
    qtbot, library: Path, clerk: Answers, tmp_path: Path
) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    assert window.editor is not None
    fill_everything(window)
    window.preview()
    preview = window.preview_dialog.view.toPlainText()
    assert "II. KẾT QUẢ THỰC HIỆN" in preview and "125.000 lượt xem" in preview
    window.generate()
    qtbot.waitUntil(lambda: "Đã lưu báo cáo" in clerk.texts("inform"), timeout=15000)
    assert clerk.proposed[0].endswith(
        "Báo cáo thực hiện CV 3270-CV-BTGTU ngày " + clerk.proposed[0][-15:]
    )
    out = tmp_path / "out" / "báo cáo.docx"
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "BÁO CÁO" in texts and any("125.000 lượt xem" in t for t in texts)
    assert Document(str(out)).tables[0].cell(1, 0).text == "Số: 01/BC-PTTH"  # the register's number
    entry = History.open_in(library).get(window.drafts.draft_id)
    assert entry.status == "generated" and entry.number == 1
    try:
        from assistant.check.checker import check
    except ImportError:
        return
    errors = [f for f in check(out).findings if f.severity == "error"]
    assert errors == []


def test_negative_share_warning_at_the_edge(qtbot, library: Path) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    form = window.editor.tasks[1].figures
    form.fields["zalo.total"].setText("1000")
    form.fields["zalo.negative"].setText("149")
    assert (
        not form.over_limit and "14,9%" in form.share.text() and "Cảnh báo" not in form.share.text()
    )
    form.fields["zalo.negative"].setText("150")
    assert form.over_limit and "15%" in form.share.text() and "Cảnh báo" in form.share.text()
    form.fields["zalo.negative"].setText("149")
    assert "Cảnh báo" not in form.share.text()


def test_invalid_input_is_marked_and_blocks_generation(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    video, ratio, _, _ = window.editor.tasks
    video.included.setChecked(True)
    ratio.included.setChecked(True)
    clips = video.figures.fields["clips_produced"]
    clips.setText("mười hai")
    assert clips.error.isVisibleTo(window) and "Chỉ nhập chữ số" in clips.error.text()
    minus = video.figures.fields["zalo.views"]
    minus.setText("-5")
    assert "số âm" in minus.error.text()
    window.generate()
    assert "Chỉ nhập chữ số" in clerk.texts("warn") and not clerk.proposed
    clips.setText("12")
    minus.setText("")
    ratio.figures.fields["facebook.total"].setText("10")
    ratio.figures.fields["facebook.negative"].setText("12")
    assert "lớn hơn tổng số" in ratio.figures.fields["facebook.negative"].error.text()
    window.generate()
    warned = clerk.texts("warn")
    assert "2. " in warned and "Facebook: số tin, bài tiêu cực (12) lớn hơn tổng số (10)" in warned
    assert not clerk.proposed


def test_draft_survives_closing_and_reopening(qtbot, library: Path) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    fill_everything(window)
    window.editor.sections["proposals"].setPlainText("Đề nghị {{ hỗ trợ }} & <kinh phí>")
    qtbot.waitUntil(
        lambda: window.drafts.draft_id is not None, timeout=3000
    )  # autosaved while typing
    before = window.editor.answers()
    window.close()
    again = open_window(qtbot, library)
    assert again.editor is not None and again.editor.directive.id == factories.DIRECTIVE["id"]
    assert again.editor.answers() == before


def test_locked_target_gets_a_message_and_another_name(
    qtbot, library: Path, clerk: Answers, tmp_path: Path
) -> None:
    locked = tmp_path / "locked.docx"
    locked.mkdir()  # cannot be replaced, as a file open in Word on Windows
    clerk.save_paths = [str(locked), str(tmp_path / "other.docx")]
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    fill_everything(window)
    window.generate()
    qtbot.waitUntil(lambda: "Đã lưu báo cáo" in clerk.texts("inform"), timeout=15000)
    assert "Không ghi được" in clerk.texts("ask") and "tên khác" in clerk.texts("ask")
    assert (tmp_path / "other.docx").is_file()
    assert (
        History.open_in(library).get(window.drafts.draft_id).number == 1
    )  # the failed try took no number


def test_history_tab_lists_reopens_and_marks_submitted(
    qtbot, qtmodeltester, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    fill_everything(window)
    window.generate()
    qtbot.waitUntil(lambda: "Đã lưu báo cáo" in clerk.texts("inform"), timeout=15000)
    tab = window.history_tab
    qtmodeltester.check(tab.model)
    tab.search.setText("nhan luc")  # "nhân lực", typed without marks
    assert tab.model.rowCount() == 1
    tab.table.selectRow(0)
    tab.mark_submitted()
    assert "Đã gửi" in tab.model.index(0, 2).data()
    tab.table.selectRow(0)
    tab.reopen()
    assert window.tabs.currentWidget() is window.compose
    assert window.editor.answers()["number"] is None
    assert window.history.get(window.drafts.draft_id).status == "draft"


def test_history_model_fetches_lazily(qtbot, library: Path) -> None:
    history = History.open_in(library)
    directive = factories.directive()
    for i in range(230):
        history.save_draft(directive, factories.answers(proposals=f"số {i}"))
    model = HistoryModel(history)
    model.set_query("")
    assert model.rowCount() == 100 and model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 230 and not model.canFetchMore(model.index(-1, -1))


def fill_wizard(wizard: ProfileWizard, profile: dict) -> None:
    wizard.kind.setCurrentIndex(wizard.kind.findData(profile["kind"]))
    for key, edit in wizard.edits.items():
        value = profile
        for part in key.split("."):
            value = value.get(part, "")
        edit.setText(value)


def checked_clean(path: Path) -> None:
    """The file re-opens and the format checker finds no error in it."""
    assert Document(str(path)).paragraphs
    from assistant.check.checker import check

    errors = [f"{f.id}: {f.message}" for f in check(path).errors]
    assert errors == []


def test_first_run_to_checked_reports_on_seed_directives(
    qtbot, data_dir: Path, clerk: Answers, tmp_path: Path
) -> None:
    wizard = start(data_dir, open_results=False)
    qtbot.addWidget(wizard)
    assert isinstance(wizard, ProfileWizard)
    fill_wizard(wizard, factories.STATE_PROFILE)
    wizard.next()
    qtbot.mouseClick(wizard.button(QWizard.FinishButton), Qt.LeftButton)
    window = wizard.main_window
    qtbot.addWidget(window)
    assert window.isVisible() and load_profile(data_dir).symbol == "PTTH"

    qtbot.keyClicks(window.search, "han che thong tin tieu cuc")  # typed without marks
    assert window.proxy.rowCount() == 1
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    editor = window.editor
    assert editor.directive.id == "830-stttt-ttbcxb-2024"
    # The Đài is among "the press" (t5): its task first, the others greyed below it.
    assert [(b.task.id, b.mine) for b in editor.tasks][:2] == [("t5", True), ("t1", False)]
    boxes = {b.task.id: b for b in editor.tasks}
    for task_id in ("t1", "t4", "t5"):
        boxes[task_id].included.setChecked(True)
    boxes["t5"].notes.setPlainText("Đăng 120 tin, bài lan tỏa thông tin tích cực.")
    ratio, conduct = boxes["t1"].figures, boxes["t4"].figures
    ratio.fields["facebook.total"].setText("400")
    ratio.fields["facebook.negative"].setText("20")
    ratio.fields["zalo.total"].setText("100")
    ratio.fields["zalo.negative"].setText("10")
    assert "6,0%" in ratio.share.text() and "Cảnh báo" not in ratio.share.text()
    boxes["t4"].status.setCurrentIndex(boxes["t4"].status.findData("partly"))
    boxes["t4"].notes.setPlainText("Cấp xã chưa phổ biến do chưa có tài liệu.")
    conduct.fields["staff_total"].setText("80")
    conduct.fields["staff_briefed"].setText("80")
    conduct.checks["positive_content"].setChecked(True)
    editor.sections["difficulties"].setPlainText("Nhân lực mỏng.")
    editor.period_label.setText("6 tháng đầu năm 2024")

    window.preview()
    assert not clerk.texts("warn"), clerk.texts("warn")
    preview = window.preview_dialog.view.toPlainText()
    assert "BÁO CÁO" in preview and "6 tháng đầu năm 2024" in preview
    assert "Nhân lực mỏng." in preview and "830/STTTT-TTBCXB" in preview
    window.generate()
    qtbot.waitUntil(lambda: "Đã lưu báo cáo" in clerk.texts("inform"), timeout=15000)
    assert "Báo cáo thực hiện CV 830-STTTT-TTBCXB ngày" in clerk.proposed[0]
    checked_clean(tmp_path / "out" / "báo cáo.docx")

    window.select_directive("3270-cv-btgtu-2024")
    video = window.editor.tasks[0]
    assert video.task.kind == "short_video" and video.mine
    video.included.setChecked(True)
    video.figures.fields["clips_produced"].setText("15")
    video.figures.fields["tiktok.clips"].setText("15")
    video.figures.fields["tiktok.views"].setText("48.000")
    for box in window.editor.tasks[1:]:  # the clerk leaves the other two out, on purpose
        box.included.setChecked(True)
        box.status.setCurrentIndex(box.status.findData("not_reported"))
    clerk.save_paths = [str(tmp_path / "out" / "video.docx")]
    window.generate()
    qtbot.waitUntil(lambda: clerk.texts("inform").count("Đã lưu báo cáo") == 2, timeout=15000)
    checked_clean(tmp_path / "out" / "video.docx")
    assert "48.000" in "\n".join(
        p.text for p in Document(str(tmp_path / "out" / "video.docx")).paragraphs
    )


def test_shortcuts_menus_and_remembered_size(qtbot, library: Path) -> None:
    window = open_window(qtbot, with_profile(library))
    shortcuts = {a.shortcut().toString() for a in window.findChildren(QAction)}
    assert {"Ctrl+N", "Ctrl+S", "Ctrl+G", "Ctrl+F"} <= shortcuts
    assert [a.text() for a in window.menuBar().actions()] == ["&Báo cáo", "&Công cụ", "Trợ &giúp"]
    window.resize(720, 540)  # inside the offscreen screen (800×600)
    window.close()
    again = open_window(qtbot, library)
    assert (again.width(), again.height()) == (720, 540)


def test_check_a_document_lists_findings_in_vietnamese(
    qtbot, qtmodeltester, library: Path, monkeypatch, tmp_path: Path
) -> None:
    pytest.importorskip("assistant.check.checker")
    from tests.faulty_docs import left_margin_20, make_report

    path = make_report(tmp_path, "nd30", "lề sai")
    doc = Document(str(path))
    left_margin_20(doc)
    doc.save(str(path))
    monkeypatch.setattr(messages, "ask_open_path", lambda parent, title: str(path))
    window = open_window(qtbot, with_profile(library))
    window.check_document()
    qtbot.waitUntil(lambda: getattr(window, "check_dialog", None) is not None, timeout=10000)
    dialog = window.check_dialog
    qtmodeltester.check(dialog.model)
    rows = [
        [dialog.model.index(r, c).data() for c in range(4)] for r in range(dialog.model.rowCount())
    ]
    assert ["Lỗi", "Lề trang"] in [row[:2] for row in rows]
    assert "lỗi" in dialog.summary.text()


def test_tasks_of_the_agency_come_first_else_all_are_its_own() -> None:
    from assistant.core.concern import split_tasks
    from assistant.core.directives import DirectiveLibrary

    directive = DirectiveLibrary().get("830-stttt-ttbcxb-2024")
    press = profile_from_dict(factories.STATE_PROFILE)  # "Đài Phát thanh và Truyền hình …"
    mine, others = split_tasks(directive, press)
    assert [t.id for t in mine] == ["t5"] and [t.id for t in others] == ["t1", "t2", "t3", "t4"]
    unknown = profile_from_dict(dict(factories.STATE_PROFILE, name="Sở Nội vụ"))
    assert split_tasks(directive, unknown) == (list(directive.tasks), [])
    declared = profile_from_dict(
        dict(factories.STATE_PROFILE, name="Sở Nội vụ", groups=["departments_districts"])
    )
    assert [t.id for t in split_tasks(directive, declared)[0]] == ["t1", "t2", "t3", "t4"]


def test_the_window_marks_what_the_report_still_needs(qtbot, library: Path, clerk: Answers) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    fill_everything(window)
    censor = window.editor.tasks[3]
    censor.status.setCurrentIndex(censor.status.findData("partly"))
    censor.notes.setPlainText("")
    window.editor.tasks[0].included.setChecked(False)
    window.generate()
    warning = clerk.texts("warn")
    assert "Nhiệm vụ 1" in warning and "chưa có câu trả lời" in warning
    assert "lý do chưa hoàn thành" in warning and not clerk.proposed  # no save dialog
    video = window.editor.tasks[0]
    assert video.gap.isVisibleTo(window) and "chưa có câu trả lời" in video.gap.text()
    assert censor.gap.isVisibleTo(window) and not window.editor.tasks[1].gap.isVisibleTo(window)
    video.included.setChecked(True)
    video.figures.fields["clips_produced"].setText("3")
    censor.notes.setPlainText("Mới duyệt được clip thời sự; clip giải trí chưa có người duyệt.")
    window.preview()
    assert not video.gap.isVisibleTo(window) and not censor.gap.isVisibleTo(window)


def test_the_preview_tells_the_programs_wording_from_the_clerks(
    qtbot, library: Path, clerk: Answers
) -> None:
    window = open_window(qtbot, with_profile(library))
    window.select_directive(factories.DIRECTIVE["id"])
    fill_everything(window)
    window.preview()
    dialog = window.preview_dialog
    html = dialog.view.toHtml()
    typed = "Giám đốc trực tiếp duyệt."
    wording = "đã sản xuất 42 video clip ngắn"
    paragraph = {p: next(b for b in html.split("<p") if p in b) for p in (typed, wording)}
    assert "#1a4f8b" in paragraph[wording] and "#1a4f8b" not in paragraph[typed]
    assert "Chữ xanh" in dialog.legend.text()
    link = next(url for url, source in dialog.sources.items() if "video clip" in source)
    dialog.show_source(QUrl(link))  # as when the mouse is over the sentence
    assert dialog.source.text().startswith("Câu này viết từ: nhiệm vụ «")
    assert dialog.height() <= dialog.screen().availableGeometry().height()


def test_the_application_collects_garbage_on_the_ui_thread_only(qtbot) -> None:
    from assistant.gui.app import GarbageCollector, application

    app = application()
    collector = app.findChild(GarbageCollector)
    assert collector is not None and collector.timer.isActive()
    assert application().findChildren(GarbageCollector) == [collector]  # installed once


def test_the_start_window_shows_first_then_the_main_window_takes_its_place(
    qtbot, library: Path
) -> None:
    from assistant.gui.app import StartWindow

    first = start(with_profile(library), open_results=False)
    qtbot.addWidget(first)
    assert isinstance(first, StartWindow) and first.isVisible()
    assert "Đang mở" in first.centralWidget().text()
    with qtbot.waitSignal(first.ready, timeout=20000) as shown:
        pass
    window = shown.args[0]
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow) and window.isVisible() and not first.isVisible()
    assert window.size() == first.size()  # in the same place, the same size


def test_a_damaged_history_is_told_from_the_start_window(qtbot, library: Path, clerk) -> None:
    from assistant.gui.app import StartWindow

    (with_profile(library) / "history.sqlite3").write_bytes(b"not a database" * 100)
    first = start(library, open_results=False)
    qtbot.addWidget(first)
    assert isinstance(first, StartWindow)
    qtbot.waitUntil(lambda: clerk.texts("warn") != "", timeout=20000)  # the load it scheduled
    assert first.main_window is None and first.refused and not first.isVisible()


def test_a_damaged_profile_is_entered_again_and_the_old_file_kept(
    qtbot, library: Path, clerk: Answers
) -> None:
    from assistant.gui.app import StartWindow

    damaged = b'{"name": "\xc4\x90\xc3\xa0i Ph\xc3\xa1t thanh", "kind": "sta'  # cut short
    (library / "profile.json").write_bytes(damaged)
    first = start(library, open_results=False)
    qtbot.addWidget(first)
    assert isinstance(first, StartWindow)
    qtbot.waitUntil(lambda: getattr(first, "wizard", None) is not None, timeout=20000)
    assert "profile.json" in clerk.texts("ask") and "Nhập lại" in clerk.texts("ask")
    wizard = first.wizard
    qtbot.addWidget(wizard)
    assert wizard.isVisible() and not first.isVisible()
    fill_wizard(wizard, factories.STATE_PROFILE)
    with qtbot.waitSignal(first.ready, timeout=20000) as shown:
        wizard.accept()
    qtbot.addWidget(shown.args[0])
    assert isinstance(shown.args[0], MainWindow) and load_profile(library).symbol == "PTTH"
    kept = list(library.glob("profile-damaged-*.json"))
    assert [p.read_bytes() for p in kept] == [damaged]


def test_a_damaged_profile_not_entered_again_ends_the_start(
    qtbot, library: Path, clerk: Answers
) -> None:
    (library / "profile.json").write_text("{", encoding="utf-8")
    clerk.yes = False
    first = start(library, open_results=False)
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.refused, timeout=20000)
    assert first.main_window is None and not first.isVisible()
    assert (library / "profile.json").read_text(encoding="utf-8") == "{"  # left as it was
