""" "Sửa thể thức": rewrites what the layout rules govern, keeps everything else.

``fix(source, target, format_id=None, force=False) -> list[str]`` (the changes, in Vietnamese).
Governed: page size and margins, fonts of every run and style (theme fonts replaced), the size,
bold, italic, underline, capitals and alignment of each header and signature element, the date's
padding, the Tiêu ngữ's hyphens, the lines under names, the body paragraphs' format, and the page
number from page 2. Text is never retyped except the date and the Tiêu ngữ; tables' content,
images, footnotes, comments and tracked changes are left as they are. The original file is never
written; a document whose structure is not recognised is refused, not half fixed.
"""

from __future__ import annotations

import copy
import io
import re
from datetime import date
from pathlib import Path

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml.etree import _Element

from assistant.check import wordml
from assistant.check.checker import choose
from assistant.check.details import DATE, LINE_LENGTH_TOLERANCE, NUMBER_LABEL, case_ok
from assistant.check.docx_model import Paragraph, _runs, open_document, read_model
from assistant.check.elements import BODY_ELEMENTS, Located, locate, squeeze
from assistant.check.kind_checks import kind_profile
from assistant.core import vntext
from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_bytes
from assistant.core.formats import Align, Case, Element, FormatProfile, RuleKind, TextRule
from assistant.core.textwidth import text_width_mm

_JC = {Align.CENTER: "center", Align.LEFT: "left", Align.RIGHT: "right", Align.JUSTIFY: "both"}
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
LINE_RULES = {Element.MOTTO: "under_motto", Element.ISSUER: "under_issuer"}


