"""Any .docx as a flat list of paragraphs in reading order, each with the formatting Word shows.

Body paragraphs and table cells (nested tables too) are walked in document order; every
paragraph keeps where it is, its runs with their effective font, size and style, and its
effective alignment, indents, spacing and bottom border (the rule lines under header elements).
Sections keep the page set-up and the header/footer parts they really use.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from assistant.check.styles import (
    FontSlot,
    Styles,
    first,
    first_attr,
    font_slot,
    is_on,
    paragraph_chain,
    run_chain,
    to_int,
)
from assistant.core.archive import open_zip
from assistant.core.errors import UserError
from assistant.core.fileio import check_size
from assistant.core.limits import DOCUMENT_FILE_MAX_BYTES

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = 1440 / 2.54
DEFAULT_CELL_PADDING_TWIPS = 108  # Word's default left and right cell margin (0.19 cm)
SINGLE_LINE = 240  # "auto" line spacing is in 240ths of a line
PAGE_FIELD = re.compile(r"\bPAGE\b")
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # an encrypted .docx or an old .doc is an OLE container
_ALIGN = {"both": "justify", "distribute": "justify", "start": "left", "end": "right"}
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}


@dataclass(frozen=True)
class Run:
    """A run of text with its formatting resolved through styles and defaults."""

    text: str
    fonts: tuple[FontSlot, FontSlot]  # the ascii and hAnsi slots: the ones Vietnamese text uses
    size: float | None  # points; None when no layer sets it
    bold: bool
    italic: bool
    underline: bool
    caps: bool  # shown in capitals whatever the letters typed


@dataclass(frozen=True)
class Cell:
    """A table cell a paragraph sits in."""

    table: int  # index in DocModel.tables
    row: int
    col: int
    width_mm: float | None  # text width inside the cell: cell width minus its padding


@dataclass(frozen=True)
class Location:
    """Where a paragraph is: its part, its number there, its table cells."""

    part: str  # "body", "header", "footer"
    index: int  # 1-based paragraph number among the part's top-level paragraphs (0 in a table)
    cells: tuple[Cell, ...] = ()  # table nesting, outermost first
    line: int = 0  # 1-based paragraph number inside the innermost cell
    section: int = 0  # for header and footer parts

    @property
    def cell(self) -> Cell | None:
        return self.cells[-1] if self.cells else None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph (or one line of a multi-line one) with its resolved format."""

    location: Location
    text: str
    runs: tuple[Run, ...]
    align: str  # "left", "center", "right", "justify"
    first_line_cm: float  # negative for a hanging indent
    left_indent_mm: float
    right_indent_mm: float
    space_before_pt: float
    space_after_pt: float
    line_rule: str  # "auto" (value in lines), "exact" or "atLeast" (value in points)
    line_value: float
    bottom_border: bool
    page_field: bool = False  # holds a PAGE field: the page number, in a header
    # the w:p element, for the fixer; not part of the paragraph's value
    xml: _Element | None = field(default=None, compare=False, repr=False)
    line_of: int = 0  # a view of the n-th line (after a line break) of a paragraph; 0: all of it

    def lines(self) -> list[Paragraph]:
        """One view per line when a line break splits the paragraph ("Số: 12/UBND-VP" ↵ "V/v …"),
        each with the runs of its own line; the paragraph itself when it has one line."""
        if "\n" not in self.text:
            return [self]
        pieces: list[list[Run]] = [[]]
        for run in self.runs:
            for index, text in enumerate(run.text.split("\n")):
                if index:
                    pieces.append([])
                if text:
                    pieces[-1].append(replace(run, text=text))
        return [
            replace(self, text="".join(r.text for r in runs), runs=tuple(runs), line_of=number)
            for number, runs in enumerate(pieces, start=1)
        ]


@dataclass(frozen=True)
class Table:
    """A table: its size, where it sits, the borders it draws."""

    index: int
    parent: Cell | None
    rows: int
    cols: int
    visible_borders: tuple[str, ...]  # edges drawn: "top", "insideV", …


@dataclass(frozen=True)
class Part:
    """A header or footer."""

    paragraphs: tuple[Paragraph, ...]
    has_page_field: bool


