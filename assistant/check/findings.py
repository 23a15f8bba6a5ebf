"""What the checker reports: findings with a stable English id and a Vietnamese explanation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from assistant.check.docx_model import DocModel, Location, Paragraph
from assistant.core.formats import Element, FormatProfile, Range

ERROR = "error"
WARNING = "warning"
MAX_PLACES = 5  # a finding about many paragraphs names the first few
OPENING_WORDS = 6  # a paragraph is named by its first words


def opening(text: str, words: int = OPENING_WORDS) -> str:
    """The first words of a paragraph, "…" when there are more: "Thực hiện Công văn số…"."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


ELEMENT_LABELS = {
    Element.NATIONAL_TITLE: "Quốc hiệu",
    Element.MOTTO: "Tiêu ngữ",
    Element.PARENT_BODY: "Tên cơ quan chủ quản",
    Element.ISSUER: "Tên cơ quan ban hành",
    Element.NUMBER: "Số, ký hiệu",
    Element.PLACE_DATE: "Địa danh, ngày tháng",
    Element.DOC_TYPE: "Tên loại văn bản",
    Element.SUBJECT: "Trích yếu",
    Element.KINH_GUI: "Kính gửi",
    Element.BODY: "Nội dung",
    Element.HEADING1: "Đề mục La Mã (I, II…)",
    Element.HEADING2: "Đề mục số (1, 2…)",
    Element.SIGNER_AUTHORITY: "Quyền hạn người ký",
    Element.SIGNER_TITLE: "Chức vụ người ký",
    Element.SIGNER_NAME: "Họ tên người ký",
    Element.RECIPIENTS_LABEL: "Nơi nhận",
    Element.RECIPIENTS_ITEM: "Danh sách nơi nhận",
    Element.PAGE_NUMBER: "Số trang",
}
# What a finding is about when it is no layout element.
PAGE, MARGIN, DOCUMENT, TABLE, FORMAT, CHECKER = (
    "page",
    "margin",
    "document",
    "table",
    "format",
    "checker",
)
OTHER_LABELS = {
    PAGE: "Khổ giấy",
    MARGIN: "Lề trang",
    DOCUMENT: "Văn bản",
    TABLE: "Bảng bố cục",
    FORMAT: "Thể thức",
    CHECKER: "Trình kiểm tra",
}
# Finding ids use short prefixes where the element's own name is long.
ID_PREFIX = {Element.PLACE_DATE: "date"}


def element_label(element: Element | str, fmt: FormatProfile) -> str:
    if element == Element.NATIONAL_TITLE and fmt.party:
        return "Tiêu đề Đảng"
    if element in OTHER_LABELS:
        return OTHER_LABELS[element]
    return ELEMENT_LABELS.get(element, str(element))


def num(value: float, decimals: int = 2) -> str:
    """A measurement as a Vietnamese reader writes it: "25,4", "1,27", "14"."""
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    return text.replace(".", ",")


def span(allowed: Range) -> str:
    """A rule's range in Vietnamese notation: "12–13", "1–1,27", "14"."""
    if allowed.low == allowed.high:
        return num(allowed.low)
    return f"{num(allowed.low)}–{num(allowed.high)}"


def id_prefix(element: Element) -> str:
    return ID_PREFIX.get(element, element.value)


def source(fmt: FormatProfile) -> str:
    """Where the rule comes from, as the profile cites it: "NĐ 30/2020/NĐ-CP, Phụ lục I"."""
    return fmt.citation or fmt.name


@dataclass(frozen=True)
class Finding:
    """One departure from the format rules: where, what was found against the rule and its source,
    and a sentence for the clerk."""

    id: str  # stable English id: "margin.left", "date.month_padding"
    severity: str  # ERROR or WARNING
    element: str  # an Element value ("national_title") or "page", "margin", "document"…
    label: str  # the element's Vietnamese name, for people
    found: str
    expected: str  # the rule, with its source
    where: str  # "bảng tiêu đề, hàng 1, cột phải, dòng 2 «…»", "đoạn bắt đầu «Thực hiện…»"
    message: str  # one Vietnamese sentence for the clerk
    count: int = 1  # paragraphs or runs concerned

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class CheckResult:
    """The findings of one document, with the format and kind they were checked against."""

    format_id: str
    detected: bool  # the format was recognised from the document, not given
    findings: list[Finding] = field(default_factory=list)
    kind: str = ""  # the kind recognised (core/doc_kinds.py id), "" when none

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def ids(self) -> set[str]:
        return {f.id for f in self.findings}


class Places:
    """Names tables and paragraphs the way a clerk would look for them."""

    def __init__(self, model: DocModel, header_table: int | None, signature_table: int | None):
        self.model = model
        self.names = {header_table: "bảng tiêu đề", signature_table: "bảng chữ ký"}

    def table(self, index: int) -> str:
        return self.names.get(index) or f"bảng {index + 1}"

    def of(self, location: Location) -> str:
        if location.part != "body":
            where = "đầu trang" if location.part == "header" else "chân trang"
            return f"{where} (phần {location.section})"
        if not location.cells:
            return f"đoạn {location.index}"
        steps = []
        for cell in location.cells:
            table = self.model.tables[cell.table]
            step = [self.table(cell.table)]
            if table.rows > 1:
                step.append(f"hàng {cell.row + 1}")
            if table.cols == 2:
                step.append("cột trái" if cell.col == 0 else "cột phải")
            elif table.cols > 2:
                step.append(f"cột {cell.col + 1}")
            steps.append(", ".join(step))
        return " › ".join(steps) + f", dòng {location.line}"

    def paragraph(self, p: Paragraph) -> str:
        """A paragraph named by the words it starts with, which a clerk can find with Ctrl+F:
        "đoạn bắt đầu «Thực hiện Công văn số…»"; in a table, its cell and line."""
        start = opening(p.text)
        if p.location.part == "body" and not p.location.cells:
            if not start:
                return f"dòng trống thứ {p.location.index} của văn bản"
            return f"đoạn bắt đầu «{start}»"
        return self.of(p.location) + (f" «{start}»" if start else "")

    def many(self, paragraphs: Sequence[Paragraph]) -> str:
        names = [self.paragraph(p) for p in paragraphs[:MAX_PLACES]]
        more = len(paragraphs) - MAX_PLACES
        return "; ".join(names) + (f" và {more} chỗ khác" if more > 0 else "")