class _Fixer:
    def __init__(
        self, document: Document, fmt: FormatProfile, located: Located, reading: list[Paragraph]
    ) -> None:
        self.doc, self.fmt, self.located = document, fmt, located
        self.reading = {id(p.xml): i for i, p in enumerate(reading)}  # paragraphs in reading order
        self.changes: list[str] = []

    def note(self, text: str) -> None:
        if text not in self.changes:
            self.changes.append(text)

    # -- page ---------------------------------------------------------------------------------
    def page(self) -> None:
        fmt = self.fmt
        for number, section in enumerate(self.doc.sections, start=1):
            width, height = section.page_width, section.page_height
            if (
                width is None
                or abs(width.mm - fmt.page_width_mm) > 0.5
                or (height is None or abs(height.mm - fmt.page_height_mm) > 0.5)
            ):
                section.orientation = 0
                section.page_width, section.page_height = (
                    Mm(fmt.page_width_mm),
                    Mm(fmt.page_height_mm),
                )
                self.note(f"Phần {number}: khổ giấy A4 đứng.")
            for side, name in (
                ("top", "trên"),
                ("bottom", "dưới"),
                ("left", "trái"),
                ("right", "phải"),
            ):
                allowed = getattr(fmt, f"margin_{side}_mm")
                value = getattr(section, f"{side}_margin")
                if value is None or value.mm not in allowed:
                    setattr(section, f"{side}_margin", Mm(allowed.default))
                    self.note(f"Phần {number}: lề {name} {allowed.default:g} mm.")

    # -- fonts --------------------------------------------------------------------------------
    def fonts(self) -> None:
        roots = [self.doc.element, self.doc.styles.element]
        for section in self.doc.sections:
            for part in (section.header, section.footer, section.first_page_header):
                if not part.is_linked_to_previous:
                    roots.append(part._element)
        changed = sum(self._fonts_in(root) for root in roots)
        changed += self._default_fonts()
        if changed:
            self.note(f"Phông chữ {self.fmt.font} cho mọi đoạn chữ và kiểu chữ ({changed} chỗ).")

    def _fonts_in(self, root: _Element) -> int:
        changed = 0
        for fonts in root.iter(qn("w:rFonts")):
            changed += self._set_fonts(fonts)
        return changed

    def _set_fonts(self, fonts: _Element) -> int:
        """1 when the font a Vietnamese text shows (ascii, hAnsi, or a theme's) was another."""
        themed = any(fonts.get(qn(f"w:{slot}Theme")) for slot in FONT_SLOTS)
        shown = {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi")} - {None}
        if not themed and shown <= {self.fmt.font} and shown:
            return 0
        before = dict(fonts.attrib)
        for slot in FONT_SLOTS:
            fonts.attrib.pop(qn(f"w:{slot}Theme"), None)
            fonts.set(qn(f"w:{slot}"), self.fmt.font)
        return int(dict(fonts.attrib) != before)

    def _default_fonts(self) -> int:
        """The document defaults name the font too, so a run that names none shows it."""
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = OxmlElement("w:docDefaults")
            self.doc.styles.element.insert(0, defaults)
        rpr_default = wordml.get_or_add(defaults, "w:rPrDefault", first=True)
        rpr = wordml.get_or_add(rpr_default, "w:rPr")
        return self._set_fonts(wordml.get_or_add(rpr, "w:rFonts", first=True))

    # -- elements -----------------------------------------------------------------------------
    def elements(self) -> None:
        for element, lines in self.located.at.items():
            rule = self.fmt.text.get(element)
            if rule is None:
                continue
            for line in lines:
                self._text_rule(line, element, rule)

    def _text_rule(self, line: Paragraph, element: Element, rule: TextRule) -> None:
        runs = wordml.line_runs(line)
        label = _label(element)
        if any(r.size is None or r.size not in rule.size for r in line.runs if r.text.strip()):
            for r in runs:
                wordml.set_size(r, rule.size.default)
            self.note(f"{label}: cỡ chữ {rule.size.default:g} pt.")
        if element is Element.BODY:  # emphasis in the body is the writer's: only the size
            return
        for attr, tag, name in (
            ("bold", "w:b", "in đậm"),
            ("italic", "w:i", "in nghiêng"),
            ("underline", "w:u", "gạch chân"),
        ):
            wanted = getattr(rule, attr)
            if any(getattr(r, attr) != wanted for r in line.runs if r.text.strip()):
                for r in runs:
                    wordml.set_toggle(r, tag, wanted)
                self.note(f"{label}: {'' if wanted else 'không '}{name}.")
        shown = "".join(r.text.upper() if r.caps else r.text for r in line.runs)
        if rule.case is Case.UPPER and shown != shown.upper():
            for r in runs:
                wordml.set_toggle(r, "w:caps", True)
            self.note(f"{label}: chữ in hoa.")
        # a one-line justified paragraph looks left-aligned: accepted where left is asked
        left_enough = rule.align is Align.LEFT and line.align == "justify"
        aligned = element in BODY_ELEMENTS or element is Element.PAGE_NUMBER or left_enough
        if not aligned and line.align != rule.align.value:
            wordml.get_or_add(wordml.paragraph_properties(line.xml), "w:jc").set(
                qn("w:val"), _JC[rule.align]
            )
            self.note(f"{label}: căn lề.")

    # -- texts the rules fix ------------------------------------------------------------------
    def date(self) -> None:
        line = self.located.one(Element.PLACE_DATE)
        if line is None:
            return
        match = DATE.match(squeeze(line.text))
        if match is None:
            return
        try:
            when = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return
        text = f"{match['place'].strip()}, ngày {vntext.day(when)} tháng {vntext.month(when)} "
        text += f"năm {when.year}"
        if text != squeeze(line.text):
            wordml.retype(line, text)
            self.note(f"Địa danh, ngày tháng: «{text}».")

    def number(self) -> None:
        """ "Số: 5/BC-…" → "Số: 05/BC-…"; the colon as the format writes it ("Số 15-BC/…" for the
        Party). The number and the ký hiệu themselves are the clerk's, kept as typed."""
        line = self.located.one(Element.NUMBER)
        if line is None or "{{" in line.text:
            return
        text = squeeze(line.text)
        label = NUMBER_LABEL.match(text)
        parts = re.fullmatch(r"(\d+)(\S+)", label.group(2).replace(" ", "")) if label else None
        if parts is None:
            return
        digits = parts[1].zfill(self.fmt.number_width) if self.fmt.number_width else parts[1]
        wanted = f"{self.fmt.number_label} {digits}{parts[2]}"
        if wanted != text:
            wordml.retype(line, wanted)
            self.note(f"Số, ký hiệu: «{wanted}».")

    def case_of_initial(self) -> None:
        """A trích yếu whose first letter's case is not the format's ("về công tác…" for the Party):
        only that letter changes."""
        rule = self.fmt.text.get(Element.SUBJECT)
        lines = self.located.at.get(Element.SUBJECT, [])
        if rule is None or not lines or rule.case not in (Case.LOWER_INITIAL, Case.UPPER_INITIAL):
            return
        first = lines[0]
        shown = squeeze(first.text)
        if "{{" in shown or case_ok(shown, rule.case):
            return
        lower = rule.case is Case.LOWER_INITIAL
        for t in (t for r in wordml.line_runs(first) for t in r.findall(qn("w:t"))):
            if t.text and t.text.strip():
                start = len(t.text) - len(t.text.lstrip())
                letter = t.text[start]
                t.text = (
                    t.text[:start]
                    + (letter.lower() if lower else letter.upper())
                    + t.text[start + 1 :]
                )
                break
        self.note(f"Trích yếu: chữ đầu viết {'thường' if lower else 'hoa'}.")

    def end_mark(self) -> None:
        """The body ends with the format's mark ("./."), added after the last paragraph's text."""
        mark = self.fmt.end_mark
        lines = [p for e in BODY_ELEMENTS for p in self.located.at.get(e, [])]
        if not mark or not lines:
            return
        last = max(lines, key=lambda p: (self.reading.get(id(p.xml), -1), p.line_of))
        text = last.text.rstrip()
        if not text or text.endswith(mark) or "{{" in text:
            return
        runs = [r for r in wordml.line_runs(last) if r.find(qn("w:t")) is not None]
        if not runs:
            return
        t = runs[-1].findall(qn("w:t"))[-1]
        t.text = (t.text or "").rstrip().removesuffix(".") + mark
        self.note(f"Nội dung: thêm «{mark}» ở cuối.")

    def motto(self) -> None:
        line = self.located.one(Element.MOTTO)
        if line is not None and self.fmt.motto and squeeze(line.text) != self.fmt.motto:
            wordml.retype(line, self.fmt.motto)
            self.note(f"Tiêu ngữ: «{self.fmt.motto}».")

    # -- rules under names --------------------------------------------------------------------
    def rules(self) -> None:
        """A drawn line under the Tiêu ngữ, the issuer and the trích yếu where the format asks
        for one: drawn when missing, redrawn at its length when too short or long, and drawn in
        place of a row of hyphens typed as text."""
        for element in (Element.MOTTO, Element.ISSUER, Element.SUBJECT):
            kind = getattr(self.fmt, LINE_RULES.get(element, "under_subject"))
            lines = self.located.at.get(element)
            if not lines:
                continue
            if kind in (RuleKind.ASTERISK, RuleKind.HYPHENS):
                self._mark_below(lines, element, "*" if kind is RuleKind.ASTERISK else "-----")
                continue
            if kind not in (RuleKind.LINE_TEXT, RuleKind.LINE_FRACTION):
                continue
            below = self.located.after.get(element)
            text = below.text.strip() if below is not None else ""
            if below is not None and below.bottom_border and not text:
                if not self._rule_length_ok(lines, kind, element, below):
                    self._draw_rule(lines, kind, element, instead_of=below)
            elif text and set(text) <= TYPED_RULE:
                self._draw_rule(lines, kind, element, instead_of=below)
            elif not text:
                self._draw_rule(lines, kind, element)

    def _mark_below(self, lines: list[Paragraph], element: Element, mark: str) -> None:
        """The Party's "*" under the issuer, "-----" under the trích yếu: a line of the element's
        own format holding the mark, not bold (as the writer makes it)."""
        below = self.located.after.get(element)
        if below is not None and squeeze(below.text) == mark:
            return
        p = copy.deepcopy(lines[-1].xml)
        runs = list(_runs(p))
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        run = OxmlElement("w:r")
        if runs and runs[0].find(qn("w:rPr")) is not None:
            run.append(copy.deepcopy(runs[0].find(qn("w:rPr"))))
        wordml.set_toggle(run, "w:b", False)
        text = OxmlElement("w:t")
        text.text = mark
        run.append(text)
        p.append(run)
        lines[-1].xml.addnext(p)
        self.note(f"{_label(element)}: thêm «{mark}» ở dưới.")

    def _rule_geometry(self, lines: list[Paragraph], kind: RuleKind, element: Element):
        """(length, container width) in mm of the line a rule under ``lines`` should have."""
        rule = self.fmt.text[element]
        width = max(text_width_mm(p.text.strip(), rule.size.default, bold=rule.bold) for p in lines)
        length = width if kind is RuleKind.LINE_TEXT else width * self.fmt.line_fraction.default
        cell = lines[-1].location.cell
        container = cell.width_mm if cell is not None and cell.width_mm else 165.0
        return min(length, container), container

    def _rule_length_ok(
        self, lines: list[Paragraph], kind: RuleKind, element: Element, drawn: Paragraph
    ) -> bool:
        length, container = self._rule_geometry(lines, kind, element)
        drawn_length = container - drawn.left_indent_mm - drawn.right_indent_mm
        return abs(drawn_length - length) <= length * RULE_LENGTH_SLACK

    def _draw_rule(
        self,
        lines: list[Paragraph],
        kind: RuleKind,
        element: Element,
        instead_of: Paragraph | None = None,
    ) -> None:
        length, container = self._rule_geometry(lines, kind, element)
        p = OxmlElement("w:p")
        ppr = wordml.get_or_add(p, "w:pPr")
        borders = wordml.get_or_add(ppr, "w:pBdr")
        bottom = wordml.get_or_add(borders, "w:bottom")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
            bottom.set(qn(f"w:{key}"), value)
        indent = wordml.get_or_add(ppr, "w:ind")
        side = str(round((container - length) / 2 * 1440 / 25.4))
        indent.set(qn("w:left"), side)
        indent.set(qn("w:right"), side)
        if instead_of is None:
            lines[-1].xml.addnext(p)
            self.note(f"{_label(element)}: thêm đường kẻ dưới.")
            return
        typed = instead_of.text.strip()
        instead_of.xml.addprevious(p)
        instead_of.xml.getparent().remove(instead_of.xml)
        what = f"thay dòng ký tự «{typed[:12]}» bằng đường kẻ liền" if typed else "kẻ lại đường kẻ"
        self.note(f"{_label(element)}: {what} dưới dòng chữ.")

    # -- body and page number -----------------------------------------------------------------
    def body(self) -> None:
        rule, changed = self.fmt.body, 0
        for p in self.located.at.get(Element.BODY, []):
            if p.line_of > 1:
                continue
            fmt = _paragraph(self.doc, p.xml).paragraph_format
            fixes = (
                (p.align != "justify", "alignment", WD_ALIGN_PARAGRAPH.JUSTIFY),
                (
                    p.first_line_cm not in rule.first_line_indent_cm,
                    "first_line_indent",
                    Pt(rule.first_line_indent_cm.default * 72 / 2.54),
                ),
                (
                    p.space_after_pt not in rule.space_after_pt,
                    "space_after",
                    Pt(rule.space_after_pt.default),
                ),
                (
                    not _line_spacing_ok(p, self.fmt),
                    "line_spacing",
                    Pt(rule.line_spacing_pt.default),
                ),
            )
            for wrong, attr, value in fixes:
                if wrong:
                    setattr(fmt, attr, value)
                    changed += 1
        if changed:
            self.note("Nội dung: căn đều, lùi đầu dòng, giãn dòng, cách đoạn theo quy định.")

    def page_number(self) -> None:
        section = self.doc.sections[0]
        header = section.header
        has_field = any(
            "PAGE" in (t.text or "") for t in header._element.iter(qn("w:instrText"))
        ) or any(
            "PAGE" in f.get(qn("w:instr"), "") for f in header._element.iter(qn("w:fldSimple"))
        )
        if not has_field or header.is_linked_to_previous:
            header.is_linked_to_previous = False
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE")
            run = OxmlElement("w:r")
            wordml.set_size(run, self.fmt.text[Element.PAGE_NUMBER].size.default)
            fonts = wordml.get_or_add(wordml.get_or_add(run, "w:rPr"), "w:rFonts", first=True)
            self._set_fonts(fonts)
            text = OxmlElement("w:t")
            text.text = "2"
            run.append(text)
            field.append(run)
            p._p.append(field)
            self.note("Số trang: chèn số trang ở giữa đầu trang.")
        if (
            not self.fmt.page_number_on_first_page
            and not section.different_first_page_header_footer
        ):
            section.different_first_page_header_footer = True
            self.note("Số trang: không hiện ở trang đầu.")

    def tables(self) -> None:
        """The header and signature tables are for layout only: no borders."""
        tables = list(self.doc.element.body.iter(qn("w:tbl")))
        for index in (self.located.header_table, self.located.signature_table):
            if index is None or index >= len(tables):
                continue
            tbl_pr = wordml.get_or_add(tables[index], "w:tblPr")
            borders = tbl_pr.find(qn("w:tblBorders"))
            if borders is not None and all(b.get(qn("w:val")) in ("nil", "none") for b in borders):
                continue
            if borders is not None:
                tbl_pr.remove(borders)
            borders = OxmlElement("w:tblBorders")
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                border = OxmlElement(f"w:{edge}")
                border.set(qn("w:val"), "nil")
                borders.append(border)
            tbl_pr.append(borders)
            self.note("Bỏ đường kẻ của bảng bố cục (phần đầu, chữ ký).")

    def run(self) -> list[str]:
        self.page()
        self.tables()
        self.fonts()
        self.motto()
        self.date()
        self.number()
        self.elements()
        self.case_of_initial()
        self.rules()
        self.body()
        self.end_mark()
        self.page_number()
        return self.changes


TYPED_RULE = set("-_─–—")  # a rule typed as a row of characters instead of drawn
RULE_LENGTH_SLACK = LINE_LENGTH_TOLERANCE / 2  # redrawn only when clearly off


def _paragraph(document: Document, p: _Element):
    from docx.text.paragraph import Paragraph as DocxParagraph

    return DocxParagraph(p, document._body)


def _line_spacing_ok(p: Paragraph, fmt: FormatProfile) -> bool:
    from assistant.check.body_checks import line_spacing_pt

    rule = fmt.body
    size = fmt.text[Element.BODY].size.default
    return line_spacing_pt(p, rule.single_line_factor, size) in rule.line_spacing_pt


def _label(element: Element) -> str:
    from assistant.check.findings import ELEMENT_LABELS

    return ELEMENT_LABELS.get(element, str(element))


# -- entry point ---------------------------------------------------------------------------------
def fix(source: Path, target: Path, format_id: str | None = None, force: bool = False) -> list[str]:
    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve():
        raise UserError(
            "Không ghi đè tệp gốc: hãy chọn một tệp khác để lưu bản đã sửa.",
            f"fix target is the source: {target}",
        )
    if target.exists() and not force:
        raise UserError(
            f"Tệp «{target.name}» đã có; chọn tên khác hoặc dùng --force để ghi đè.",
            f"fix target exists: {target}",
        )
    document = open_document(source)
    model = read_model(document)
    fmt, _ = choose(model, format_id)
    located = locate(model, fmt)
    missing = [e for e in (Element.NATIONAL_TITLE, Element.NUMBER) if e not in located.at]
    if not located.administrative or missing or Element.BODY not in located.at:
        raise UserError(
            f"Không nhận ra cấu trúc văn bản hành chính của «{source.name}» (Quốc hiệu, số và "
            "ký hiệu, nội dung, nơi nhận) nên không sửa, để không làm hỏng văn bản.",
            f"{source}: structure not recognised (missing {missing}, "
            f"administrative={located.administrative})",
        )
    changes = _Fixer(document, kind_profile(fmt, located.kind), located, model.paragraphs).run()
    buffer = io.BytesIO()
    document.save(buffer)
    atomic_write_bytes(target, buffer.getvalue())
    return changes