@dataclass(frozen=True)
class Section:
    """A section's page: size, margins, a different first page, its headers and footers."""

    index: int
    page_width_mm: float | None
    page_height_mm: float | None
    margins_mm: dict[str, float | None]  # top, bottom, left, right
    title_page: bool  # "different first page"
    headers: dict[str, Part]  # "default", "first", "even"; inherited from earlier sections
    footers: dict[str, Part]

    @property
    def text_width_mm(self) -> float | None:
        left, right = self.margins_mm["left"], self.margins_mm["right"]
        if self.page_width_mm is None or left is None or right is None:
            return None
        return self.page_width_mm - left - right


@dataclass
class DocModel:
    """What the checker reads of a .docx: paragraphs, tables and sections."""

    paragraphs: list[Paragraph] = field(default_factory=list)  # body and cells, reading order
    tables: list[Table] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def open_document(path: Path) -> Document:
    """python-docx's Document, or a UserError saying in Vietnamese why the file cannot be read."""
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp «{path}».", f"{path}: not found")
    if not path.is_file():
        raise UserError(f"«{path}» không phải một tệp.", f"{path}: not a file")
    check_size(path, path.stat().st_size, DOCUMENT_FILE_MAX_BYTES)
    with path.open("rb") as stream:
        magic = stream.read(4)
    if magic == OLE_MAGIC:
        raise UserError(
            f"Tệp «{path.name}» được đặt mật khẩu hoặc là tệp Word cũ (.doc). "
            "Hãy gỡ mật khẩu hoặc lưu lại dưới dạng .docx rồi kiểm tra lại.",
            f"{path}: OLE container (encrypted or .doc)",
        )
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"Tệp «{path.name}» không phải tệp Word .docx (hoặc đã bị hỏng).",
            f"{path}: not a zip file",
        )
    try:
        with path.open("rb") as stream:
            with open_zip(stream, path.name) as archive:  # a zip bomb is refused before lxml
                names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise UserError(
                    f"Tệp «{path.name}» không phải tệp Word .docx: thiếu phần nội dung văn bản.",
                    f"{path}: no word/document.xml",
                )
            stream.seek(0)
            return docx.Document(stream)
    except UserError:
        raise
    except Exception as exc:  # any parser error means the same thing to the clerk
        raise UserError(
            f"Tệp «{path.name}» bị hỏng, không đọc được. Hãy mở bằng Word và lưu lại.",
            f"{path}: {type(exc).__name__}: {exc}",
        ) from exc


