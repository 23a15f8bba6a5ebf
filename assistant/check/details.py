"""The finer checks of single elements: Số, date, the lines under header elements.

Each function takes the checker's Context and returns findings; the numbers all come from the
FormatProfile.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.check.context import Context
from assistant.check.docx_model import Paragraph
from assistant.check.elements import squeeze
from assistant.check.findings import (
    ERROR,
    WARNING,
    Finding,
    element_label,
    id_prefix,
    num,
)
from assistant.core import vntext
from assistant.core.doc_kinds import kinds
from assistant.core.formats import Align, Case, Element, FormatProfile, Range, RuleKind
from assistant.core.textwidth import text_width_mm

# (attribute, Vietnamese for on, for off)
STYLES = (
    ("bold", "in đậm", "không in đậm"),
    ("italic", "in nghiêng", "không in nghiêng"),
    ("underline", "gạch chân", "không gạch chân"),
)
CASE_NAMES = {
    Case.UPPER: "chữ in hoa",
    Case.UPPER_INITIAL: "chữ thường, viết hoa chữ đầu",
    Case.LOWER_INITIAL: "chữ thường, chữ đầu viết thường",
    Case.ANY: "",
}
ALIGN_NAMES = {"center": "giữa", "left": "trái", "right": "phải", "justify": "đều hai bên"}
# Our text-width table is Times New Roman's, but a line drawn by hand is rarely exact.
LINE_LENGTH_TOLERANCE = 0.1
NUMBER_LABEL = re.compile(r"^Số\s*(:?)\s*(.*)$")
DATE = re.compile(
    r"^(?P<place>.*?)(?P<comma>,?)\s*ngày\s+(?P<d>\S+)\s+tháng\s+(?P<m>\S+)\s+năm\s+(?P<y>\d+)"
)
BLANK_DATE = re.compile(r"ngày\s+tháng\s+năm\s*$")


def case_ok(text: str, case: Case) -> bool:
    text = text.strip()
    if case is Case.UPPER:
        return text == text.upper()
    if case is Case.UPPER_INITIAL:
        return text == vntext.upper_initial(text)
    if case is Case.LOWER_INITIAL:
        return text == vntext.lower_initial(text)
    return True


def align_ok(found: str, wanted: Align) -> bool:
    # a one-line paragraph justified looks left-aligned: accept it where left is asked
    return found == wanted or (wanted is Align.LEFT and found == Align.JUSTIFY)


def outside(value: float, allowed: Range, unit: str) -> str | None:
    """``None`` when ``value`` is allowed, else how it reads in a finding."""
    return None if value in allowed else f"{num(value)} {unit}"


# -- lines under header elements ------------------------------------------------------------
def _container_width(ctx: Context, p: Paragraph) -> float | None:
    cell = p.location.cell
    if cell is not None:
        return cell.width_mm
    return ctx.model.sections[0].text_width_mm if ctx.model.sections else None


def _text_line_mm(paragraphs: list[Paragraph], fmt: FormatProfile, element: Element) -> float:
    """The longest line of the element's text, as printed."""
    rule = fmt.text[element]
    widths = []
    for p in paragraphs:
        runs = [r for r in p.runs if r.text.strip()]
        size = next((r.size for r in runs if r.size), rule.size.default)
        bold = any(r.bold for r in runs)
        italic = any(r.italic for r in runs)
        for line in p.text.splitlines() or [p.text]:
            widths.append(text_width_mm(line.strip(), size, bold=bold, italic=italic))
    return max(widths, default=0.0)


def rule_findings(
    ctx: Context, element: Element, kind: RuleKind, paragraphs: list[Paragraph]
) -> list:
    fmt, prefix = ctx.fmt, id_prefix(element)
    below = ctx.located.after.get(element)
    text = (below.text.strip() if below else "") or ""
    if kind is RuleKind.NONE:
        return []
    if kind in (RuleKind.ASTERISK, RuleKind.HYPHENS):
        wanted = "*" if kind is RuleKind.ASTERISK else "-----"
        ok = text == "*" if kind is RuleKind.ASTERISK else bool(text) and set(text) == {"-"}
        if ok:
            return []
        return [_missing_rule(ctx, element, paragraphs, f"«{wanted}» ở giữa, dưới dòng chữ")]
    line = below if below is not None and below.bottom_border else None
    if line is None:
        typed = f"dòng ký tự «{text[:20]}»" if text else "không có"
        return [_missing_rule(ctx, element, paragraphs, "đường kẻ liền dưới dòng chữ", typed)]
    width = _container_width(ctx, line)
    if width is None:
        return []
    length = width - line.left_indent_mm - line.right_indent_mm
    text_line = min(_text_line_mm(paragraphs, fmt, element), width)
    if kind is RuleKind.LINE_TEXT:
        allowed = Range(
            text_line * (1 - LINE_LENGTH_TOLERANCE),
            text_line * (1 + LINE_LENGTH_TOLERANCE),
            text_line,
        )
        expected = f"dài bằng dòng chữ (≈ {num(text_line, 0)} mm)"
        ok = length in allowed
    else:
        share = fmt.line_fraction
        expected = (
            f"từ {share.low:.0%} đến {share.high:.0%} dòng chữ "
            f"({num(text_line * share.low, 0)}–{num(text_line * share.high, 0)} mm)"
        )
        ok = text_line > 0 and length / text_line in share
    if ok:
        return []
    return [
        ctx.finding(
            f"{prefix}.rule_length",
            element,
            [line],
            f"đường kẻ dài {num(length, 0)} mm",
            expected,
            f"Đường kẻ dưới {element_label(element, ctx.fmt)} phải {expected}.",
        )
    ]


