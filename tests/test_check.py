"""The format checker on real files: our reports, spoiled reports, foreign and broken files."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Pt

from assistant.check.checker import check
from assistant.check.docx_model import open_document, read_model
from assistant.check.elements import locate
from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.core.formats import ND30, Element
from assistant.generate import generate
from tests.conftest import REPO
from tests.faulty_docs import (
    AGENCY,
    ALSO,
    FAULTS,
    HARMLESS,
    flatten_tables,
    make_report,
    mangle,
    spoil,
    subject_on_two_lines,
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    return {fmt: make_report(folder, fmt) for fmt in ("nd30", "hd36")}


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
def test_our_reports_have_no_finding(reports, fmt) -> None:
    result = check(reports[fmt])
    assert result.format_id == fmt and result.detected
    assert result.findings == []


def test_party_report_passes_the_hd05_preset_too(reports) -> None:
    assert check(reports["hd36"], "hd05").errors == []


@pytest.mark.parametrize(("name", "fmt", "fault", "wanted"), FAULTS, ids=[f[0] for f in FAULTS])
def test_each_fault_is_named(reports, tmp_path, name, fmt, fault, wanted) -> None:
    result = check(spoil(reports[fmt], tmp_path / f"{name}.docx", fault))
    assert wanted in result.ids()
    assert result.ids() - ALSO.get(name, set()) == {wanted}
    finding = next(f for f in result.findings if f.id == wanted)
    assert finding.message and finding.where and finding.expected


def test_findings_cite_the_rule_and_the_place(reports, tmp_path) -> None:
    source = dict((f[0], f) for f in FAULTS)["recipients_label_14"]
    finding = check(spoil(reports["nd30"], tmp_path / "x.docx", source[2])).findings[0]
    assert finding.severity == "error"
    assert (
        "12" in finding.expected and finding.expected == "NĐ 30/2020/NĐ-CP, Phụ lục I: cỡ chữ 12 pt"
    )
    assert finding.found == "cỡ 14 pt"
    assert finding.where == "bảng chữ ký, cột trái, dòng 1 «Nơi nhận:»"


def test_a_fault_in_many_paragraphs_is_reported_once(reports, tmp_path) -> None:
    def all_body_left(doc) -> None:
        for p in doc.paragraphs[4:20]:
            p.alignment = 0

    result = check(spoil(reports["nd30"], tmp_path / "left.docx", all_body_left))
    justify = [f for f in result.findings if f.id == "body.justify"]
    assert len(justify) == 1 and justify[0].count > 5
    assert "chỗ khác" in justify[0].where


def test_a_forced_format_judges_by_that_format(reports) -> None:
    result = check(reports["nd30"], "hd36")
    assert not result.detected and result.format_id == "hd36"
    assert "element.missing" in result.ids()  # no "ĐẢNG CỘNG SẢN VIỆT NAM"


# -- documents we did not make ----------------------------------------------------------------
def _foreign(path: Path) -> Path:
    doc = Document()
    doc.add_heading("Tiêu đề", 1)  # the Heading 1 style names only a theme font
    doc.add_paragraph("Một đoạn văn {% if x %}")
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "ô"
    inner = table.cell(1, 2).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "bảng lồng"
    doc.add_section()
    doc.sections[1].footer.paragraphs[0].text = "chân trang"
    doc.sections[0].header.paragraphs[0].text = "đầu trang"
    doc.save(str(path))
    return path


def test_a_foreign_document_gets_one_finding_saying_so(tmp_path) -> None:
    """No Số and no Nơi nhận: not an administrative document, one finding instead of thirty."""
    result = check(_foreign(tmp_path / "foreign.docx"))
    assert [f.id for f in result.findings] == ["document.not_administrative"]
    assert result.errors == []


def test_foreign_document_is_walked_in_order_with_nested_tables(tmp_path) -> None:
    model = read_model(open_document(_foreign(tmp_path / "foreign.docx")))
    texts = [p.text for p in model.paragraphs if p.text]
    assert texts == ["Tiêu đề", "Một đoạn văn {% if x %}", "ô", "bảng lồng"]
    nested = next(p for p in model.paragraphs if p.text == "bảng lồng")
    assert [c.table for c in nested.location.cells] == [0, 1]
    assert model.tables[1].parent is not None
    assert len(model.sections) == 2
    assert model.sections[1].footers["default"].paragraphs[0].text == "chân trang"


def test_an_empty_document(tmp_path) -> None:
    path = tmp_path / "empty.docx"
    Document().save(str(path))
    result = check(path)
    assert result.ids() == {"document.not_administrative"}


def test_style_chain_is_resolved(tmp_path) -> None:
    doc = Document()
    base = doc.styles.add_style("Base", WD_STYLE_TYPE.PARAGRAPH)
    base.font.name, base.font.size, base.font.bold = "Times New Roman", Pt(14), True
    child = doc.styles.add_style("Child", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    child.font.italic = True
    strong = doc.styles.add_style("Loud", WD_STYLE_TYPE.CHARACTER)
    strong.font.underline = True
    p = doc.add_paragraph("kế thừa", style="Child")
    p.add_run(" nhấn", style="Loud")
    themed = doc.add_paragraph("chủ đề", style="Child")
    fonts = themed.runs[0]._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    path = tmp_path / "styles.docx"
    doc.save(str(path))
    model = read_model(open_document(path))
    plain, loud = model.paragraphs[0].runs
    assert plain.fonts[0].name == "Times New Roman" and plain.size == 14
    assert plain.bold and plain.italic and not plain.underline
    assert loud.underline and loud.bold
    assert model.paragraphs[1].runs[0].fonts[1].theme == "minorHAnsi"
    assert model.paragraphs[0].space_after_pt == 10  # the template's pPrDefault: after="200"


# -- files that are not reports -----------------------------------------------------------
def _not_zip(path: Path) -> Path:
    path.write_text("không phải docx", encoding="utf-8")
    return path


def _zip_without_document(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "x")
    return path


def _truncated(path: Path, source: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _bad_xml(path: Path, source: Path) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for item in old.infolist():
            body = b"<w:document" if item.filename == "word/document.xml" else old.read(item)
            new.writestr(item, body)
    return path


def _ole(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    return path


@pytest.mark.parametrize("kind", ["missing", "not_zip", "no_document", "truncated", "xml", "ole"])
def test_unreadable_files_are_user_errors(reports, tmp_path, kind) -> None:
    path = tmp_path / "bad.docx"
    make = {
        "missing": lambda: path,
        "not_zip": lambda: _not_zip(path),
        "no_document": lambda: _zip_without_document(path),
        "truncated": lambda: _truncated(path, reports["nd30"]),
        "xml": lambda: _bad_xml(path, reports["nd30"]),
        "ole": lambda: _ole(path),
    }[kind]
    with pytest.raises(UserError) as caught:
        check(make())
    assert "bad.docx" in caught.value.message


@pytest.mark.parametrize(("name", "fmt", "edit"), HARMLESS, ids=[h[0] for h in HARMLESS])
def test_harmless_edits_give_no_finding(reports, tmp_path, name, fmt, edit) -> None:
    assert check(spoil(reports[fmt], tmp_path / f"{name}.docx", edit)).findings == []


def test_a_two_line_subject_is_one_element(reports, tmp_path) -> None:
    path = spoil(reports["nd30"], tmp_path / "two.docx", subject_on_two_lines)
    located = locate(read_model(open_document(path)), ND30)
    subject = located.at[Element.SUBJECT]
    assert [p.text[:3] for p in subject][:2] == ["Kết", "của"]
    assert len({id(p.xml) for p in subject}) == 2  # two paragraphs, whatever their line breaks
    assert located.after[Element.SUBJECT].bottom_border


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
def test_a_report_without_layout_tables_is_still_read(reports, tmp_path, fmt) -> None:
    """Every element is found; only the rules, sized for table cells, now read too long."""
    result = check(spoil(reports[fmt], tmp_path / "flat.docx", flatten_tables))
    assert result.format_id == fmt and result.detected
    assert result.findings and all(f.id.endswith(".rule_length") for f in result.findings)


SEEDS = sorted(p.stem for p in (REPO / "resources" / "directives").glob("*.json"))
EXAMPLE_ANSWERS = sorted((REPO / "resources" / "answers").glob("*.json"))


@pytest.mark.parametrize("directive_id", SEEDS)
def test_reports_on_every_seed_directive_pass(tmp_path, directive_id) -> None:
    """Each bundled directive answered by its example answers, in the agency's own format."""
    path = REPO / "resources" / "answers" / f"{directive_id}.json"
    answers = json.loads(path.read_text(encoding="utf-8"))
    report = answers_to_report(answers, DirectiveLibrary().get(directive_id))
    out = generate(report, tmp_path / f"{directive_id}.docx").path
    assert check(out).findings == []


