"""Finding the elements of a report by their text and position, whoever wrote the file.

A report made elsewhere may have no header table, extra empty lines or other fonts, so nothing
here relies on our writer's structure: the Quốc hiệu is found by its words, the Số by "Số",
the date by "ngày … tháng … năm", the body as what lies between the title block and Nơi nhận.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant.check.docx_model import DocModel, Paragraph
from assistant.core import vntext
from assistant.core.formats import HD36, ND30, Element, FormatProfile
from assistant.core.layout import DOC_TYPE

NUMBER_LINE = re.compile(r"^\s*Số\b")
DATE_LINE = re.compile(r"ngày\s.*tháng\s.*năm", re.IGNORECASE)
KINH_GUI = re.compile(r"^\s*Kính\s+gửi", re.IGNORECASE)
RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận", re.IGNORECASE)
HEADING1 = re.compile(r"^\s*[IVXLC]+\s*[.-]\s")
HEADING2 = re.compile(r"^\s*\d+\s*[.-]\s")
AUTHORITY = re.compile(r"^\s*(KT|TM|TL|TUQ|Q|K/T|T/M|T/L)[./\s]")
BODY_ELEMENTS = (Element.BODY, Element.HEADING1, Element.HEADING2)
HEADER_FALLBACK = 12  # without "BÁO CÁO", the header is looked for in the first lines
MAX_SUBJECT_LINES = 3  # more lines before a rule are body text under a trích yếu without one
DETECTION_ORDER = (HD36, ND30)  # Party first: its title is the more specific one


def squeeze(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def letters(text: str) -> str:
    """Only the letters, folded: compares "Độc lập - Tự do" with "Độc lập–Tự do"."""
    return "".join(c for c in vntext.fold(text) if c.isalnum())


def is_title(p: Paragraph, fmt: FormatProfile) -> bool:
    return squeeze(p.text).upper() in {t.upper() for t in fmt.accepted_national_titles}


def detect(model: DocModel) -> FormatProfile | None:
    for fmt in DETECTION_ORDER:
        if any(is_title(p, fmt) for p in model.paragraphs):
            return fmt
    return None


def is_rule(p: Paragraph) -> bool:
    """An empty paragraph drawing a line, or a row of hyphens or an asterisk."""
    text = p.text.strip()
    return (p.bottom_border and not text) or (bool(text) and set(text) <= {"-", "*", "_"})


@dataclass
class Located:
    """Where each element is; elements not found are absent from ``at``."""

    at: dict[Element, list[Paragraph]] = field(default_factory=dict)
    after: dict[Element, Paragraph] = field(default_factory=dict)  # the line below an element
    header_table: int | None = None
    signature_table: int | None = None

    def one(self, element: Element) -> Paragraph | None:
        found = self.at.get(element)
        return found[0] if found else None

    def add(self, element: Element, *paragraphs: Paragraph) -> None:
        self.at.setdefault(element, []).extend(paragraphs)


class _Locator:
    def __init__(self, model: DocModel, fmt: FormatProfile) -> None:
        self.model, self.fmt = model, fmt
        self.paras = model.paragraphs
        self.position = {id(p): i for i, p in enumerate(self.paras)}
        self.out = Located()

    def next_in_container(self, p: Paragraph) -> Paragraph | None:
        """The next paragraph in the same cell (or the next body paragraph)."""
        for q in self.paras[self.position[id(p)] + 1 :]:
            if q.location.cells == p.location.cells:
                return q
            if not p.location.cells and not q.location.cells:
                return q
        return None

    def mark(self, element: Element, *lines: Paragraph | None) -> None:
        """Records an element's lines, and the rule line right under the last one."""
        found = [p for p in lines if p is not None]
        if not found:
            return
        self.out.add(element, *found)
        below = self.next_in_container(found[-1])
        if below is not None and is_rule(below):
            self.out.after[element] = below

    def header(self) -> list[Paragraph]:
        doc_type = next((p for p in self.paras if self.is_doc_type(p)), None)
        if doc_type is not None:
            self.mark(Element.DOC_TYPE, doc_type)
            return self.paras[: self.position[id(doc_type)]]
        return self.paras[:HEADER_FALLBACK]

    def is_doc_type(self, p: Paragraph) -> bool:
        return not p.location.cells and letters(p.text) == letters(DOC_TYPE)

    def title_block(self, header: list[Paragraph]) -> None:
        fmt = self.fmt
        title = next((p for p in header if is_title(p, fmt)), None)
        self.mark(Element.NATIONAL_TITLE, title)
        if fmt.motto:
            wanted = letters(fmt.motto)
            self.mark(Element.MOTTO, next((p for p in header if letters(p.text) == wanted), None))
        number = next((p for p in header if NUMBER_LINE.match(p.text)), None)
        self.mark(Element.NUMBER, number)
        self.mark(Element.PLACE_DATE, next((p for p in header if DATE_LINE.search(p.text)), None))
        if number is not None or title is not None:  # no anchor: any guess would be noise
            self.agency(header, number)
        if title is not None and title.location.cells:
            self.out.header_table = title.location.cells[0].table

    def agency(self, header: list[Paragraph], number: Paragraph | None) -> None:
        """Parent body and issuer: the text above the Số, in the Số's column."""
        taken = {id(q) for found in self.out.at.values() for q in found}
        end = header.index(number) if number is not None else len(header)
        column = number.location.cells if number is not None else None
        lines = [
            p
            for p in header[:end]
            if p.text.strip()
            and id(p) not in taken
            and not is_rule(p)
            and not DATE_LINE.search(p.text)
            and (column is None or _same_column(p, number))
        ]
        if len(lines) >= 2:
            self.mark(Element.PARENT_BODY, lines[0])
            lines = lines[1:]
        self.mark(Element.ISSUER, *lines)

    def title_and_body(self) -> None:
        doc_type = self.out.one(Element.DOC_TYPE)
        if doc_type is None:
            return
        start = self.position[id(doc_type)] + 1
        rest = [p for p in self.paras[start:] if not p.location.cells]
        subject = _subject_lines(rest)
        self.mark(Element.SUBJECT, *subject)
        after = rest[rest.index(subject[-1]) + 1 :] if subject else rest
        texts = [p for p in after if p.text.strip() and not is_rule(p)]
        while texts and KINH_GUI.match(texts[0].text):
            self.out.add(Element.KINH_GUI, texts.pop(0))
            while texts and texts[0].text.lstrip().startswith("-"):
                self.out.add(Element.KINH_GUI, texts.pop(0))
        label = next((p for p in texts if RECIPIENTS.match(p.text)), None)
        for p in texts[: texts.index(label)] if label else texts:
            self.out.add(_body_element(p), p)

    def signature(self) -> None:
        label = next((p for p in self.paras if RECIPIENTS.match(p.text)), None)
        if label is None:
            return
        self.out.add(Element.RECIPIENTS_LABEL, label)
        same = [q for q in self.paras if q.location.cells == label.location.cells]
        start = same.index(label) + 1
        items = [q for q in same[start:] if q.text.strip()]
        if not label.location.cells:  # no table: the list is the run of "- " lines
            items = _leading(items, lambda q: q.text.lstrip().startswith("-"))
        self.out.add(Element.RECIPIENTS_ITEM, *items)
        if label.location.cells:
            self.signer(label)

    def signer(self, label: Paragraph) -> None:
        cell = label.location.cell
        self.out.signature_table = cell.table
        lines = [
            q
            for q in self.paras
            if q.location.cell is not None
            and q.location.cell.table == cell.table
            and q.location.cell.row == cell.row
            and q.location.cell.col != cell.col
            and len(q.location.cells) == len(label.location.cells)
            and q.text.strip()
        ]
        if not lines:
            return
        self.out.add(Element.SIGNER_NAME, lines.pop())
        # Up to two authority lines: "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH".
        authority = []
        while lines and len(authority) < 2 and AUTHORITY.match(lines[0].text):
            authority.append(lines.pop(0))
        self.out.add(Element.SIGNER_AUTHORITY, *authority)
        self.out.add(Element.SIGNER_TITLE, *lines)

    def page_number(self) -> None:
        """The paragraph with the PAGE field in the header pages after the first one show."""
        if not self.model.sections:
            return
        header = self.model.sections[0].headers.get("default")
        if header is not None:
            self.out.add(Element.PAGE_NUMBER, *(p for p in header.paragraphs if p.page_field))

    def locate(self) -> Located:
        header = self.header()
        self.title_block(header)
        self.title_and_body()
        self.signature()
        self.page_number()
        return self.out


