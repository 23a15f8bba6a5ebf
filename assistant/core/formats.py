"""Layout rules of each document format, as data read by one writer and one checker.

* ``nd30`` — state bodies: Nghị định 30/2020/NĐ-CP, Phụ lục I (spec/formatting.md §2–4, §10).
* ``hd36`` — Party bodies: Hướng dẫn 36-HD/VPTW (2018), Phụ lục 3 (spec §5, §10). Where sources
  disagree (spec §9) the HD36 table (S4) wins, and the choice is one value here.
* ``hd05`` — the 2026 Party guidance is said to keep HD36's figures (spec §0, S8, not confirmed):
  it is HD36 under another name until its text is seen; change the values here when it is.

Units: sizes in points, lengths in millimetres, indents in centimetres. Each numeric rule is a
:class:`Range`: the checker accepts anything inside it, the writer uses its ``default``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from assistant.core.errors import UserError


@dataclass(frozen=True)
class Range:
    """A numeric rule: the checker accepts ``low``–``high``, the writer uses ``default``."""

    low: float
    high: float
    default: float

    def __contains__(self, value: float) -> bool:
        return self.low - 0.05 <= value <= self.high + 0.05

    def describe(self) -> str:
        fmt = "{:g}".format
        return fmt(self.low) if self.low == self.high else f"{fmt(self.low)}–{fmt(self.high)}"


def exactly(value: float) -> Range:
    return Range(value, value, value)


class Case(StrEnum):
    UPPER = "upper"  # IN HOA
    UPPER_INITIAL = "upper_initial"  # "Về công tác…"
    LOWER_INITIAL = "lower_initial"  # Party trích yếu: "về công tác…"
    ANY = "any"


class Align(StrEnum):
    CENTER = "center"
    LEFT = "left"
    RIGHT = "right"
    JUSTIFY = "justify"


class Element(StrEnum):
    """The layout elements of a report (the 'ô' of the layout diagrams)."""

    NATIONAL_TITLE = "national_title"  # Quốc hiệu / "ĐẢNG CỘNG SẢN VIỆT NAM"
    MOTTO = "motto"  # Tiêu ngữ (state only)
    PARENT_BODY = "parent_body"  # cơ quan chủ quản / cấp trên trực tiếp
    ISSUER = "issuer"  # cơ quan ban hành: the reporting agency
    NUMBER = "number"  # Số, ký hiệu
    PLACE_DATE = "place_date"
    DOC_TYPE = "doc_type"  # "BÁO CÁO"
    SUBJECT = "subject"  # trích yếu
    KINH_GUI = "kinh_gui"
    BODY = "body"
    HEADING1 = "heading1"  # "I. TÌNH HÌNH …"
    HEADING2 = "heading2"  # "1. Ưu điểm"
    SIGNER_AUTHORITY = "signer_authority"  # "KT. GIÁM ĐỐC", "T/M BAN THƯỜNG VỤ"
    SIGNER_TITLE = "signer_title"  # "PHÓ GIÁM ĐỐC"
    SIGNER_NAME = "signer_name"
    RECIPIENTS_LABEL = "recipients_label"  # "Nơi nhận:"
    RECIPIENTS_ITEM = "recipients_item"
    PAGE_NUMBER = "page_number"


@dataclass(frozen=True)
class TextRule:
    """How one element of the page is set: size, weight, slant, case and alignment."""

    size: Range
    bold: bool = False
    italic: bool = False
    underline: bool = False
    case: Case = Case.ANY
    align: Align = Align.CENTER


class RuleKind(StrEnum):
    """What stands under a header element."""

    NONE = "none"
    LINE_TEXT = "line_text"  # a solid line as long as the text above it
    LINE_FRACTION = "line_fraction"  # a solid line 1/3–1/2 of the text above it
    ASTERISK = "asterisk"  # "*" centred (Party issuer)
    HYPHENS = "hyphens"  # "-----" (Party trích yếu)


@dataclass(frozen=True)
class BodyRule:
    """How the body's paragraphs are set: first-line indent, spacing and alignment."""

    first_line_indent_cm: Range
    space_after_pt: Range
    line_spacing_pt: Range  # exact spacing; a "multiple" spacing is converted at 1.15 × size
    align: Align = Align.JUSTIFY
    single_line_factor: float = 1.15  # one "single" line of Times New Roman, in font sizes