@pytest.mark.parametrize("seed", range(40))
def test_damaged_xml_never_stops_the_checker(reports, tmp_path, seed) -> None:
    fmt = ("nd30", "hd36")[seed % 2]
    path = mangle(reports[fmt], tmp_path / "mangled.docx", seed)
    try:
        result = check(path)
    except UserError:
        return  # a part python-docx cannot load: reported to the clerk, which is fine
    assert "check.internal" not in result.ids()


@pytest.mark.parametrize("answers_file", EXAMPLE_ANSWERS, ids=lambda p: p.stem)
def test_reports_from_the_example_answers_pass(tmp_path, answers_file) -> None:
    data = json.loads(answers_file.read_text(encoding="utf-8"))
    directive = DirectiveLibrary().get(data["directive"])
    report = answers_to_report(data, directive, today=date(2024, 7, 1))
    path = tmp_path / "report.docx"
    generate(report, path)
    assert check(path).findings == []


# Long and missing names, each of a body of the format's own system (a state body under the
# Party title is itself a finding).
LONG_NAMES = {
    "nd30": {
        "name": "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Định Hóa tỉnh Thái Nguyên",
        "parent": "Ủy ban nhân dân huyện Định Hóa",
    },
    "hd36": {
        "name": "Ban Tuyên giáo và Dân vận Huyện ủy Định Hóa tỉnh Thái Nguyên",
        "parent": "Đảng bộ tỉnh Thái Nguyên",
    },
}
NO_PARENT = {
    "nd30": {"name": "Sở Nội vụ", "parent": ""},
    "hd36": {"name": "Huyện ủy Định Hóa", "parent": ""},
}
VARIANTS = {
    "long_names": {"profile_changes": LONG_NAMES},
    "no_parent": {"profile_changes": NO_PARENT},
    "unnumbered": {"number": None},
    "padded_day_and_month": {"date": "2024-01-09", "number": 7},
    "february": {"date": "2024-02-03"},
}


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_our_writer_passes_on_every_variant(tmp_path, fmt, variant) -> None:
    changes = dict(VARIANTS[variant])
    profile = {**AGENCY[fmt], **changes.pop("profile_changes", {}).get(fmt, {})}
    path = make_report(tmp_path, fmt, profile=profile, **changes)
    assert check(path).findings == []
