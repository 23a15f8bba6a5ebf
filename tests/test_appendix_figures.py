"""The «Phụ lục số liệu» table and the comparison with the previous period's report: real
documents reopened, checked by ``python -m assistant check``, rendered by LibreOffice; the
history finding the previous period's report; the CLI's --previous-answers; the editor's options."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from assistant.core.answers import answers_to_report, for_new_period, report_to_answers
from assistant.core.errors import UserError
from assistant.core.figure_table import previous_dates
from assistant.core.layout import build_layout
from assistant.core.model import Period
from assistant.generate import generate
from tests import factories
from tests.docx_inspect import size, style_of

Q1 = {"start": "2024-01-01", "end": "2024-03-31", "label": "quý I năm 2024"}
Q2 = {"start": "2024-04-01", "end": "2024-06-30"}


def previous(**tasks: dict) -> dict:
    """The first quarter's answers: Facebook 40 clips, 125.000 views; TikTok 30 clips, 100.000
    views; 400 posts on Facebook, 40 of them negative (10,0%)."""
    figures = {
        "t1": {
            "figures": {
                "platforms": [
                    {"platform": "facebook", "clips": 40, "views": 125000},
                    {"platform": "tiktok", "clips": 30, "views": 100000},
                ]
            }
        },
        "t2": {"figures": {"platforms": [{"platform": "facebook", "total": 400, "negative": 40}]}},
        **tasks,
    }
    return factories.answers(period=Q1, tasks=figures)


def report(fmt: str = "nd30", earlier: dict | None = None, **changes):
    """The second quarter's report (factories.ANSWERS: Facebook 40 clips, 125.000 views, 8.300
    interactions; TikTok 30 clips, 98.000 views, no interactions; 500 posts, 40 negative)."""
    changes.setdefault("period", Q2)
    data = factories.answers_in(fmt, **changes)
    return answers_to_report(
        data, factories.directive(), format_id=fmt, today=date(2024, 7, 1), previous=earlier
    )


def text(**changes) -> str:
    return build_layout(report(**changes)).plain_text()


# -- the comparison ------------------------------------------------------------------------------
def test_each_figure_of_both_periods_is_compared() -> None:
    found = text(compare_previous=True, earlier=previous()).splitlines()
    assert "Số video clip trên Facebook: 40, không đổi so với quý I năm 2024 (40)." in found
    assert "Số lượt xem trên TikTok: 98.000, giảm 2,0% so với quý I năm 2024 (100.000)." in found
    assert "Số tin, bài trên Facebook: 500, tăng 25,0% so với quý I năm 2024 (400)." in found
    assert (
        "Tỷ lệ tin, bài tiêu cực trên Facebook: 8,0%, giảm 2,0 điểm phần trăm so với quý I năm "
        "2024 (10,0%)." in found
    )


def test_an_increase_is_relative_to_the_previous_figure() -> None:
    earlier = previous(
        t1={"figures": {"platforms": [{"platform": "facebook", "clips": 35, "views": 0}]}}
    )
    found = text(compare_previous=True, earlier=earlier).splitlines()
    assert "Số video clip trên Facebook: 40, tăng 14,3% so với quý I năm 2024 (35)." in found
    # from 0, a rate means nothing: the increase is said without one
    assert "Số lượt xem trên Facebook: 125.000, tăng so với quý I năm 2024 (0)." in found


def test_a_figure_missing_in_either_period_is_not_compared() -> None:
    found = text(compare_previous=True, earlier=previous())
    # interactions: entered this quarter only; TikTok's: in neither
    assert "lượt tương tác trên" not in found
    earlier = previous(t1={"figures": {"platforms": [{"platform": "facebook", "views": 1000}]}})
    found = text(compare_previous=True, earlier=earlier)
    assert "Số video clip trên Facebook" not in found  # the previous quarter gave no clips
    assert "trên TikTok:" not in found  # nor TikTok at all
    assert "Số lượt xem trên Facebook: 125.000, tăng" in found


def test_no_comparison_without_a_previous_report_or_the_option() -> None:
    assert "so với" not in text(compare_previous=True)
    assert "so với" not in text(earlier=previous())  # the option off


def test_a_previous_period_without_a_label_is_named_by_its_dates() -> None:
    earlier = previous()
    earlier["period"] = {"start": "2024-01-01", "end": "2024-03-31"}
    assert "so với kỳ báo cáo từ ngày 01/01/2024 đến ngày 31/3/2024 (40)." in text(
        compare_previous=True, earlier=earlier
    )


def test_the_snapshot_keeps_what_was_compared() -> None:
    """Written again from its snapshot (the history's «regenerate»), a report says the same."""
    first = report(compare_previous=True, appendix_figures=True, earlier=previous())
    snapshot = json.loads(json.dumps(report_to_answers(first)))
    again = answers_to_report(snapshot, factories.directive())
    assert again == first
    assert build_layout(again).plain_text() == build_layout(first).plain_text()


def test_a_previous_report_of_another_period_is_refused_or_dropped() -> None:
    older = previous()
    older["period"] = {"start": "2023-10-01", "end": "2023-12-31", "label": "quý IV năm 2023"}
    with pytest.raises(UserError, match="không phải của kỳ liền trước"):
        report(compare_previous=True, earlier=older)
    # a snapshot copied into a later period's draft keeps no stale comparison
    snapshot = report_to_answers(report(compare_previous=True, earlier=previous()))
    snapshot["period"] = {"start": "2024-07-01", "end": "2024-09-30"}
    assert answers_to_report(snapshot, factories.directive()).previous is None
    assert "previous" not in for_new_period(snapshot, date(2024, 10, 1), date(2024, 12, 31))


def test_a_previous_answers_file_is_checked() -> None:
    expected = r"^Báo cáo kỳ trước: Trường «tasks\.t1\.figures\.platforms»"
    with pytest.raises(UserError, match=expected):
        report(earlier={"tasks": {"t1": {"figures": {"platforms": "x"}}}})


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        (date(2025, 1, 1), date(2025, 3, 31), (date(2024, 10, 1), date(2024, 12, 31))),
        (date(2025, 3, 1), date(2025, 3, 31), (date(2025, 2, 1), date(2025, 2, 28))),
        (date(2025, 7, 1), date(2025, 12, 31), (date(2025, 1, 1), date(2025, 6, 30))),
        (date(2025, 1, 1), date(2025, 12, 31), (date(2024, 1, 1), date(2024, 12, 31))),
        (date(2024, 4, 2), date(2024, 6, 28), (date(2024, 1, 5), date(2024, 4, 1))),
    ],
)
def test_the_previous_period_is_as_long(start: date, end: date, before: tuple) -> None:
    assert previous_dates(Period(start, end)) == before