def _missing_rule(
    ctx: Context,
    element: Element,
    paragraphs: list[Paragraph],
    expected: str,
    found: str = "không có",
) -> Finding:
    return ctx.finding(
        f"{id_prefix(element)}.rule_missing",
        element,
        paragraphs[-1:],
        found,
        expected,
        f"Thiếu {expected} ({element_label(element, ctx.fmt)}).",
    )


# -- Số ---------------------------------------------------------------------------------------
def _number_regex(fmt: FormatProfile) -> re.Pattern:
    pieces = {
        "number": r"(?P<number>\d*)",
        "type": r"(?P<type>[^\W\d_]+)",
        "agency": r"(?P<agency>[^\s/]+)",
    }
    pattern = re.escape(fmt.number_pattern)
    for name, piece in pieces.items():
        pattern = pattern.replace(re.escape("{" + name + "}"), piece)
    return re.compile(pattern)


def number_match(fmt: FormatProfile, p: Paragraph) -> re.Match | None:
    """The Số's parts (number, type, agency) when it has the format's shape."""
    label = NUMBER_LABEL.match(squeeze(p.text))
    return None if label is None else _number_regex(fmt).fullmatch(label.group(2).replace(" ", ""))


def number_findings(ctx: Context, p: Paragraph) -> list[Finding]:
    fmt, text = ctx.fmt, squeeze(p.text)
    label = NUMBER_LABEL.match(text)
    if label is None:
        return []
    out = []
    wants_colon = fmt.number_label.endswith(":")
    if bool(label.group(1)) != wants_colon:
        out.append(
            ctx.finding(
                "number.missing_colon" if wants_colon else "number.colon",
                Element.NUMBER,
                [p],
                text,
                f"«{fmt.number_label}» rồi số và ký hiệu",
                "Sau chữ «Số» phải có dấu hai chấm."
                if wants_colon
                else "Văn bản của Đảng ghi «Số» không có dấu hai chấm.",
            )
        )
    match = number_match(fmt, p)
    example = fmt.format_number("…", 5)
    if "{{" in text:  # a template's "Số: {{ so }}": template.leftover names it
        return out
    if match is None:
        out.append(
            ctx.finding(
                "number.format",
                Element.NUMBER,
                [p],
                text,
                f"dạng «{example}»",
                f"Số, ký hiệu viết theo dạng «{example}».",
            )
        )
        return out
    # the kinds' own ký hiệu are mixed-case: "TTr", "CTr", "QyĐ" (NĐ30 Phụ lục III, I)
    own = match["type"] in {k.symbol for k in kinds(fmt)}
    digits, rest = match["number"], ("" if own else match["type"]) + match["agency"]
    if fmt.number_width and digits and len(digits) < fmt.number_width:
        out.append(
            ctx.finding(
                "number.leading_zero",
                Element.NUMBER,
                [p],
                text,
                f"số nhỏ hơn 10 thêm số 0 phía trước: «{fmt.format_number(match['agency'], int(digits))}»",
                "Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước.",
            )
        )
    if rest != rest.upper():
        out.append(
            ctx.finding(
                "number.symbol_case",
                Element.NUMBER,
                [p],
                text,
                "ký hiệu viết in hoa",
                "Ký hiệu văn bản viết bằng chữ in hoa.",
            )
        )
    return out


# -- date -------------------------------------------------------------------------------------
def date_findings(ctx: Context, p: Paragraph) -> list[Finding]:
    text = squeeze(p.text)
    if BLANK_DATE.search(text) or "{{" in text:
        return []  # left blank to be dated at signing, or a template's (template.leftover)
    match = DATE.match(text)
    if match is None:
        return [_date(ctx, p, "date.format", text, "«Địa danh, ngày … tháng … năm …»", WARNING)]
    out = []
    if not match["comma"] or not match["place"].strip():
        out.append(_date(ctx, p, "date.comma", text, "dấu phẩy sau địa danh"))
    try:
        day, month = int(match["d"]), int(match["m"])
        when = date(int(match["y"]), month, day)
    except ValueError:
        return [*out, _date(ctx, p, "date.invalid", text, "ngày tháng có thật")]
    if match["d"] != vntext.day(when):
        out.append(_date(ctx, p, "date.day_padding", text, f"ngày {vntext.day(when)}"))
    if match["m"] != vntext.month(when):
        out.append(_date(ctx, p, "date.month_padding", text, f"tháng {vntext.month(when)}"))
    return out


_DATE_MESSAGES = {
    "date.format": "Dòng địa danh, ngày tháng không đúng dạng.",
    "date.comma": "Sau địa danh phải có dấu phẩy.",
    "date.invalid": "Ngày tháng không có thật.",
    "date.day_padding": "Ngày nhỏ hơn 10 ghi thêm số 0 phía trước.",
    "date.month_padding": "Tháng 1 và 2 ghi thêm số 0 phía trước (01, 02); "
    "tháng 3 đến 12 không thêm số 0.",
}


def _date(ctx: Context, p: Paragraph, finding_id: str, found: str, expected: str, severity=ERROR):
    return ctx.finding(
        finding_id,
        Element.PLACE_DATE,
        [p],
        found,
        expected,
        _DATE_MESSAGES[finding_id],
        severity,
    )