class _Reader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.styles = Styles(document.styles.element)
        self.model = DocModel()

    # -- paragraphs ------------------------------------------------------------------------
    def paragraph(self, p: _Element, location: Location, table_style: str | None) -> Paragraph:
        ppr = p.find(qn("w:pPr"))
        pprs, rprs = paragraph_chain(self.styles, ppr, table_style)
        runs = tuple(self.run(r, rprs) for r in _runs(p))
        spacing = _spacing(pprs)
        return Paragraph(
            location=location,
            text="".join(r.text for r in runs),
            runs=runs,
            align=_alignment(pprs),
            first_line_cm=_first_line_twips(pprs) / TWIPS_PER_CM,
            left_indent_mm=_twips(first_attr(pprs, "w:ind", "left", "start")) / TWIPS_PER_MM,
            right_indent_mm=_twips(first_attr(pprs, "w:ind", "right", "end")) / TWIPS_PER_MM,
            space_before_pt=_twips(first_attr(pprs, "w:spacing", "before")) / 20,
            space_after_pt=_twips(first_attr(pprs, "w:spacing", "after")) / 20,
            line_rule=spacing[0],
            line_value=spacing[1],
            bottom_border=_has_bottom_border(pprs),
            page_field=_has_page_field(p),
            xml=p,
        )

    def run(self, r: _Element, paragraph_rprs: list[_Element]) -> Run:
        layers = run_chain(self.styles, r.find(qn("w:rPr")), paragraph_rprs)
        size = first(layers, "w:sz")
        half_points = None if size is None else to_int(size.get(qn("w:val")))
        underline = first(layers, "w:u")
        return Run(
            text=_run_text(r),
            fonts=(font_slot(layers, "ascii"), font_slot(layers, "hAnsi")),
            size=None if half_points is None else half_points / 2,
            bold=_toggle(layers, "w:b"),
            italic=_toggle(layers, "w:i"),
            underline=underline is not None and is_on(underline),
            caps=_toggle(layers, "w:caps"),
        )

    # -- containers ------------------------------------------------------------------------
    def blocks(self, container: _Element, part: str, section: int = 0) -> list[Paragraph]:
        """Top-level paragraphs and tables of the body or of a header/footer, in order."""
        out: list[Paragraph] = []
        index = 0
        for child in _block_children(container):
            if child.tag == qn("w:p"):
                index += 1
                out.append(self.paragraph(child, Location(part, index, section=section), None))
            elif child.tag == qn("w:tbl"):
                out.extend(self.table(child, Location(part, 0, section=section), None))
        return out

    def table(self, tbl: _Element, where: Location, parent: Cell | None) -> list[Paragraph]:
        index = len(self.model.tables)
        rows = tbl.findall(qn("w:tr"))
        table_style = _table_style(tbl)
        self.model.tables.append(
            Table(
                index=index,
                parent=parent,
                rows=len(rows),
                cols=max((len(r.findall(qn("w:tc"))) for r in rows), default=0),
                visible_borders=self._visible_borders(tbl, table_style),
            )
        )
        padding = _cell_padding_twips(tbl)
        out: list[Paragraph] = []
        for row_number, tr in enumerate(rows):
            for col_number, tc in enumerate(tr.findall(qn("w:tc"))):
                width = _cell_width_twips(tc, tbl, col_number)
                cell = Cell(
                    index,
                    row_number,
                    col_number,
                    None if width is None else (width - padding) / TWIPS_PER_MM,
                )
                out.extend(self.cell(tc, where, cell, table_style))
        return out

    def cell(self, tc: _Element, where: Location, cell: Cell, table_style) -> list[Paragraph]:
        out: list[Paragraph] = []
        cells = (*where.cells, cell)
        line = 0
        for child in _block_children(tc):
            if child.tag == qn("w:p"):
                line += 1
                location = Location(where.part, 0, cells, line, where.section)
                out.append(self.paragraph(child, location, table_style))
            elif child.tag == qn("w:tbl"):
                nested = Location(where.part, 0, cells, line, where.section)
                out.extend(self.table(child, nested, cell))
        return out

    def _visible_borders(self, tbl: _Element, table_style: str | None) -> tuple[str, ...]:
        """Table edges that are drawn: the table's own tblBorders, else its style's."""
        tbl_pr = tbl.find(qn("w:tblPr"))
        layers = [] if tbl_pr is None else [tbl_pr]
        layers += [
            p
            for p in (s.find(qn("w:tblPr")) for s in self.styles.chain(table_style))
            if p is not None
        ]
        edges = ("top", "left", "bottom", "right", "insideH", "insideV")
        drawn = [e for e in edges if _edge_drawn(layers, "w:tblBorders", e)]
        for tc_pr in tbl.iter(qn("w:tcPr")):
            borders = tc_pr.find(qn("w:tcBorders"))
            if borders is not None and any(_border_on(b) for b in borders):
                drawn.append("cell")
                break
        return tuple(drawn)

    # -- sections --------------------------------------------------------------------------
    def sections(self) -> None:
        body = self.document.element.body
        sect_prs = body.findall(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:sectPr')}")
        last = body.find(qn("w:sectPr"))
        if last is not None:
            sect_prs.append(last)
        headers: dict[str, Part] = {}
        footers: dict[str, Part] = {}
        for number, sect_pr in enumerate(sect_prs, start=1):
            headers = headers | self._parts(sect_pr, "w:headerReference", "header", number)
            footers = footers | self._parts(sect_pr, "w:footerReference", "footer", number)
            self.model.sections.append(_section(sect_pr, number, headers, footers))

    def _parts(self, sect_pr: _Element, tag: str, part: str, section: int) -> dict[str, Part]:
        found: dict[str, Part] = {}
        related = self.document.part.related_parts
        for reference in sect_pr.findall(qn(tag)):
            target = related.get(reference.get(qn("r:id")))
            if target is None:
                continue  # a dangling reference: Word shows nothing either
            element = target.element
            found[reference.get(qn("w:type"), "default")] = Part(
                tuple(self.blocks(element, part, section)), _has_page_field(element)
            )
        return found

    def read(self) -> DocModel:
        self.model.paragraphs = self.blocks(self.document.element.body, "body")
        self.sections()
        return self.model


def read_model(document: Document) -> DocModel:
    return _Reader(document).read()


# -- XML helpers ---------------------------------------------------------------------------
def _block_children(container: _Element):
    """Paragraphs and tables, looking through content controls and custom XML wrappers."""
    for child in container:
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent"))
            yield from _block_children(child if content is None else content)


def _runs(p: _Element):
    """The paragraph's own runs, also inside hyperlinks, tracked insertions and fields."""
    for child in p:
        if child.tag == qn("w:r"):
            yield child
        elif child.tag in (
            qn("w:hyperlink"),
            qn("w:ins"),
            qn("w:smartTag"),
            qn("w:fldSimple"),
            qn("w:customXml"),
        ):
            yield from _runs(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _runs(content)


def _run_text(r: _Element) -> str:
    parts = []
    for child in r:
        if child.tag not in _TEXT_TAGS:
            continue
        fixed = _TEXT_TAGS[child.tag]
        parts.append((child.text or "") if fixed is None else fixed)
    return "".join(parts)


def _toggle(layers: list[_Element], tag: str) -> bool:
    found = first(layers, tag)
    return found is not None and is_on(found)


def _twips(value: str | None) -> float:
    number = to_int(value)
    return 0.0 if number is None else float(number)


def _alignment(pprs: list[_Element]) -> str:
    jc = first(pprs, "w:jc")
    value = "left" if jc is None else jc.get(qn("w:val"), "left")
    return _ALIGN.get(value, value)


def _first_line_twips(pprs: list[_Element]) -> float:
    """firstLine and hanging are one setting: the nearest layer with either decides."""
    for layer in pprs:
        ind = layer.find(qn("w:ind"))
        if ind is None:
            continue
        hanging = to_int(ind.get(qn("w:hanging")))
        if hanging is not None:
            return -float(hanging)
        first_line = to_int(ind.get(qn("w:firstLine")))
        if first_line is not None:
            return float(first_line)
    return 0.0


def _spacing(pprs: list[_Element]) -> tuple[str, float]:
    line = to_int(first_attr(pprs, "w:spacing", "line"))
    rule = first_attr(pprs, "w:spacing", "lineRule") or "auto"
    if line is None:
        return "auto", 1.0
    if rule == "auto":
        return "auto", line / SINGLE_LINE
    return rule, line / 20


def _border_on(border: _Element) -> bool:
    return border.get(qn("w:val"), "nil") not in ("nil", "none")


def _has_bottom_border(pprs: list[_Element]) -> bool:
    return _edge_drawn(pprs, "w:pBdr", "bottom")


def _edge_drawn(layers: list[_Element], tag: str, edge: str) -> bool:
    for layer in layers:
        borders = layer.find(qn(tag))
        found = None if borders is None else borders.find(qn(f"w:{edge}"))
        if found is not None:
            return _border_on(found)
    return False


def _table_style(tbl: _Element) -> str | None:
    style = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _cell_padding_twips(tbl: _Element) -> float:
    margins = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    total = 0.0
    for sides in (("left", "start"), ("right", "end")):
        value = None
        for side in sides:
            edge = None if margins is None else margins.find(qn(f"w:{side}"))
            if edge is not None:
                value = to_int(edge.get(qn("w:w")))
        total += DEFAULT_CELL_PADDING_TWIPS if value is None else value
    return total


def _cell_width_twips(tc: _Element, tbl: _Element, col: int) -> float | None:
    width = tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    if width is not None and width.get(qn("w:type"), "dxa") == "dxa":
        value = to_int(width.get(qn("w:w")))
        if value:
            return float(value)
    grid = tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")
    if col < len(grid):
        value = to_int(grid[col].get(qn("w:w")))
        return float(value) if value else None
    return None


def _has_page_field(element: _Element) -> bool:
    codes = [t.text or "" for t in element.iter(qn("w:instrText"))]
    codes += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return any(PAGE_FIELD.search(code) for code in codes)


def _section(sect_pr: _Element, number: int, headers: dict, footers: dict) -> Section:
    size = sect_pr.find(qn("w:pgSz"))
    margins = sect_pr.find(qn("w:pgMar"))

    def length(element: _Element | None, attr: str) -> float | None:
        value = None if element is None else to_int(element.get(qn(f"w:{attr}")))
        # a negative top or bottom margin means "do not move the text": its size still counts
        return None if value is None else abs(value) / TWIPS_PER_MM

    title_page = sect_pr.find(qn("w:titlePg"))
    return Section(
        index=number,
        page_width_mm=length(size, "w"),
        page_height_mm=length(size, "h"),
        margins_mm={side: length(margins, side) for side in ("top", "bottom", "left", "right")},
        title_page=title_page is not None and is_on(title_page),
        headers=headers,
        footers=footers,
    )