@dataclass(frozen=True)
class TableRule:
    """A table of figures: NĐ30 sets no size for a table's text, so its cells keep to the body's
    range (13–14 pt for NĐ30); the header row is bold and centred, numbers right-aligned so that
    their digits line up, every cell ruled with a thin single line."""

    header: TextRule
    cell: TextRule
    number_align: Align = Align.RIGHT
    border_eighths_pt: int = 4  # w:sz of a single border: 4 eighths = ½ pt
    total_bold: bool = True  # the «Tổng cộng» row
    repeat_header: bool = True  # a table running onto another page shows its header again


@dataclass(frozen=True)
class AppendixRule:
    """A Phụ lục (NĐ30 Phụ lục I, Phần I, III.1): "Phụ lục" on its own line, centred, 14 bold (a
    Roman numeral follows only when there are two or more); its title centred, IN HOA, 13–14 bold;
    under it, centred, 13–14 italic, what it goes with: "(Kèm theo văn bản số …/…-… ngày … tháng
    … năm …)", i.e. number and symbol, date and issuer (III.1c); its pages numbered on their own
    (III.1đ), so it starts a new section on a new page."""

    label: str
    heading: TextRule
    title: TextRule
    attached: TextRule
    table: TableRule
    caption: TextRule  # the task a table belongs to, above it
    attached_pattern: str = "(Kèm theo {doc} số {symbol}{sep}ngày {date} của {issuer})"
    restart_page_numbers: bool = True


# Signing for a collective (thay mặt), for the head (ký thay), by delegation (thừa lệnh): the
# state prefix (NĐ30 Điều 13) and the Party one (HD36, spec/formatting.md §5) of each.
SIGNATURE_PREFIXES = (("TM.", "T/M"), ("KT.", "K/T"), ("TL.", "T/L"))


