"""Reading back what a generated .docx really contains: paragraphs, runs, tables, header XML."""

from __future__ import annotations

from dataclasses import dataclass

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Length
from docx.text.paragraph import Paragraph

W_FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


@dataclass
class Doc:
    path: str

    def __post_init__(self) -> None:
        self.doc = Document(self.path)
        self.section = self.doc.sections[0]
        self.header_table, self.signature_table = self.doc.tables[0], self.doc.tables[-1]

    def cell_paragraphs(self, table, row: int, col: int) -> list[Paragraph]:
        return [p for p in table.cell(row, col).paragraphs]

    def find(self, paragraphs, startswith: str) -> Paragraph:
        for p in paragraphs:
            if p.text.startswith(startswith):
                return p
        raise AssertionError(f"no paragraph starts with {startswith!r}")

    def body_paragraphs(self) -> list[Paragraph]:
        return list(self.doc.paragraphs)

    def all_runs(self):
        for p in self.doc.paragraphs:
            yield from p.runs
        for table in self.doc.tables:
            for row in table.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        yield from p.runs
        for p in self.section.header.paragraphs:
            yield from p.runs


def mm(length: Length | None) -> float:
    return 0.0 if length is None else length.mm


def size(p: Paragraph) -> float:
    sizes = {r.font.size.pt for r in p.runs if r.text.strip()}
    assert len(sizes) == 1, f"{p.text!r} mixes sizes {sizes}"
    return sizes.pop()


def style_of(p: Paragraph) -> tuple[bool, bool, bool]:
    """(bold, italic, underline) of a paragraph whose runs all agree."""
    styles = {
        (bool(r.font.bold), bool(r.font.italic), bool(r.font.underline))
        for r in p.runs
        if r.text.strip()
    }
    assert len(styles) == 1, f"{p.text!r} mixes styles {styles}"
    return styles.pop()


def run_fonts(run) -> dict[str, str | None]:
    fonts = run._r.rPr.find(qn("w:rFonts"))
    return {slot: fonts.get(qn(f"w:{slot}")) for slot in W_FONT_SLOTS} | {
        "theme": next((k for k in fonts.attrib if k.endswith("Theme")), None)
    }


def has_bottom_border(p: Paragraph) -> bool:
    ppr = p._p.pPr
    return ppr is not None and ppr.find(qn("w:pBdr")) is not None


def borderless(table) -> bool:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return borders is not None and all(b.get(qn("w:val")) == "nil" for b in borders)


def has_page_field(part) -> bool:
    xml = part._element.xml
    return "PAGE" in xml and "fldChar" in xml
