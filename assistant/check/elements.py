"""Finding the elements of an administrative document by their shape and position.

A document made elsewhere may have no header table, extra empty lines or other fonts, so nothing
here relies on our writer's structure, but every element is found by its exact shape where it
belongs: the Quốc hiệu by its words; the header as the table that holds it (or the lines above the
tên loại); the Số as "Số: 12/BC-…" in the header ("Số điện thoại:" is not one); the date as a whole
line "<place>, ngày … tháng … năm …"; the tên loại as a line naming one of the kinds of
core/doc_kinds.py; Nơi nhận and the signer as the table whose cell opens with "Nơi nhận".
A document with neither a Số nor a Nơi nhận is no administrative document at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from assistant.check.docx_model import DocModel, Paragraph
from assistant.core import vntext
from assistant.core.doc_kinds import DocKind, kinds
from assistant.core.formats import HD36, ND30, Element, FormatProfile

# "Số: 12/BC-UBND", "Số:    /BC-…", "Số 15-BC/BTGTU", "Số: {{ so }}", "Số:" (blank); the letter
# after the "/" or "-" keeps "Số điện thoại:", "Số định danh cá nhân:" out.
NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*(?:$|[\d\s.…_]*[/-]\s*[^\W\d_]|\{\{|\d)")
_TOKEN = r"(?:\{\{[^}]*\}\}|\S*)"
# The whole line is a place and a date: "Hà Nội, ngày 05 tháng 3 năm 2024", also unfilled ones;
# "Hôm nay, ngày … tháng … năm …, tại …" goes on after the year and is body text.
DATE_LINE = re.compile(
    rf"^\s*(?:[^,:;\n]{{1,80}}?,?\s*)?ngày\s*{_TOKEN}\s*tháng\s*{_TOKEN}\s*năm\s*{_TOKEN}\s*$",
    re.IGNORECASE,
)
KINH_GUI = re.compile(r"^\s*Kính\s+gửi", re.IGNORECASE)
RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận", re.IGNORECASE)
# The label alone on its line ("Nơi nhận:"), in a two-column table of one or two rows or on its
# own line: a data table's "Nơi nhận" column is something else.
RECIPIENTS_LABEL = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*$", re.IGNORECASE)
SIGNATURE_TABLE_ROWS = 2
HEADING_MAX_CHARS = 120  # a longer "2. …" line is a numbered body paragraph, not a heading
HEADING1 = re.compile(r"^\s*[IVXLC]+\s*[.-]\s")
HEADING2 = re.compile(r"^\s*\d+\s*[.-]\s")
AUTHORITY = re.compile(r"^\s*(KT|TM|TL|TUQ|Q|K/T|T/M|T/L)[./\s]")
BODY_ELEMENTS = (Element.BODY, Element.HEADING1, Element.HEADING2)
HEADER_FALLBACK = 12  # without a tên loại or a header table, the header is in the first lines
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
    """An empty paragraph drawing a line, or a row of hyphens, box lines or an asterisk."""
    text = p.text.strip()
    return (p.bottom_border and not text) or (bool(text) and set(text) <= {"-", "*", "_", "─"})


def is_capitals(text: str) -> bool:
    """A line written in capitals, as an agency name or a heading is."""
    return any(c.isalpha() for c in text) and text == text.upper()


@dataclass
class Located:
    """Where each element is; elements not found are absent from ``at``."""

    at: dict[Element, list[Paragraph]] = field(default_factory=dict)
    after: dict[Element, Paragraph] = field(default_factory=dict)  # the line below an element
    header_table: int | None = None
    signature_table: int | None = None
    kind: DocKind | None = None  # None: an administrative document of a kind not recognised
    administrative: bool = True  # False: no Số and no Nơi nhận, a form, a contract, a guide
    kind_line: str = ""  # what stands where the tên loại would be, when no kind was recognised

    def one(self, element: Element) -> Paragraph | None:
        found = self.at.get(element)
        return found[0] if found else None

    def add(self, element: Element, *paragraphs: Paragraph) -> None:
        self.at.setdefault(element, []).extend(paragraphs)


def _same_container(p: Paragraph, q: Paragraph) -> bool:
    return p.location.cells == q.location.cells


class _Locator:
    def __init__(self, model: DocModel, fmt: FormatProfile) -> None:
        self.model, self.fmt = model, fmt
        self.paras = [line for p in model.paragraphs for line in p.lines()]
        self.position = {id(p): i for i, p in enumerate(self.paras)}
        self.out = Located()

    def index(self, p: Paragraph) -> int:
        return self.position[id(p)]

    def next_in_container(self, p: Paragraph) -> Paragraph | None:
        """The next paragraph in the same cell (or the next body paragraph)."""
        for q in self.paras[self.index(p) + 1 :]:
            if _same_container(p, q) and q.xml is not p.xml:
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

    # -- the header ---------------------------------------------------------------------------
    def header(self, title: Paragraph | None) -> list[Paragraph]:
        """The header table holding the Quốc hiệu, else the lines above the tên loại."""
        if title is not None and title.location.cells:
            table = title.location.cells[0].table
            self.out.header_table = table
            return [
                p for p in self.paras if p.location.cells and p.location.cells[0].table == table
            ]
        doc_type = self.kind_title(0)
        end = self.index(doc_type) if doc_type is not None else HEADER_FALLBACK
        opening = next((i for i, p in enumerate(self.paras[:end]) if KINH_GUI.match(p.text)), end)
        return self.paras[:opening]

    def kind_title(self, start: int) -> Paragraph | None:
        """The first line after the header naming a kind, before any "Kính gửi" or Nơi nhận."""
        titles = {letters(k.title): k for k in kinds(self.fmt) if k.title}
        for p in self.paras[start:]:
            if p.location.cells:
                continue
            if KINH_GUI.match(p.text) or RECIPIENTS.match(p.text):
                return None
            if letters(p.text) in titles:
                return p
        return None

    def title_block(self, header: list[Paragraph], title: Paragraph | None) -> Paragraph | None:
        fmt = self.fmt
        self.mark(Element.NATIONAL_TITLE, title)
        if fmt.motto:
            wanted = letters(fmt.motto)
            self.mark(Element.MOTTO, next((p for p in header if letters(p.text) == wanted), None))
        number = next((p for p in header if NUMBER_LINE.match(p.text)), None)
        self.mark(Element.NUMBER, number)
        self.mark(Element.PLACE_DATE, next((p for p in header if DATE_LINE.match(p.text)), None))
        if number is not None or title is not None:  # no anchor: any guess would be noise
            self.agency(header, number, title)
        return number

    def agency(self, header: list[Paragraph], number: Paragraph | None, title) -> None:
        """Parent body and issuer: the text above the Số, in the Số's column (without a Số,
        the header column that does not hold the Quốc hiệu)."""
        taken = {id(q) for found in self.out.at.values() for q in found}
        end = header.index(number) if number is not None else len(header)

        def in_column(p: Paragraph) -> bool:
            if number is not None:
                return _same_column(p, number)
            return (
                bool(p.location.cells)
                and bool(title.location.cells)
                and (not _same_column(p, title))
            )

        lines = [
            p
            for p in header[:end]
            if p.text.strip()
            and id(p) not in taken
            and not is_rule(p)
            and not DATE_LINE.match(p.text)
            and in_column(p)
        ]
        # a name broken by a line break is one paragraph: its lines belong together
        first = [p for p in lines if lines and p.xml is lines[0].xml]
        if len(first) < len(lines):
            self.mark(Element.PARENT_BODY, *first)
            lines = lines[len(first) :]
        self.mark(Element.ISSUER, *lines)

    def number_subject(self, number: Paragraph | None) -> list[Paragraph]:
        """A công văn's trích yếu: the lines under the Số in its column ("V/v …")."""
        if number is None:
            return []
        out: list[Paragraph] = []
        for q in self.paras[self.index(number) + 1 :]:
            if not _same_container(q, number) or is_rule(q) or DATE_LINE.match(q.text):
                break
            if not number.location.cells and not (out or q.text.lstrip().startswith("V/v")):
                break  # a header typed as paragraphs: only a "V/v" line follows the Số
            if q.text.strip():
                out.append(q)
            if len(out) == MAX_SUBJECT_LINES:
                break
        return out

    # -- the kind, the title and the body -----------------------------------------------------
    def kind(self, header: list[Paragraph], number: Paragraph | None) -> int:
        """Recognises the kind; returns where the body may start."""
        start = self.index(header[-1]) + 1 if header else 0
        doc_type = self.kind_title(start)
        if doc_type is not None:
            wanted = letters(doc_type.text)
            self.out.kind = next(k for k in kinds(self.fmt) if letters(k.title) == wanted)
            self.mark(Element.DOC_TYPE, doc_type)
            rest = [p for p in self.paras[self.index(doc_type) + 1 :] if not p.location.cells]
            subject = _subject_lines(rest) if self.out.kind.has_subject else []
            self.mark(Element.SUBJECT, *subject)
            last = subject[-1] if subject else doc_type
            below = self.out.after.get(Element.SUBJECT)
            return self.index(below if below is not None else last) + 1
        subject = self.number_subject(number)
        if subject:
            self.out.kind = next(k for k in kinds(self.fmt) if k.subject_under_number)
            self.mark(Element.SUBJECT, *subject)
            return start
        # no kind recognised: the first line after the header stands where the tên loại
        # would; it is named in the finding, and is not judged as body text
        first = next((p for p in self.paras[start:] if p.text.strip()), None)
        if first is None or first.location.cells:
            return start
        self.out.kind_line = squeeze(first.text)
        after = [i for i, p in enumerate(self.paras) if p.xml is first.xml][-1] + 1
        if after < len(self.paras) and is_rule(self.paras[after]):
            after += 1
        return after

    def body(self, start: int) -> None:
        rest = [p for p in self.paras[start : self.signature_start()] if not p.location.cells]
        texts = [p for p in rest if p.text.strip() and not is_rule(p)]
        while texts and KINH_GUI.match(texts[0].text):
            self.out.add(Element.KINH_GUI, texts.pop(0))
            while texts and texts[0].text.lstrip().startswith("-"):
                self.out.add(Element.KINH_GUI, texts.pop(0))
        label = next((p for p in texts if RECIPIENTS.match(p.text)), None)
        for p in texts[: texts.index(label)] if label else texts:
            self.out.add(_body_element(p), p)

    def signature_start(self) -> int:
        """Where the Nơi nhận and signature table starts: what follows it (a phụ lục) is not the
        body; the end of the document when there is no such table."""
        table = self.out.signature_table
        return next(
            (
                i
                for i, p in enumerate(self.paras)
                if any(c.table == table for c in p.location.cells)
            ),
            len(self.paras),
        )

    def is_label(self, p: Paragraph) -> bool:
        if not RECIPIENTS_LABEL.match(p.text):
            return False
        if not p.location.cells:
            return True
        table = self.model.tables[p.location.cells[-1].table]
        return table.cols == 2 and table.rows <= SIGNATURE_TABLE_ROWS

    def signature(self, start: int) -> Paragraph | None:
        label = next((p for p in self.paras[start:] if self.is_label(p)), None)
        if label is None:
            return None
        self.out.add(Element.RECIPIENTS_LABEL, label)
        same = [q for q in self.paras if _same_container(q, label)]
        items = [q for q in same[same.index(label) + 1 :] if q.text.strip()]
        if not label.location.cells:  # no table: the list is the run of "- " lines
            items = _leading(items, lambda q: q.text.lstrip().startswith("-"))
        self.out.add(Element.RECIPIENTS_ITEM, *items)
        if label.location.cells:
            self.signer(label)
        return label

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
        title = next((p for p in self.paras if is_title(p, self.fmt)), None)
        header = self.header(title)
        number = self.title_block(header, title)
        start = self.kind(header, number)
        label = self.signature(start)
        if number is None and label is None:
            return Located(administrative=False)
        self.body(start)
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
    # no rule: only the first paragraph (all its lines, when broken by hand) is the trích yếu
    return [p for p in lines if p.xml is lines[0].xml]


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
    # a line in capitals is a heading: "QUYẾT ĐỊNH:", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"
    # a long line, or one that goes on after a colon, is a numbered paragraph, not a heading
    if len(p.text) > HEADING_MAX_CHARS or re.search(r":\s*\S", p.text):
        return Element.BODY
    if HEADING1.match(p.text) or is_capitals(p.text):
        return Element.HEADING1
    if HEADING2.match(p.text):
        return Element.HEADING2
    return Element.BODY


def locate(model: DocModel, fmt: FormatProfile) -> Located:
    return _Locator(model, fmt).locate()
