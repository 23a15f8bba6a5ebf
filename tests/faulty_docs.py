"""Reports made by our writer, then spoiled one way each, to see the checker name the fault."""

from __future__ import annotations

import copy
import random
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Mm, Pt
from docx.text.paragraph import Paragraph
from lxml import etree

from assistant.core.answers import answers_to_report
from assistant.core.model import Directive
from assistant.generate import generate
from tests import factories

AGENCY = {"nd30": factories.STATE_PROFILE, "hd36": factories.PARTY_PROFILE}


def make_report(
    folder: Path, fmt: str, name: str = "", directive: Directive | None = None, **changes
) -> Path:
    """Our writer's report in ``fmt`` (answers from tests.factories, changed by ``changes``)."""
    changes.setdefault("profile", copy.deepcopy(AGENCY[fmt]))
    data = factories.answers(**changes)
    directive = directive or factories.directive()
    report = answers_to_report(data, directive, format_id=fmt, today=date(2024, 7, 1))
    out = folder / f"{name or fmt}.docx"
    generate(report, out)
    return out


def all_paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def para(doc, startswith: str):
    for p in all_paragraphs(doc):
        if p.text.startswith(startswith):
            return p
    raise AssertionError(f"no paragraph starts with {startswith!r}")


def first_body(doc):
    return para(doc, "Thực hiện Công văn")


def set_text(p, text: str) -> None:
    p.runs[0].text = text
    for run in p.runs[1:]:
        run.text = ""


