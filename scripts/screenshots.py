"""Screenshots of each main screen for the README, made with the seed directives.

    .venv/bin/python scripts/screenshots.py [output folder]   (default: docs/screenshots)

Runs offscreen in a throw-away data folder; nothing is opened and no dialog waits for a click.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from assistant.core.agency import save_profile  # noqa: E402
from assistant.core.answers import profile_from_dict  # noqa: E402
from assistant.gui import messages  # noqa: E402
from assistant.gui.app import application  # noqa: E402
from assistant.gui.main_window import MainWindow  # noqa: E402
from assistant.gui.profile_wizard import ProfileWizard  # noqa: E402
from assistant.paths import RESOURCES  # noqa: E402

# The profile of the shipped example answers: the screenshots show what a new user can reproduce.
PROFILE = json.loads(
    (RESOURCES / "answers" / "3270-cv-btgtu-2024.json").read_text(encoding="utf-8")
)["profile"]
SIZE = (1366, 768)  # an office laptop


def settle(ms: int = 150) -> None:
    """Let layouts and queued signals finish before a grab."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def wizard_shot(data: Path, out: Path) -> None:
    wizard = ProfileWizard(data)
    wizard.resize(760, 560)
    wizard.show()
    wizard.edits["name"].setText(PROFILE["name"])
    wizard.edits["parent"].setText(PROFILE["parent"])
    save(wizard, out, "1-thong-tin-co-quan")
    wizard.close()


def fill_830(window: MainWindow) -> None:
    window.search.setText("han che tieu cuc")
    window.list.setCurrentIndex(window.proxy.index(0, 0))
    boxes = {b.task.id: b for b in window.editor.tasks}
    for task_id in ("t5", "t1", "t4"):
        boxes[task_id].included.setChecked(True)
    boxes["t5"].notes.setPlainText("Đăng 120 tin, bài lan tỏa thông tin tích cực trên Fanpage.")
    ratio = boxes["t1"].figures
    for field, value in {
        "facebook.total": "400",
        "facebook.negative": "70",
        "zalo.total": "100",
        "zalo.negative": "8",
        "youtube.total": "-3",
    }.items():
        ratio.fields[field].setText(value)
    conduct = boxes["t4"].figures
    conduct.fields["staff_total"].setText("80")
    conduct.fields["staff_briefed"].setText("78")
    conduct.checks["positive_content"].setChecked(True)
    window.editor.sections["difficulties"].setPlainText("Nhân lực làm nội dung số còn mỏng.")


def spoiled_copy(report: Path) -> str:
    """A copy with faults a clerk often makes in Word, so the checker has something to list."""
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document(str(report))
    doc.sections[0].left_margin = Mm(20)
    for paragraph in doc.paragraphs[-6:]:
        for run in paragraph.runs:
            run.font.name, run.font.size = "Arial", Pt(12)
    copy = report.with_name("Báo cáo sửa tay trong Word.docx")
    doc.save(str(copy))
    return str(copy)


def stripped_copy(data: Path) -> Path:
    """Bundled 1483's text without its diacritics, as a bad copy arrives: restored on import."""
    d = json.loads((RESOURCES / "directives" / "1483-cv-btgtu-2024.json").read_text("utf-8"))
    year, month, day = d["date"].split("-")
    text = "\n".join(
        (
            d["issuer_parent"].upper(),
            d["issuer"].upper(),
            "ĐẢNG CỘNG SẢN VIỆT NAM",
            f"{d['place']}, ngày {day} tháng {month} năm {year}",
            f"Số {d['number']}-{d['code']}",
            d["subject"],
            "Kính gửi: " + ",\n- ".join(d["recipients"]) + ".",
            d["text"],
            "Nơi nhận:\n- " + ",\n- ".join(d["distribution"]),
            d["signer"]["authority"],
            d["signer"]["title"],
            d["signer"]["name"],
        )
    )
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    path = data / "cong-van-khong-dau.txt"
    path.write_text("".join(c for c in plain if not unicodedata.combining(c)), encoding="utf-8")
    return path


def editor_shot(window: MainWindow, data: Path, out: Path) -> None:
    """The import dialog: restored source with the words to check marked, the editor on the tasks."""
    window.import_directive()
    dialog = window.import_dialog
    dialog.resize(1366, 768)
    dialog.load(str(stripped_copy(data)))
    while dialog.parsed is None:
        settle(50)
    dialog.editor.tabs.setCurrentIndex(2)
    dialog.editor.task_panel.select_task(0)
    save(dialog, out, "8-sua-cong-van")
    dialog.close()