def _opens_part(p: Paragraph) -> bool:
    return bool(KINH_GUI.match(p.text) or RECIPIENTS.match(p.text))


def _subject_lines(rest: list[Paragraph]) -> list[Paragraph]:
    """The trích yếu: the lines under the tên loại down to its rule line, else the first one."""
    lines: list[Paragraph] = []
    for p in rest:
        if is_rule(p):
            return lines
        if not p.text.strip():
            continue
        if _opens_part(p) or len(lines) == MAX_SUBJECT_LINES:
            break
        lines.append(p)
    return lines[:1]


def _same_column(p: Paragraph, anchor: Paragraph) -> bool:
    if not anchor.location.cells:
        return not p.location.cells
    if not p.location.cells:
        return False
    a, b = p.location.cells[0], anchor.location.cells[0]
    return a.table == b.table and a.col == b.col


def _leading(items: list[Paragraph], keep) -> list[Paragraph]:
    out = []
    for item in items:
        if not keep(item):
            break
        out.append(item)
    return out


def _body_element(p: Paragraph) -> Element:
    if HEADING1.match(p.text):
        return Element.HEADING1
    if HEADING2.match(p.text):
        return Element.HEADING2
    return Element.BODY


def locate(model: DocModel, fmt: FormatProfile) -> Located:
    return _Locator(model, fmt).locate()