def test_a_period_without_dates_has_no_previous() -> None:
    assert previous_dates(Period(None, date(2025, 3, 31), "quý I")) is None


# -- the appendix --------------------------------------------------------------------------------
def test_no_appendix_unless_asked() -> None:
    plain = report()
    assert build_layout(plain).appendix is None
    assert "Phụ lục" not in build_layout(plain).plain_text()
    assert not {"appendix_figures", "compare_previous", "previous"} & set(report_to_answers(plain))


def test_only_tasks_with_platform_figures_get_a_table() -> None:
    layout = build_layout(
        report(appendix_figures=True, tasks={"t1": {"status": "not_applicable", "notes": "Không"}})
    )
    assert [t.caption for t in layout.appendix.tables] == [
        "Cân đối tỷ lệ thông tin tích cực, tiêu cực (tiêu cực dưới 15%)"
    ]
    assert "Số liệu chi tiết tại Phụ lục kèm theo Báo cáo này." in layout.plain_text()
    none = build_layout(report(appendix_figures=True, tasks={"t1": {}, "t2": {}}))
    assert none.appendix is None
    assert "Phụ lục" not in none.plain_text()


def _cell_texts(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _write(folder: Path, fmt: str) -> Path:
    out = folder / f"{fmt}.docx"
    generate(report(fmt, appendix_figures=True, compare_previous=True, earlier=previous()), out)
    return out


@pytest.mark.parametrize(
    ("fmt", "attached"),
    [
        ("nd30", "(Kèm theo Báo cáo số 05/BC-PTTH ngày 28 tháng 6 năm 2024 của Đài Phát thanh"),
        ("hd36", "(Kèm theo Báo cáo số 5-BC/BTGHU, ngày 28 tháng 6 năm 2024 của Ban Tuyên giáo"),
    ],
)
def test_the_appendix_in_the_document(tmp_path: Path, fmt: str, attached: str) -> None:
    doc = Document(str(_write(tmp_path, fmt)))
    # a section of its own: a new page, its pages numbered from 1
    assert len(doc.sections) == 2
    numbering = doc.sections[1]._sectPr.find(qn("w:pgNumType"))
    assert numbering is not None and numbering.get(qn("w:start")) == "1"
    texts = [p.text for p in doc.paragraphs]
    at = texts.index("Phụ lục")
    heading, title, line = doc.paragraphs[at : at + 3]
    assert (size(heading), style_of(heading)[0]) == (14, True)
    assert title.text == "SỐ LIỆU KẾT QUẢ THỰC HIỆN" and style_of(title)[0]
    assert line.text.startswith(attached) and style_of(line)[1]  # italic
    for p in (heading, title, line):
        assert p.alignment == 1  # centred
    _header, signature_table, clips, posts = doc.tables
    assert "Nơi nhận:" in signature_table.cell(0, 0).text
    assert _cell_texts(clips) == [
        ["STT", "Nền tảng", "Số video clip", "Lượt xem", "Lượt tương tác"],
        ["1", "Facebook", "40", "125.000", "8.300"],
        ["2", "TikTok", "30", "98.000", ""],  # not entered: empty, never 0
        ["", "Tổng cộng", "70", "223.000", ""],  # a sum of what was not all given is not given
    ]
    assert _cell_texts(posts)[1] == ["1", "Facebook", "500", "40", "8,0%"]
    header_row = clips.rows[0]
    assert header_row._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on a new page
    assert all(r.font.bold for c in header_row.cells for p in c.paragraphs for r in p.runs)
    assert clips.cell(3, 1).paragraphs[0].runs[0].font.bold  # the total
    assert not clips.cell(1, 1).paragraphs[0].runs[0].font.bold
    assert clips.cell(1, 3).paragraphs[0].alignment == 2  # numbers right-aligned
    assert clips.cell(1, 1).paragraphs[0].alignment == 0  # names left
    borders = clips._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}