def quarterly_history(data: Path) -> None:
    """A year of quarterly reports (clips and views from the 3270 directive, the negative share and
    QĐ 874 from the 830 one), as a clerk's history holds them: what the «Số liệu» tab draws, each
    figure varied a little from quarter to quarter; and a directive of the library that asks for a
    quarterly report, so that «Việc cần báo cáo» has rows."""
    from assistant.core.answers import answers_to_report
    from assistant.core.directives import DirectiveLibrary, directive_from_dict, directive_to_dict
    from assistant.storage.history import History

    library = DirectiveLibrary(user_dir=data / "directives")
    history = History.open_in(data)
    ends = ("03-31", "06-30", "09-30", "12-31")
    for seed_id, change in (("3270-cv-btgtu-2024", _clips), ("830-stttt-ttbcxb-2024", _ratio)):
        seed = json.loads((RESOURCES / "answers" / f"{seed_id}.json").read_text("utf-8"))
        for quarter in range(4):
            answers = json.loads(json.dumps(seed))
            answers.update(number=None, date=f"2025-{ends[quarter]}")
            answers["period"] = {
                "start": f"2025-{quarter * 3 + 1:02d}-01",
                "end": f"2025-{ends[quarter]}",
                "label": "",
            }
            change(answers["tasks"], quarter)
            report = answers_to_report(answers, library.get(seed_id))
            history.generate(report, data / f"{seed_id}-quy-{quarter + 1}-2025.docx")
    history.close()
    quarterly = directive_to_dict(library.get("830-stttt-ttbcxb-2024"))
    quarterly["report_periods"] = [{"periodicity": "quarterly", "day": 15, "month_offset": 1}]
    library.add(directive_from_dict(quarterly), as_copy=True)


def _clips(tasks: dict, quarter: int) -> None:
    for platform in tasks["t1"]["figures"]["platforms"]:
        platform["clips"] += 6 * quarter
        platform["views"] = platform["views"] * (4 + quarter) // 4


def _ratio(tasks: dict, quarter: int) -> None:
    tasks["t1"]["figures"]["platforms"][1]["negative"] = (61, 48, 30, 25)[quarter]
    tasks["t4"]["figures"]["staff_briefed"] = (180, 205, 221, 228)[quarter]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    data = Path(tempfile.mkdtemp(prefix="bcn-shots-"))
    saved: list[str] = []
    messages.inform = messages.warn = lambda *args: None
    messages.ask = lambda *args: True
    messages.ask_save_path = lambda parent, title, proposed: str(data / Path(proposed).name)
    messages.ask_open_path = lambda parent, title: saved[0]

    wizard_shot(data, out)
    save_profile(data, profile_from_dict(PROFILE))
    window = MainWindow(data, open_results=False)
    window.resize(*SIZE)
    window.show()
    window.tabs.setCurrentWidget(window.compose)
    fill_830(window)
    save(window, out, "2-cong-van-va-nhiem-vu")

    ratio_box = next(b for b in window.editor.tasks if b.task.id == "t1")
    window.editor.ensureWidgetVisible(ratio_box.figures.share)
    save(window, out, "3-so-lieu-canh-bao-15")
    ratio_box.figures.fields["youtube.total"].setText("")
    ratio_box.figures.fields["facebook.negative"].setText("20")

    window.preview()
    window.preview_dialog.resize(820, 700)  # as on a 1366×768 screen
    save(window.preview_dialog, out, "4-xem-truoc")
    window.preview_dialog.close()

    window.flow = None
    window.generate()
    while window.flow is None or window.flow.work is None or window.flow.work.running:
        settle(50)
    saved.append(spoiled_copy(next(data.glob("*.docx"))))
    window.tabs.setCurrentWidget(window.history_tab)
    window.history_tab.table.selectRow(0)
    save(window, out, "5-lich-su")

    window.check_document()
    while getattr(window, "check_dialog", None) is None:
        settle(50)
    save(window.check_dialog, out, "6-kiem-tra-the-thuc")

    editor_shot(window, data, out)
    window.close()
    QCoreApplication.processEvents()
    second_window_shots(out)
    del app


def second_window_shots(out: Path) -> None:
    """What is due and the «Số liệu» tab, in a window opened on a year of quarterly reports."""
    data = Path(tempfile.mkdtemp(prefix="bcn-shots-"))
    save_profile(data, profile_from_dict(PROFILE))
    quarterly_history(data)
    window = MainWindow(data, open_results=False)
    window.resize(*SIZE)
    window.show()
    settle()
    save(window, out, "0-viec-can-bao-cao")  # the window opens on what is due
    window.tabs.setCurrentWidget(window.figures_tab)
    settle(400)
    save(window, out, "7-so-lieu")
    window.close()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots")
