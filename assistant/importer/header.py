"""The header of a directive: issuing body, Số and ký hiệu, place and date, trích yếu.

English-model OCR prints the two header columns on one line ("BAN TUYEN GIAO Kién Giang, ngay 03
thang 4 nam 2024"), so each line is first cut where a right-column element begins (the Party or
state motto, or "<Place>, ngày"), then every fragment is classified on its folded form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.importer.vitext import fold, is_upper_text, squash

# Right-column elements, matched on the folded line (OCR reads "Đ" as "P", "Ộ" as "Q").
_RIGHT_COLUMN = re.compile(
    r"\S{3,5} cong san viet nam|cong hoa xa h\S{1,3} chu nghia|[dp]oc\s*\S{2,3}\s*-\s*t\S{1,2}\s*do"
)
_NATIONAL = re.compile(
    r"^[\s*\-_=.]*$|cong san viet nam|cong hoa xa h\S{1,3} chu nghia|"
    r"[dp]oc\s*\S{2,3}\s*-\s*t\S{1,2}\s*do|hanh phu"
)
# "Thái Nguyên, ngày": title-case words just before ", ngày" name the place.
# Words may be joined by dashes: "Bà Rịa - Vũng Tàu", "Phan Rang-Tháp Chàm".
_PLACE_WORD = r"[A-ZĐ][^\s,A-Z-]*(?:-[A-ZĐ][^\s,A-Z-]*)?"
_PLACE_DATE = re.compile(
    rf"(?<!\S)((?:{_PLACE_WORD}\s+(?:[-–]\s+)?){{0,3}}(?:{_PLACE_WORD}|\d{{1,2}}))"
    r"\s*,\s*ng\S{1,2}\s*\S{1,2}"
)
# Old documents write the month in words ("tháng Tám"); folded, longest first.
MONTH_WORDS = {
    "muoi hai": 12, "chap": 12, "muoi mot": 11, "muoi": 10, "gieng": 1, "mot": 1, "hai": 2,
    "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
}  # fmt: skip
_DATE = re.compile(
    r"ng[a-z]{1,2}\s*(?P<d>\S{1,2})\s+th[a-z]{2,3}\s*(?P<m>"
    + "|".join(MONTH_WORDS)
    + r"|\S{1,2})\s+n[a-z]{1,2}\s*(?P<y>\d{4})"
)
# OCR digit look-alikes: "thang &" is month 8; only used with lowered confidence.
_OCR_DIGITS = str.maketrans({"&": "8", "O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
# "Số:", "Số", and English OCR's "S6:", "S6 3270", "S&", "sé", "S 1483".
_NUMBER_LINE = re.compile(
    r"^\W{0,2}s(?:[^\s\d:/-]{1,2}|[60](?=\s*:|\s+\d))?\s*[:.;]?\s*(?=[^\s/-]*\s*[-/])"
)
_SYMBOL = re.compile(r"(?P<head>[^\s/-]*)\s*(?P<sep>[-/])\s*(?P<code>[\wĐđ&.]+(?:[-/][\wĐđ&.]+)*)")
_PARTY_TYPES = ("CV", "KH", "BC", "TB", "HD", "NQ", "CT", "QĐ", "QD", "CTR", "TTR", "QYĐ")
_KINH_GUI = re.compile(r"^\W{0,2}kinh\s*g\S{0,4}\s*:?", re.IGNORECASE)
# "Công văn V/v …": a portal's title line names the type before the V/v.
_SUBJECT_PREFIX = re.compile(r"^(cong van\s+)?(v/v|ve viec)\b\s*:?\s*")
# A portal's title line holding only the symbol: "3313/BVHTTDL-VHDT".
_BARE_SYMBOL = re.compile(r"^\d+\s*[/-]\s*(?=[\w&.]*[A-ZĐ])[\wĐ&.]+(?:[-/][\wĐ&.]+)+$")
BARE_SYMBOL_CONFIDENCE = 0.8  # no "Số:" says it is this document's number
_BODY_START = re.compile(
    r"^(thuc hien|can cu|theo |trong |truoc |nham |de |qua |[ivx]{1,5}\s*[.)/-]\s|dieu \d|"
    r"ngay \d{1,2}\s*[/-]\s*\d|sau khi |vua qua|thoi gian qua)"
)  # "Ngày 5/10/2026, Ban Thường vụ họp …": a header writes its date in words, a body in figures
_NUMBERED = re.compile(r"^\d{1,2}\.\s+[^\W\d_]")  # "1. Ban Tuyên giáo …": no header has one
_SECTION_START = re.compile(r"^[IVX]{1,5}\s*[.)/-]\s|Điều \d")  # "I. MỤC ĐÍCH", "Điều 1."
# The type line of a document without V/v: the subject follows it ("KẾ HOẠCH" / "TRIỂN KHAI …").
DOC_TYPES = (
    "ke hoach", "huong dan", "thong bao", "chi thi", "quyet dinh", "bao cao", "chuong trinh",
    "nghi quyet", "cong dien", "to trinh", "ket luan", "cong van",
)  # fmt: skip
# A decision's authority line ends its subject: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", or the
# collective body itself, "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG".
_AUTHORITY_LINE = re.compile(
    r"^(chu tich|bo truong|giam doc|truong ban|ban thuong vu|thu truong|"
    r"(uy ban|hoi dong) nhan dan (tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran)\b)"
)
# Capitals this long are a subject printed as one paragraph by a portal, not a body sentence.
LONG_UPPER = 300
# Rules glued to a name by a portal or OCR: "UỶ BAN NHÂN DÂN TỈNH AN GIANG******".
_GLUED_RULE = re.compile(r"(?<=\w)\s*[*_=]{2,}\s*$")


@dataclass
class Header:
    """What the importer reads from a directive's header: issuer, number, ký hiệu, place, date,
    type and subject."""

    issuer_lines: list[str] = field(default_factory=list)
    number: str | None = None
    code: str = ""
    separator: str = ""
    symbol_confidence: float = 0.0
    place: str = ""
    date: date | None = None
    date_confidence: float = 0.0
    subject_lines: list[str] = field(default_factory=list)
    subject_prefixed: bool = False
    doc_type: str = ""  # folded type line ("ke hoach"); empty for a công văn
    typed_subject_open: bool = False  # reading the subject under the type line
    subject_upper: bool = False  # the subject is printed in capitals (cased when built)
    party_motto: bool = False
    state_motto: bool = False
    end: int = 0  # index of the first line after the header (the Kính gửi line when present)


def split_columns(line: str) -> list[str]:
    """Cut a merged two-column line where its right-column part begins."""
    if re.search(r"\t|\s\|\s", line):  # a web portal joins the two cells with "|" or a tab
        return [part.strip() for part in re.split(r"\t+|\s\|\s", line) if part.strip()]
    folded = fold(line)
    cuts = [m.start() for m in _RIGHT_COLUMN.finditer(folded)]
    cuts += [m.start(1) for m in _PLACE_DATE.finditer(line) if _DATE.search(folded, m.start(1))]
    cuts = sorted(c for c in cuts if line[:c].strip())
    if not cuts:
        return [line.strip()]
    return [line[: cuts[0]].strip(), line[cuts[0] :].strip()]


def find_kinh_gui(lines: list[str], limit: int) -> int | None:
    for i, line in enumerate(lines[:limit]):
        if _KINH_GUI.match(fold(line)):
            return i
    return None


def header_end(lines: list[str]) -> int:
    """Index of the Kính gửi line, else of the first body line, else a fixed cut."""
    kinh_gui = find_kinh_gui(lines, max(40, len(lines) // 2))
    if kinh_gui is not None:
        return kinh_gui
    for i, line in enumerate(lines[:40]):
        starts_body = _BODY_START.match(fold(line.strip())) and not is_upper_text(line)
        starts_body = starts_body or (len(line) > 40 and line.rstrip().endswith(":"))  # "… sau:"
        too_long = len(line) > (LONG_UPPER if is_upper_text(line) else 110)
        if too_long or (i > 3 and starts_body) or _SECTION_START.match(line.strip()):
            return i
        if i > 3 and _NUMBERED.match(line.strip()):
            return i
    return min(len(lines), 25)


def parse_header(lines: list[str]) -> Header:
    header = Header(end=header_end(lines))
    fragments = [
        _GLUED_RULE.sub("", part)
        for line in _join_cut_dates(lines[: header.end])
        for part in split_columns(line)
    ]
    after_number = False
    gap = False  # a blank line since the last fragment: OCR puts them inside a subject too
    for frag in fragments:
        folded = fold(frag)
        if not frag:
            gap = True
            continue
        if gap and header.subject_lines and not _after_gap(header, frag, folded):
            after_number = False  # the subject ended at the blank line
        gap = False
        if _NATIONAL.search(folded):
            header.party_motto |= "cong san viet nam" in folded
            header.state_motto |= "cong hoa" in folded or bool(re.search(r"t\S{1,2}\s*do", folded))
            continue
        if _DATE.search(folded) and _read_date(header, frag, folded):
            continue
        if _type_line(header, frag, folded):
            after_number = False  # the subject is under the type line, not under the number
            continue
        if header.typed_subject_open:
            header.typed_subject_open = _continues_typed_subject(header, frag, folded)
            if header.typed_subject_open:
                prefix = _SUBJECT_PREFIX.match(folded) if not header.subject_lines else None
                header.subject_lines.append(squash(frag[prefix.end() :] if prefix else frag))
                continue
        if header.code == "" and _read_symbol(header, frag, folded):
            after_number = True
            continue
        if _SUBJECT_PREFIX.match(folded) or (after_number and not is_upper_text(frag)):
            _add_subject(header, frag, folded)
        elif is_upper_text(frag) and not header.code and _is_name(frag):
            if header.subject_lines and not header.doc_type:  # a portal's title line, not a V/v
                header.subject_lines, header.subject_prefixed = [], False
            header.issuer_lines.append(squash(frag))
    return header


def _after_gap(header: Header, frag: str, folded: str) -> bool:
    """After a blank line (OCR leaves them inside a V/v), a line still continues the trích yếu when
    it starts lower case, or when the V/v has one line so far, not closed by punctuation, and the
    line is neither capitals nor a body sentence ("V/v tổ chức tuyên truyền" / "Ngày Pháp luật …")."""
    if frag[:1].islower():
        return True
    one_line = header.subject_prefixed and len(header.subject_lines) == 1
    open_end = one_line and header.subject_lines[0][-1:] not in ".;:"
    return open_end and not is_upper_text(frag) and not _BODY_START.match(folded)


def _type_line(header: Header, frag: str, folded: str) -> bool:
    """ "KẾ HOẠCH", "CHỈ THỊ" …: the document's type, with its subject on the lines below."""
    kind = folded.strip(" :")
    if header.doc_type or header.subject_prefixed or kind not in DOC_TYPES:
        return False
    if not is_upper_text(frag):
        return False
    header.doc_type = kind
    header.subject_lines = []
    header.typed_subject_open = True
    return True


