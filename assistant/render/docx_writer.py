"""Writes a ReportLayout as a .docx, every size and style taken from its FormatProfile.

Layout (spec/formatting.md §3–5): a borderless 2×2 header table (names | Quốc hiệu or Party
title; Số | place and date, so those two share a line), the title block, Kính gửi (state only),
the body, then a borderless table with Nơi nhận beside the signature. The page number is a PAGE
field centred in the header, hidden on page 1 ("different first page"). A «Phụ lục số liệu», when
asked for, follows in a section of its own: a new page, its pages numbered from 1 (NĐ30 Phụ lục I,
III.1đ), its tables ruled as the format's ``TableRule`` says.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import replace

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from assistant.core.figure_table import AppendixTable
from assistant.core.formats import Align, Element, FormatProfile, RuleKind, TableRule, TextRule
from assistant.core.layout import ReportLayout
from assistant.core.textwidth import text_width_mm

CELL_PADDING_MM = 1.9  # Word's default left/right cell margin (0.19 cm)
SIGNATURE_SPACE_LINES = 4  # empty lines left for the handwritten signature and seal
# Widths of an appendix table's first two columns (STT, the platform's name); the figures share
# the rest of the text width.
NUMBER_COLUMN_MM, NAME_COLUMN_MM = 13, 42

_ALIGN = {
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_fonts(rpr, font: str) -> None:
    """Name the font on all four slots of ``rpr`` and drop theme fonts, which would override it."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if attr.endswith("Theme"):
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)