@dataclass(frozen=True)
class FormatProfile:
    """Every layout rule of one document format (nd30, hd36…): the page, each element, the body."""

    id: str
    name: str  # Vietnamese, for menus and messages
    party: bool  # a Party layout (HD36 family) rather than the state one
    page_width_mm: float
    page_height_mm: float
    margin_top_mm: Range
    margin_bottom_mm: Range
    margin_left_mm: Range
    margin_right_mm: Range
    header_columns_mm: tuple[float, float]  # widths of the header/signature table columns
    text: dict[Element, TextRule]
    body: BodyRule
    national_title: str
    motto: str  # empty: no Tiêu ngữ
    accepted_national_titles: tuple[str, ...]  # spellings a checker accepts ("HÒA"/"HOÀ")
    under_national_title: RuleKind
    under_motto: RuleKind
    under_issuer: RuleKind
    under_subject: RuleKind
    number_label: str  # "Số:" or "Số"
    number_pattern: str  # "{number}/{type}-{agency}" or "{number}-{type}/{agency}"
    number_width: int  # zero-padding of the number (NĐ30: numbers below 10 get a 0)
    unnumbered_placeholder: str  # printed before a number is issued
    report_type: str  # ký hiệu of the document type: "BC"
    heading_numbering: str  # "{label}." or "{label}-"
    uses_kinh_gui: bool
    end_mark: str  # "./." or "."
    recipients_label: str
    first_recipient: str  # "Như trên" when there is a Kính gửi
    archive_prefix: str  # last Nơi nhận line: "Lưu: VT" (+ ", unit") / "Lưu" (+ " unit")
    archive_joiner: str
    recipient_separator: str  # ends each Nơi nhận line but the last
    citation_separator: str  # between a cited number and "ngày": " " or ", "
    staff_term: str  # how the agency's people are named: state and Party wording differ
    subject_case: Case
    page_number_from_top_mm: float
    page_number_on_first_page: bool = False
    font: str = "Times New Roman"
    citation: str = ""  # where the rules come from, quoted by the checker's findings
    # RuleKind.LINE_FRACTION: the line is 1/3 to 1/2 of the text line above it (NĐ30 II.2b, II.5b)
    line_fraction: Range = Range(1 / 3, 1 / 2, 0.4)
    appendix: AppendixRule | None = None  # None: this format writes no Phụ lục

    def archive_line(self, unit: str) -> str:
        """The last Nơi nhận line: "Lưu: VT, TKBT." (state) or "Lưu Văn phòng." (Party)."""
        return f"{self.archive_prefix}{self.archive_joiner + unit if unit else ''}."

    def signature_line(self, text: str) -> str:
        """An authority line in this system's own prefixes: "KT. GIÁM ĐỐC" becomes
        "K/T GIÁM ĐỐC" in a Party document, "T/M BAN THƯỜNG VỤ" "TM. BAN THƯỜNG VỤ" in a state one."""
        text = text.strip().upper()
        for state, party in SIGNATURE_PREFIXES:
            for prefix in (state, state.rstrip("."), party):
                if text.startswith(prefix + " "):
                    own = party if self.party else state
                    return f"{own} {text[len(prefix) :].lstrip()}"
        return text

    def rule(self, element: Element) -> TextRule:
        return self.text[element]

    def format_number(self, agency_symbol: str, number: int | None) -> str:
        """The Số line: "Số: 05/BC-PTTH", "Số 15-BC/BTGTU", or the blank form."""
        return f"{self.number_label} {self.number_symbol(agency_symbol, number)}"

    def number_symbol(self, agency_symbol: str, number: int | None) -> str:
        """Number and symbol alone: "05/BC-PTTH", "15-BC/BTGTU", or the blank form."""
        if number is None:
            digits = self.unnumbered_placeholder
        else:
            digits = f"{number:0{self.number_width}d}" if self.number_width else str(number)
        return self.number_pattern.format(
            number=digits, type=self.report_type, agency=agency_symbol
        )