def _continues_typed_subject(header: Header, frag: str, folded: str) -> bool:
    """The subject under a type line: capitals, or one sentence-case phrase ("Ban hành …"); capitals
    may end in a lower-case phrase ("KẾT LUẬN CỦA BAN THƯỜNG VỤ" / "về công tác …")."""
    starts_body = _BODY_START.match(folded) and not is_upper_text(frag)
    too_long = len(frag) > (LONG_UPPER if is_upper_text(frag) else 110)
    if _AUTHORITY_LINE.match(folded) or starts_body or too_long:
        return False
    if not header.subject_lines:
        header.subject_upper = is_upper_text(frag)
        return True
    if not any(c.isalpha() for c in frag) and header.subject_lines[-1].endswith(("-", "–")):
        return True  # "… MÙA KHÔ NĂM 2019 -" / "2020": a period cut after its dash
    same_case = is_upper_text(frag) == header.subject_upper
    return (same_case or frag[:1].islower()) and not frag.startswith("(")


def _is_name(frag: str) -> bool:
    """An agency name, not OCR debris ("2 ^ R ° R") or a wrapped end of the motto ("NAM")."""
    chars = [c for c in frag if not c.isspace()]
    letters = sum(c.isalpha() for c in chars)
    return letters >= 0.8 * len(chars) and fold(frag).strip() not in ("nam", "viet nam")