def _compact(paragraph: Paragraph, before: float = 0, after: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = None


def _add_text(paragraph: Paragraph, text: str, rule: TextRule, font: str) -> None:
    run = paragraph.add_run(text)
    run.font.size = Pt(rule.size.default)
    run.font.bold = rule.bold
    run.font.italic = rule.italic
    run.font.underline = rule.underline
    _set_fonts(run._r.get_or_add_rPr(), font)
    paragraph.alignment = _ALIGN[rule.align]


def _own_properties(element, properties) -> None:
    """Give a new paragraph (``w:p``) or run (``w:r``) a copy of ``properties`` (its ``w:pPr``
    or ``w:rPr``), in place of any it has: they come first among its children."""
    old = element.find(properties.tag)
    if old is not None:
        element.remove(old)
    element.insert(0, deepcopy(properties))


class _Writer:
    def __init__(self, layout: ReportLayout) -> None:
        self.layout = layout
        self.fmt: FormatProfile = layout.format
        self.doc: DocxDocument = Document()
        # The properties of each kind of line, set through python-docx the first time and copied
        # after: the same XML, in a fraction of the time its property setters take.
        self._shapes: dict[tuple, tuple] = {}

    # -- building blocks -------------------------------------------------------------------
    def para(
        self, container, element: Element, text: str, *, before: float = 0, after: float = 0
    ) -> Paragraph:
        return self.styled(container, self.fmt.rule(element), text, before=before, after=after)

    def styled(
        self, container, rule: TextRule, text: str, *, before: float = 0, after: float = 0
    ) -> Paragraph:
        paragraph = self._new_paragraph(container)
        shape = self._shapes.get((rule, before, after))
        if shape is None:
            _compact(paragraph, before, after)
            _add_text(paragraph, text, rule, self.fmt.font)
            self._remember((rule, before, after), paragraph)
        else:
            _own_properties(paragraph._p, shape[0])
            _own_properties(paragraph.add_run(text)._r, shape[1])
        return paragraph

    def _remember(self, key: tuple, paragraph: Paragraph) -> None:
        run = paragraph.runs[0]._r
        self._shapes[key] = (deepcopy(paragraph._p.pPr), deepcopy(run.rPr))

    def _new_paragraph(self, container) -> Paragraph:
        # A new table cell holds one untouched paragraph (no properties yet): use it first.
        if isinstance(container, _Cell):
            paragraphs = container.paragraphs
            if len(paragraphs) == 1 and paragraphs[0]._p.pPr is None and not paragraphs[0].runs:
                return paragraphs[0]
        return container.add_paragraph()

    def rule_line(
        self, container, kind: RuleKind, column_mm: float, text: str, rule: TextRule
    ) -> None:
        """The line, "*" or "-----" under a header element."""
        if kind is RuleKind.NONE:
            return
        if kind is RuleKind.ASTERISK:
            self.para(container, Element.ISSUER, "*").runs[0].font.bold = False
            return
        if kind is RuleKind.HYPHENS:
            self.para(container, Element.SUBJECT, "-----").runs[0].font.bold = False
            return
        line = _longest_line(text, rule)
        measured = text_width_mm(line, rule.size.default, bold=rule.bold, italic=rule.italic)
        inner = column_mm - 2 * CELL_PADDING_MM
        length = (
            measured
            if kind is RuleKind.LINE_TEXT
            else min(measured, inner) * self.fmt.line_fraction.default
        )
        paragraph = self._new_paragraph(container)
        _compact(paragraph)
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(3)
        indent = max((inner - length) / 2, 0)
        fmt.left_indent = fmt.right_indent = Mm(indent)
        _bottom_border(paragraph)

    def borderless_table(self, rows: int, widths_mm: tuple[float, float]):
        table = self.doc.add_table(rows=rows, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        for row in table.rows:
            for cell, width in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(width)
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        return table

    # -- sections of the page --------------------------------------------------------------
    def page_setup(self) -> None:
        section = self.doc.sections[0]
        fmt = self.fmt
        section.page_width, section.page_height = Mm(fmt.page_width_mm), Mm(fmt.page_height_mm)
        section.top_margin = Mm(fmt.margin_top_mm.default)
        section.bottom_margin = Mm(fmt.margin_bottom_mm.default)
        section.left_margin = Mm(fmt.margin_left_mm.default)
        section.right_margin = Mm(fmt.margin_right_mm.default)
        section.header_distance = Mm(fmt.page_number_from_top_mm)
        section.different_first_page_header_footer = not fmt.page_number_on_first_page
        header_paragraph = section.header.paragraphs[0]
        _compact(header_paragraph)
        _add_text(header_paragraph, "", fmt.rule(Element.PAGE_NUMBER), fmt.font)
        _page_field(header_paragraph.runs[0])

    def defaults(self) -> None:
        """Times New Roman everywhere, Vietnamese as the proofing language, no theme fonts."""
        styles = self.doc.styles.element
        rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        _set_fonts(rpr_default, self.fmt.font)
        lang = rpr_default.find(qn("w:lang"))
        if lang is not None:
            lang.set(qn("w:val"), "vi-VN")
        normal = self.doc.styles["Normal"]
        normal.font.name = self.fmt.font
        normal.font.size = Pt(self.fmt.rule(Element.BODY).size.default)
        _set_fonts(normal.element.get_or_add_rPr(), self.fmt.font)

    def header(self) -> None:
        lay, fmt = self.layout, self.fmt
        left_mm, right_mm = fmt.header_columns_mm
        table = self.borderless_table(2, fmt.header_columns_mm)
        names, titles = table.rows[0].cells
        if lay.parent_body:
            self.para(names, Element.PARENT_BODY, lay.parent_body)
        self.para(names, Element.ISSUER, lay.issuer)
        issuer_rule = fmt.rule(Element.ISSUER)
        self.rule_line(names, fmt.under_issuer, left_mm, lay.issuer, issuer_rule)
        self.para(titles, Element.NATIONAL_TITLE, fmt.national_title)
        title_rule = fmt.rule(Element.NATIONAL_TITLE)
        self.rule_line(titles, fmt.under_national_title, right_mm, fmt.national_title, title_rule)
        if fmt.motto:
            self.para(titles, Element.MOTTO, fmt.motto)
            self.rule_line(titles, fmt.under_motto, right_mm, fmt.motto, fmt.rule(Element.MOTTO))
        number_cell, date_cell = table.rows[1].cells
        self.para(number_cell, Element.NUMBER, lay.number, before=6)
        self.para(date_cell, Element.PLACE_DATE, lay.place_date, before=6)

    def title(self) -> None:
        lay, fmt, doc = self.layout, self.fmt, self.doc
        self.para(doc, Element.DOC_TYPE, lay.doc_type, before=18)
        self.para(doc, Element.SUBJECT, lay.subject)
        subject_rule = fmt.rule(Element.SUBJECT)
        width = sum(fmt.header_columns_mm)
        self.rule_line(doc, fmt.under_subject, width, lay.subject, subject_rule)
        for i, line in enumerate(lay.kinh_gui):
            self.para(doc, Element.KINH_GUI, line, before=12 if i == 0 else 0, after=6)

    def body(self) -> None:
        body = self.fmt.body
        last = len(self.layout.body) - 1
        for i, line in enumerate(self.layout.body):
            before = 6 if i == 0 else 0
            paragraph = self.para(self.doc, line.element, line.text, before=before)
            # Headings stay with their text, the end with the signature.
            keep = line.element is not Element.BODY or i == last
            key = ("body", line.element, before, keep)
            if key in self._shapes:
                _own_properties(paragraph._p, self._shapes[key][0])
                continue
            pf = paragraph.paragraph_format
            pf.alignment = _ALIGN[body.align]
            pf.first_line_indent = Cm(body.first_line_indent_cm.default)
            pf.space_after = Pt(body.space_after_pt.default)
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(body.line_spacing_pt.default)
            if keep:
                pf.keep_with_next = True
            self._remember(key, paragraph)

    def signature(self) -> None:
        lay, fmt = self.layout, self.fmt
        spacer = self.doc.add_paragraph()
        _compact(spacer, after=6)
        spacer.paragraph_format.keep_with_next = True
        table = self.borderless_table(1, fmt.header_columns_mm)
        recipients, signature = table.rows[0].cells
        self.para(recipients, Element.RECIPIENTS_LABEL, fmt.recipients_label)
        for item in lay.recipients:
            self.para(recipients, Element.RECIPIENTS_ITEM, item)
        signers = list(lay.signer)
        name = signers.pop() if signers and signers[-1].element is Element.SIGNER_NAME else None
        for line in signers:
            self.para(signature, line.element, line.text)
        for _ in range(SIGNATURE_SPACE_LINES):
            self.para(signature, Element.SIGNER_NAME, "")
        if name is not None:
            self.para(signature, name.element, name.text)
        _keep_rows_together(table)

    def appendix(self) -> None:
        """The «Phụ lục số liệu»: "Phụ lục", its title, what it goes with, then a table per task."""
        appendix, rule = self.layout.appendix, self.fmt.appendix
        if appendix is None or rule is None:
            return
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)  # the header's PAGE field carries on
        if rule.restart_page_numbers:
            numbering = OxmlElement("w:pgNumType")
            numbering.set(qn("w:start"), "1")
            section._sectPr.append(numbering)
        heading = self.styled(self.doc, rule.heading, appendix.heading)
        heading.paragraph_format.keep_with_next = True
        self.styled(self.doc, rule.title, appendix.title).paragraph_format.keep_with_next = True
        self.styled(self.doc, rule.attached, appendix.attached, after=12)
        for table in appendix.tables:
            caption = self.styled(self.doc, rule.caption, table.caption, before=6, after=6)
            caption.paragraph_format.keep_with_next = True
            self.figure_table(table, rule.table)

    def figure_table(self, table: AppendixTable, rule: TableRule) -> None:
        text_mm = self.fmt.page_width_mm - self.fmt.margin_left_mm.default
        text_mm -= self.fmt.margin_right_mm.default
        figures = len(table.header) - 2
        each = (text_mm - NUMBER_COLUMN_MM - NAME_COLUMN_MM) / figures
        widths = (NUMBER_COLUMN_MM, NAME_COLUMN_MM, *(each for _ in range(figures)))
        grid = self.doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        _borders(grid, "single", rule.border_eighths_pt)
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = Mm(width)
        rules = [rule.header, *(rule.cell for _ in table.rows)]
        if table.total:
            rules[-1] = replace(rule.cell, bold=rule.total_bold)
        for r, texts in enumerate((table.header, *table.rows)):
            row = grid.rows[r]
            for c, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
                cell.width = Mm(widths[c])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = self.styled(cell, rules[r], text)
                if r and c == 0:
                    paragraph.alignment = _ALIGN[Align.CENTER]
                elif r and table.numeric[c]:
                    paragraph.alignment = _ALIGN[rule.number_align]
            if r == 0 and rule.repeat_header:
                row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        _keep_rows_together(grid)

    def properties(self) -> None:
        props = self.doc.core_properties
        subject, issuer = (" ".join(t.split()) for t in (self.layout.subject, self.layout.issuer))
        props.title = f"{self.layout.doc_type} {subject}"[:250]
        props.author = issuer.title()[:250]
        props.language = "vi-VN"

    def write(self) -> bytes:
        self.defaults()
        self.page_setup()
        self.header()
        self.title()
        self.body()
        self.signature()
        self.appendix()
        self.properties()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def _longest_line(text: str, rule: TextRule) -> str:
    """The widest line as printed (a multi-line name or trích yếu: the rule follows that one)."""

    def width(line: str) -> float:
        return text_width_mm(line, rule.size.default, bold=rule.bold, italic=rule.italic)

    return max(text.splitlines() or [text], key=width)


def _bottom_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _no_borders(table) -> None:
    _borders(table, "nil")


def _borders(table, kind: str, eighths_pt: int = 0) -> None:
    """Every edge and inner line of ``table``: "nil" (none) or "single" of ``eighths_pt``."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), kind)
        if eighths_pt:
            for key, value in (("w:sz", str(eighths_pt)), ("w:space", "0"), ("w:color", "000000")):
                element.set(qn(key), value)
        borders.append(element)
    tbl_pr.append(borders)


def _keep_rows_together(table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        tr_pr.append(cant_split)


def _page_field(run) -> None:
    """A PAGE field: Word and LibreOffice fill in the page number."""
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def write_docx(layout: ReportLayout) -> bytes:
    """The .docx bytes of ``layout``."""
    return _Writer(layout).write()