ND30 = FormatProfile(
    id="nd30",
    name="Nhà nước (Nghị định 30/2020/NĐ-CP)",
    party=False,
    page_width_mm=210,
    page_height_mm=297,
    margin_top_mm=Range(20, 25, 20),
    margin_bottom_mm=Range(20, 25, 20),
    margin_left_mm=Range(30, 35, 30),
    margin_right_mm=Range(15, 20, 15),
    header_columns_mm=(68, 97),
    text={
        Element.NATIONAL_TITLE: TextRule(Range(12, 13, 12), bold=True, case=Case.UPPER),
        Element.MOTTO: TextRule(Range(13, 14, 13), bold=True),
        Element.PARENT_BODY: TextRule(Range(12, 13, 12), case=Case.UPPER),
        Element.ISSUER: TextRule(Range(12, 13, 12), bold=True, case=Case.UPPER),
        Element.NUMBER: TextRule(Range(13, 13, 13)),
        Element.PLACE_DATE: TextRule(Range(13, 14, 13), italic=True),
        Element.DOC_TYPE: TextRule(Range(13, 14, 14), bold=True, case=Case.UPPER),
        Element.SUBJECT: TextRule(Range(13, 14, 14), bold=True, case=Case.UPPER_INITIAL),
        Element.KINH_GUI: TextRule(Range(13, 14, 14)),
        Element.BODY: TextRule(Range(13, 14, 14), align=Align.JUSTIFY),
        Element.HEADING1: TextRule(
            Range(13, 14, 14), bold=True, case=Case.UPPER, align=Align.JUSTIFY
        ),
        Element.HEADING2: TextRule(Range(13, 14, 14), bold=True, align=Align.JUSTIFY),
        Element.SIGNER_AUTHORITY: TextRule(Range(13, 14, 14), bold=True, case=Case.UPPER),
        Element.SIGNER_TITLE: TextRule(Range(13, 14, 14), bold=True, case=Case.UPPER),
        Element.SIGNER_NAME: TextRule(Range(13, 14, 14), bold=True),
        Element.RECIPIENTS_LABEL: TextRule(exactly(12), bold=True, italic=True, align=Align.LEFT),
        Element.RECIPIENTS_ITEM: TextRule(exactly(11), align=Align.LEFT),
        Element.PAGE_NUMBER: TextRule(Range(13, 14, 14)),
    },
    body=BodyRule(
        first_line_indent_cm=Range(1.0, 1.27, 1.27),
        space_after_pt=Range(6, 24, 6),
        # single (about 1.15 × 14 pt) up to 1.5 lines
        line_spacing_pt=Range(15, 24.2, 18),
    ),
    national_title="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto="Độc lập - Tự do - Hạnh phúc",
    accepted_national_titles=(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ),
    under_national_title=RuleKind.NONE,
    under_motto=RuleKind.LINE_TEXT,
    under_issuer=RuleKind.LINE_FRACTION,
    under_subject=RuleKind.LINE_FRACTION,
    number_label="Số:",
    number_pattern="{number}/{type}-{agency}",
    number_width=2,
    unnumbered_placeholder="      ",
    report_type="BC",
    heading_numbering="{label}.",
    uses_kinh_gui=True,
    end_mark="./.",
    recipients_label="Nơi nhận:",
    first_recipient="Như trên",
    archive_prefix="Lưu: VT",
    archive_joiner=", ",
    recipient_separator=";",
    citation_separator=" ",
    staff_term="cán bộ, công chức, viên chức, người lao động",
    subject_case=Case.UPPER_INITIAL,
    page_number_from_top_mm=10,
    citation="NĐ 30/2020/NĐ-CP, Phụ lục I",
    appendix=AppendixRule(
        label="Phụ lục",
        heading=TextRule(exactly(14), bold=True),
        title=TextRule(Range(13, 14, 14), bold=True, case=Case.UPPER),
        attached=TextRule(Range(13, 14, 14), italic=True),
        table=TableRule(
            header=TextRule(Range(13, 14, 13), bold=True),
            cell=TextRule(Range(13, 14, 13), align=Align.LEFT),
        ),
        caption=TextRule(Range(13, 14, 14), bold=True, align=Align.LEFT),
    ),
)