# A place-date line cut before its end: "Hà Nam, ngày 18 tháng 9" / "năm 2026", "Hà Nam," / "ngày …".
_CUT_DATE = re.compile(r"(,|\bng\S{1,2}\s*\S{1,2}(\s+th\S{2,3}(\s*\S{1,2}(\s+n\S{1,2}m)?)?)?)\s*$")
_DATE_REST = re.compile(
    r"^\s*(ng\S{1,2}\b|th\S{2,3}\b|n\S{1,2}m\b|(19|20)\d{2}\b|\d{1,2}\s+th\S{2,3}\b)"
)  # "… ngày" / "06 tháng 8 năm 2021": a portal cell cut after "ngày"


def _join_cut_dates(lines: list[str]) -> list[str]:
    """Put back the rest of a place-date line that a PDF, OCR or a portal moved to a later line."""
    joined = list(lines)
    for i, line in enumerate(joined):
        folded = fold(line)
        if _DATE.search(folded) or not _CUT_DATE.search(folded):
            continue
        for j in range(i + 1, min(i + 4, len(joined))):
            rest = joined[j].strip()
            year = re.search(r"(?:^|\s)((?:n\S{1,2}m\s+)?(?:19|20)\d{2})\s*$", rest)
            if _DATE_REST.match(fold(rest)) and _DATE.search(fold(f"{line} {rest}")):
                joined[i], joined[j] = f"{line.rstrip()} {rest}", ""
                break
            if year and _DATE.search(fold(f"{line} {year.group(1)}")):
                joined[i] = f"{line.rstrip()} {year.group(1)}"
                joined[j] = rest[: year.start()].rstrip()
                break
    return joined