def theme_font(doc) -> None:
    fonts = first_body(doc).runs[0]._r.rPr.find(qn("w:rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.attrib.pop(qn(f"w:{slot}"), None)
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")


def letter_paper(doc) -> None:
    doc.sections[0].page_width, doc.sections[0].page_height = Inches(8.5), Inches(11)


def left_margin_20(doc) -> None:
    doc.sections[0].left_margin = Mm(20)


def title_not_bold(doc) -> None:
    para(doc, "CỘNG HÒA").runs[0].font.bold = False


def motto_without_hyphens(doc) -> None:
    set_text(para(doc, "Độc lập"), "Độc lập Tự do Hạnh phúc")


def number_without_zero(doc) -> None:
    set_text(para(doc, "Số:"), "Số: 5/BC-PTTH")


def number_without_colon(doc) -> None:
    set_text(para(doc, "Số:"), "Số 05/BC-PTTH")


def month_padded(doc) -> None:
    set_text(para(doc, "Thái Nguyên, ngày"), "Thái Nguyên, ngày 28 tháng 03 năm 2024")


def month_unpadded(doc) -> None:
    set_text(para(doc, "Thái Nguyên, ngày"), "Thái Nguyên, ngày 28 tháng 2 năm 2024")


def day_unpadded(doc) -> None:
    set_text(para(doc, "Thái Nguyên, ngày"), "Thái Nguyên, ngày 5 tháng 6 năm 2024")


def date_upright(doc) -> None:
    para(doc, "Thái Nguyên, ngày").runs[0].font.italic = False


def body_left_aligned(doc) -> None:
    first_body(doc).alignment = WD_ALIGN_PARAGRAPH.LEFT


def body_no_indent(doc) -> None:
    first_body(doc).paragraph_format.first_line_indent = Pt(0)


def body_no_space_after(doc) -> None:
    first_body(doc).paragraph_format.space_after = Pt(0)


def body_tight_lines(doc) -> None:
    first_body(doc).paragraph_format.line_spacing = Pt(12)


def body_small(doc) -> None:
    for run in first_body(doc).runs:
        run.font.size = Pt(13)


def recipients_label_14(doc) -> None:
    para(doc, "Nơi nhận").runs[0].font.size = Pt(14)


def recipients_label_plain(doc) -> None:
    para(doc, "Nơi nhận").runs[0].font.underline = False


def party_number_colon(doc) -> None:
    set_text(para(doc, "Số "), "Số: 5-BC/BTGHU")


def party_subject_capital(doc) -> None:
    p = para(doc, "kết quả thực hiện")
    set_text(p, "K" + p.text[1:])


def page_number_on_first_page(doc) -> None:
    doc.sections[0].different_first_page_header_footer = False


def no_page_number(doc) -> None:
    header = doc.sections[0].header._element
    for p in header.findall(qn("w:p")):
        header.remove(p)
    header.append(OxmlElement("w:p"))


def page_number_small(doc) -> None:
    for run in doc.sections[0].header.paragraphs[0].runs:
        run.font.size = Pt(11)


def template_leftover(doc) -> None:
    first_body(doc).add_run("{{ x }}")


def header_table_grid(doc) -> None:
    borders = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    for edge in borders:
        edge.set(qn("w:val"), "single")


def short_motto_rule(doc) -> None:
    rule = para(doc, "Độc lập")._p.getnext()
    indent = rule.find(qn("w:pPr")).find(qn("w:ind"))
    for side in ("w:left", "w:right"):
        indent.set(qn(side), str(int(indent.get(qn(side))) + 400))


def typed_motto_rule(doc) -> None:
    """The line under the Tiêu ngữ typed as hyphens, as many Word templates have it."""
    rule = para(doc, "Độc lập")._p.getnext()
    rule.remove(rule.find(qn("w:pPr")))
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "-" * 24
    run.append(text)
    rule.append(run)


def no_archive_line(doc) -> None:
    remove(para(doc, "- Lưu"))


def remove(p) -> None:
    p._p.getparent().remove(p._p)


def landscape(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = section.page_height, section.page_width


def second_section_margin(doc) -> None:
    """A second section (e.g. an appendix) whose right margin is too wide."""
    doc.add_section()
    doc.sections[1].right_margin = Mm(25)


def body_arial(doc) -> None:
    for run in first_body(doc).runs:
        run.font.name = "Arial"


def font_from_style(doc) -> None:
    """The run names no font; its paragraph style, two levels up, says Arial."""
    base = doc.styles.add_style("Báo cáo gốc", WD_STYLE_TYPE.PARAGRAPH)
    base.font.name = "Arial"
    child = doc.styles.add_style("Báo cáo", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    p = first_body(doc)
    p.style = child
    for run in p.runs:
        run._r.rPr.remove(run._r.rPr.find(qn("w:rFonts")))


def recipients_item_13(doc) -> None:
    para(doc, "- Lưu").runs[0].font.size = Pt(13)


def heading_not_bold(doc) -> None:
    for run in para(doc, "I. ").runs:
        run.font.bold = False


def no_end_mark(doc) -> None:
    p = para(doc, "Trên đây")
    set_text(p, p.text.removesuffix("./."))


def no_kinh_gui(doc) -> None:
    remove(para(doc, "Kính gửi"))


def party_no_asterisk(doc) -> None:
    remove(para(doc, "*"))


def party_no_hyphens(doc) -> None:
    remove(para(doc, "-----"))


def party_archive_vt(doc) -> None:
    set_text(para(doc, "- Lưu"), "- Lưu: VT, Ban Tuyên giáo Huyện ủy.")


def party_signer_name_plain(doc) -> None:
    for run in para(doc, "Hoàng Thị Lan").runs:
        run.font.bold = False


# (name, format, spoil, the finding id it must produce)
FAULTS: list[tuple[str, str, Callable, str]] = [
    ("letter_paper", "nd30", letter_paper, "page.size"),
    ("left_margin_20", "nd30", left_margin_20, "margin.left"),
    ("theme_font", "nd30", theme_font, "font.theme"),
    ("title_not_bold", "nd30", title_not_bold, "national_title.bold"),
    ("motto_without_hyphens", "nd30", motto_without_hyphens, "motto.hyphens"),
    ("number_without_zero", "nd30", number_without_zero, "number.leading_zero"),
    ("number_without_colon", "nd30", number_without_colon, "number.missing_colon"),
    ("month_padded", "nd30", month_padded, "date.month_padding"),
    ("month_unpadded", "nd30", month_unpadded, "date.month_padding"),
    ("day_unpadded", "nd30", day_unpadded, "date.day_padding"),
    ("date_upright", "nd30", date_upright, "date.italic"),
    ("body_left_aligned", "nd30", body_left_aligned, "body.justify"),
    ("body_no_indent", "nd30", body_no_indent, "body.first_line_indent"),
    ("body_tight_lines", "nd30", body_tight_lines, "body.line_spacing"),
    ("body_no_space_after", "nd30", body_no_space_after, "body.spacing"),
    ("recipients_label_14", "nd30", recipients_label_14, "recipients_label.size"),
    ("page_number_on_first_page", "nd30", page_number_on_first_page, "page_number.first_page"),
    ("no_page_number", "nd30", no_page_number, "page_number.missing"),
    ("template_leftover", "nd30", template_leftover, "template.leftover"),
    ("header_table_grid", "nd30", header_table_grid, "header.table_borders"),
    ("short_motto_rule", "nd30", short_motto_rule, "motto.rule_length"),
    ("typed_motto_rule", "nd30", typed_motto_rule, "motto.rule_missing"),
    ("no_archive_line", "nd30", no_archive_line, "recipients.archive"),
    ("landscape", "nd30", landscape, "page.orientation"),
    ("second_section_margin", "nd30", second_section_margin, "margin.right"),
    ("body_arial", "nd30", body_arial, "font.name"),
    ("font_from_style", "nd30", font_from_style, "font.name"),
    ("recipients_item_13", "nd30", recipients_item_13, "recipients_item.size"),
    ("heading_not_bold", "nd30", heading_not_bold, "heading1.bold"),
    ("no_end_mark", "nd30", no_end_mark, "body.end_mark"),
    ("no_kinh_gui", "nd30", no_kinh_gui, "kinh_gui.missing"),
    ("party_number_colon", "hd36", party_number_colon, "number.colon"),
    ("party_no_asterisk", "hd36", party_no_asterisk, "issuer.rule_missing"),
    ("party_no_hyphens", "hd36", party_no_hyphens, "subject.rule_missing"),
    ("party_archive_vt", "hd36", party_archive_vt, "recipients.archive"),
    ("party_signer_name_plain", "hd36", party_signer_name_plain, "signer_name.bold"),
    ("party_subject_capital", "hd36", party_subject_capital, "subject.case"),
    ("party_body_small", "hd36", body_small, "body.size"),
    ("party_label_not_underlined", "hd36", recipients_label_plain, "recipients_label.underline"),
    ("party_first_page_number", "hd36", page_number_on_first_page, "page_number.first_page"),
    ("party_page_number_small", "hd36", page_number_small, "page_number.size"),
]


def subject_on_two_lines(doc) -> None:
    """A clerk breaks a long trích yếu by hand; the second line starts lower-case."""
    first = para(doc, "Kết quả thực hiện")
    second = Paragraph(copy.deepcopy(first._p), first._parent)
    first._p.addnext(second._p)
    head, _, tail = first.text.partition(" của ")
    set_text(first, head)
    set_text(second, "của " + tail)


def title_spelled_hoa(doc) -> None:
    set_text(para(doc, "CỘNG HÒA"), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def flatten_tables(doc) -> None:
    """The header and signature typed as plain paragraphs, as some offices do."""
    body = doc.element.body
    for table in body.findall(qn("w:tbl")):
        for p in list(table.iter(qn("w:p"))):
            table.addprevious(p)
        body.remove(table)


# Edits that break no rule: (name, format, edit)
HARMLESS: list[tuple[str, str, Callable]] = [
    ("subject_on_two_lines", "nd30", subject_on_two_lines),
    ("title_spelled_hoa", "nd30", title_spelled_hoa),
]


def spoil(source: Path, out: Path, fault: Callable) -> Path:
    doc = Document(str(source))
    fault(doc)
    doc.save(str(out))
    return out


# Faults that truly cause a second finding: without hyphens the motto is shorter than its line;
# on a landscape page the trích yếu's rule, drawn by indents, grows with the text width.
ALSO = {
    "motto_without_hyphens": {"motto.rule_length"},
    "landscape": {"subject.rule_length"},
}


ODD_VALUES = ("", "x", "-5", "99999999", "1.5", "auto", "none")


def mangle(source: Path, out: Path, seed: int) -> Path:
    """The report with a few random elements of one XML part deleted or given odd values."""
    rng = random.Random(seed)
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = rng.choice(sorted(n for n in parts if n.startswith("word/") and n.endswith(".xml")))
    root = etree.fromstring(parts[name])
    nodes = list(root.iter())
    for node in rng.sample(nodes, min(len(nodes), 5)):
        if node.attrib and rng.random() < 0.5:
            node.set(rng.choice(sorted(node.attrib)), rng.choice(ODD_VALUES))
        elif node.getparent() is not None:
            node.getparent().remove(node)
    parts[name] = etree.tostring(root)
    with zipfile.ZipFile(out, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return out