HD36 = FormatProfile(
    id="hd36",
    name="Đảng (Hướng dẫn 36-HD/VPTW)",
    party=True,
    page_width_mm=210,
    page_height_mm=297,
    # S8/S9 give 20/20/30/15; S7's 25/25/35/15 is the older rule (spec §9.1).
    margin_top_mm=Range(20, 25, 20),
    margin_bottom_mm=Range(20, 25, 20),
    margin_left_mm=Range(30, 35, 30),
    margin_right_mm=Range(15, 20, 15),
    header_columns_mm=(75, 90),
    text={
        Element.NATIONAL_TITLE: TextRule(exactly(15), bold=True, case=Case.UPPER),
        Element.PARENT_BODY: TextRule(exactly(14), case=Case.UPPER),
        Element.ISSUER: TextRule(exactly(14), bold=True, case=Case.UPPER),
        Element.NUMBER: TextRule(exactly(14)),
        Element.PLACE_DATE: TextRule(exactly(14), italic=True),
        Element.DOC_TYPE: TextRule(Range(15, 16, 16), bold=True, case=Case.UPPER),
        Element.SUBJECT: TextRule(Range(14, 15, 14), bold=True, case=Case.LOWER_INITIAL),
        Element.BODY: TextRule(Range(14, 15, 14), align=Align.JUSTIFY),
        Element.HEADING1: TextRule(
            Range(14, 15, 14), bold=True, case=Case.UPPER, align=Align.JUSTIFY
        ),
        Element.HEADING2: TextRule(Range(14, 15, 14), bold=True, align=Align.JUSTIFY),
        Element.SIGNER_AUTHORITY: TextRule(exactly(14), bold=True, case=Case.UPPER),
        # S8: chức vụ not bold; S9 makes it bold (spec §9.5).
        Element.SIGNER_TITLE: TextRule(exactly(14), case=Case.UPPER),
        Element.SIGNER_NAME: TextRule(exactly(14), bold=True),
        # S8: 14 underlined; S9 copies NĐ30's 12 bold italic (spec §9.4).
        Element.RECIPIENTS_LABEL: TextRule(exactly(14), underline=True, align=Align.LEFT),
        Element.RECIPIENTS_ITEM: TextRule(exactly(12), align=Align.LEFT),
        Element.PAGE_NUMBER: TextRule(exactly(14)),
    },
    body=BodyRule(
        first_line_indent_cm=Range(1.0, 1.27, 1.0),
        space_after_pt=Range(6, 24, 6),
        line_spacing_pt=Range(18, 22, 18),
    ),
    national_title="ĐẢNG CỘNG SẢN VIỆT NAM",
    motto="",
    accepted_national_titles=("ĐẢNG CỘNG SẢN VIỆT NAM",),
    under_national_title=RuleKind.LINE_TEXT,
    under_motto=RuleKind.NONE,
    under_issuer=RuleKind.ASTERISK,
    under_subject=RuleKind.HYPHENS,
    number_label="Số",  # no colon (S4, S6; spec §9.3)
    number_pattern="{number}-{type}/{agency}",
    number_width=0,
    unnumbered_placeholder="     ",
    report_type="BC",
    heading_numbering="{label}.",
    uses_kinh_gui=False,
    end_mark=".",  # S8 [verify]
    recipients_label="Nơi nhận:",
    first_recipient="",
    archive_prefix="Lưu",
    archive_joiner=" ",
    recipient_separator=",",  # as Party documents write them (seed 3270-CV/BTGTU)
    citation_separator=", ",
    staff_term="cán bộ, đảng viên",
    subject_case=Case.LOWER_INITIAL,
    page_number_from_top_mm=10,
    citation="HD 36-HD/VPTW, Phụ lục 3",
    # HD36's text on a phụ lục was not found (spec §5): NĐ30's layout in the Party sizes (14).
    appendix=AppendixRule(
        label="Phụ lục",
        heading=TextRule(exactly(14), bold=True),
        title=TextRule(Range(14, 15, 14), bold=True, case=Case.UPPER),
        attached=TextRule(Range(14, 15, 14), italic=True),
        table=TableRule(
            header=TextRule(Range(13, 14, 13), bold=True),
            cell=TextRule(Range(13, 14, 13), align=Align.LEFT),
        ),
        caption=TextRule(Range(14, 15, 14), bold=True, align=Align.LEFT),
    ),
)

HD05 = replace(
    HD36,
    id="hd05",
    name="Đảng (Hướng dẫn 05-HD/VPTW, 2026 — chưa xác nhận)",
    citation="HD 05-HD/VPTW (chưa xác nhận; số liệu như HD36)",
)

PROFILES: dict[str, FormatProfile] = {p.id: p for p in (ND30, HD36, HD05)}


def profile(format_id: str) -> FormatProfile:
    try:
        return PROFILES[format_id]
    except KeyError:
        known = ", ".join(PROFILES)
        raise UserError(
            f"Không có thể thức «{format_id}». Các thể thức có: {known}.",
            f"unknown format {format_id!r}",
        ) from None