def _add_subject(header: Header, frag: str, folded: str) -> None:
    prefix = _SUBJECT_PREFIX.match(folded)
    if prefix and not header.subject_prefixed:  # lines taken only for following the number
        header.subject_lines, header.subject_prefixed = [], True
        frag = frag[prefix.end() :]
    elif len(frag) > 110 or (frag[:1].isupper() and _BODY_START.match(folded)):
        return  # a body sentence, not part of a short trích yếu
    header.subject_lines.append(squash(frag))


def _read_date(header: Header, frag: str, folded: str) -> bool:
    match = _DATE.search(folded)
    raw = [frag[match.start(k) : match.end(k)] for k in ("d", "m", "y")]
    fixed = [part.translate(_OCR_DIGITS) for part in raw]
    if match["m"] in MONTH_WORDS:
        raw[1] = fixed[1] = str(MONTH_WORDS[match["m"]])
    if not all(part.isdigit() for part in fixed):
        return False
    try:
        header.date = date(int(fixed[2]), int(fixed[1]), int(fixed[0]))
    except ValueError:
        return False
    header.date_confidence = 0.95 if fixed == raw else 0.5
    place = _PLACE_DATE.search(frag)
    if place:
        header.place = squash(place.group(1))
    return True


def _read_symbol(header: Header, frag: str, folded: str) -> bool:
    start = _NUMBER_LINE.match(folded)
    if not start and _BARE_SYMBOL.match(frag.strip()) and read_symbol(header, frag.strip()):
        header.symbol_confidence = BARE_SYMBOL_CONFIDENCE
        return True
    if not start:
        return False
    if not read_symbol(header, frag, start.end()):
        return False
    hidden = header.number is None and _SYMBOL.match(frag, start.end()).group("head")
    clean = fold(frag[: start.end()]).startswith("so") and not hidden
    header.symbol_confidence = 0.95 if clean else 0.6
    return True


def read_symbol(header: Header, text: str, at: int = 0) -> bool:
    """Number, separator and ký hiệu from "3270-CV/BTGTU" (at ``at`` in ``text``) into ``header``."""
    match = _SYMBOL.match(text, at)
    if not match:
        return False
    head, code = match.group("head"), match.group("code").upper()
    header.number = head if head.isdigit() else None
    header.separator = match.group("sep")
    first, _, rest = code.partition("-")
    if header.separator == "-" and first in _PARTY_TYPES and rest.isalpha():
        code = f"{first}/{rest}"  # English OCR reads "3270-CV/BTGTU" as "3270-CV-BTGTU"
    code = re.sub(r"^(19|20)\d{2}/(?=\D)", "", code)  # "33/2009/QĐ-UBND": the year is the date's
    header.code = re.sub(r"[A-Z]+", lambda m: _LOST_D.get(m.group(), m.group()), code)
    return True


# Type abbreviations that are only ever written with Đ: "QD-BTTTT" is a copy that lost its marks.
_LOST_D = {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "QYD": "QYĐ"}