def run_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
def test_the_checker_passes_a_report_with_its_appendix(tmp_path: Path, fmt: str) -> None:
    result = run_check(_write(tmp_path, fmt))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Không phát hiện sai sót" in result.stdout


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_puts_the_appendix_on_its_own_page(tmp_path: Path) -> None:
    docx = _write(tmp_path, "nd30")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "nd30.pdf"
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    last = next(page for page in reversed(pages) if page.strip())
    assert last.lstrip().startswith("Phụ lục")  # the appendix opens its page
    assert "Nguyễn Văn An" not in last and "Tổng cộng" in last
    if shutil.which("pdftoppm"):  # the picture looked at by hand
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True
        )
        assert sorted(tmp_path.glob("page-*.png"))


# -- the history and the command line ------------------------------------------------------------
def test_the_history_finds_the_previous_period(history, tmp_path: Path) -> None:
    directive = factories.directive()
    second = Period(date(2024, 4, 1), date(2024, 6, 30))
    q1 = answers_to_report(previous(), directive)
    assert history.previous_answers(directive.id, second) is None
    history.save_draft(directive, report_to_answers(q1))  # a draft is not the agency's word
    assert history.previous_answers(directive.id, second) is None
    history.generate(q1, tmp_path / "q1.docx")
    found = history.previous_answers(directive.id, second)
    assert found is not None and found["period"]["label"] == "quý I năm 2024"
    assert history.previous_answers("other-directive", second) is None
    third = Period(date(2024, 7, 1), date(2024, 9, 30))
    assert history.previous_answers(directive.id, third) is None

    q2 = answers_to_report(factories.answers(period=Q2, compare_previous=True, number=6), directive)
    entry_id, result = history.generate(q2, tmp_path / "q2.docx")
    assert "Số lượt xem trên TikTok: 98.000, giảm 2,0% so với quý I năm 2024" in result.text
    assert history.get(entry_id).answers["previous"]["period"]["label"] == "quý I năm 2024"
    again = history.regenerate(entry_id, tmp_path / "again.docx")
    assert again.text == result.text


@pytest.mark.slow
def test_generate_takes_the_previous_answers_file(tmp_path: Path, data_dir: Path) -> None:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    files = {}
    for name, data in (
        ("answers", factories.answers(period=Q2, compare_previous=True, appendix_figures=True)),
        ("previous", previous()),
    ):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "q2.docx"
    args = ["generate", "--directive", factories.DIRECTIVE["id"], "--no-history"]
    args += ["--answers", str(files["answers"]), "--out", str(out)]
    args += ["--previous-answers", str(files["previous"]), "--data-dir", str(data_dir)]
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "Số tin, bài trên Facebook: 500, tăng 25,0% so với quý I năm 2024 (400)." in texts
    assert "Phụ lục" in texts

    files["previous"].write_text(json.dumps({"tasks": {"t1": {"figures": {"platforms": "x"}}}}))
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "Báo cáo kỳ trước: Trường «tasks.t1.figures.platforms»" in result.stderr


# -- the window ----------------------------------------------------------------------------------
def test_the_editor_holds_both_options(qtbot) -> None:
    from assistant.gui.report_editor import ReportEditor

    editor = ReportEditor(factories.directive(), None)
    qtbot.addWidget(editor)
    assert not {"appendix_figures", "compare_previous"} & set(editor.answers())
    editor.load(factories.answers(appendix_figures=True))
    assert editor.answers()["appendix_figures"] is True
    assert "compare_previous" not in editor.answers()
    with qtbot.waitSignal(editor.changed):
        editor.options["compare_previous"].setChecked(True)
    assert editor.answers()["compare_previous"] is True
    editor.load(factories.answers())
    assert not {"appendix_figures", "compare_previous"} & set(editor.answers())


def test_the_preview_shows_the_appendix_as_the_report_prints_it(
    qtbot, data_dir, monkeypatch, tmp_path
) -> None:
    from tests.test_gui import Answers, fill_everything, open_window, with_profile

    clerk = Answers(monkeypatch, tmp_path / "out.docx")
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    window = open_window(qtbot, with_profile(data_dir))
    window.select_directive(factories.DIRECTIVE["id"])
    fill_everything(window)
    window.editor.options["appendix_figures"].setChecked(True)
    window.preview()
    assert not clerk.texts("warn")
    text = window.preview_dialog.view.toPlainText()
    assert "Phụ lục" in text and "SỐ LIỆU KẾT QUẢ THỰC HIỆN" in text
    assert "Facebook" in text and "125.000" in text.split("SỐ LIỆU KẾT QUẢ THỰC HIỆN")[1]
