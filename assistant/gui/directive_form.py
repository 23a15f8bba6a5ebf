"""What the directive editor's panels share: field labels, tab places, dates as typed, and the
clerk's sentence for a field the core refused."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from assistant.core.errors import UserError

HEADER = (
    ("issuer", "Cơ quan ban hành"),
    ("issuer_parent", "Cơ quan cấp trên"),
    ("number", "Số"),
    ("code", "Ký hiệu"),
    ("date", "Ngày ban hành"),
    ("place", "Địa danh"),
    ("subject", "Trích yếu"),
    ("signer.collective", "Người ký: thay mặt"),
    ("signer.authority", "Người ký: quyền hạn"),
    ("signer.title", "Người ký: chức vụ"),
    ("signer.name", "Người ký: họ tên"),
)
REPORT = (
    ("report_to", "Báo cáo gửi"),
    ("report_via", "Gửi qua đơn vị"),
    ("report_deadline", "Hạn báo cáo (một lần)"),
)
DATES = ("date", "report_deadline")
# Vietnamese names of the fields the core may refuse, for the message beside the form.
LABELS = {
    **dict(HEADER),
    **dict(REPORT),
    "id": "Mã công văn",
    "kind": "Loại cơ quan",
    "recipients": "Kính gửi",
    "groups": "Nhóm",
    "tasks": "Nhiệm vụ",
    "report_periods": "Báo cáo định kỳ",
    "implements": "Căn cứ / thực hiện văn bản",
    "distribution": "Nơi nhận",
    "text": "Toàn văn",
}
PARTS = {
    "id": "mã",
    "label": "tên nhóm / số thứ tự",
    "members": "thành viên",
    "text": "nội dung",
    "kind": "loại",
    "title": "tên ngắn",
    "periodicity": "kỳ",
    "day": "ngày",
    "month_offset": "tháng sau kỳ",
    "symbol": "số, ký hiệu",
    "date": "ngày",
    "issuer": "cơ quan ban hành",
    "subject": "trích yếu",
}
TABS = ("Văn bản", "Nhóm nơi nhận", "Nhiệm vụ", "Yêu cầu báo cáo", "Căn cứ, nơi nhận, toàn văn")
TAB_OF = {
    "groups": 1,
    "tasks": 2,
    "report_periods": 3,
    **{key: 3 for key, _ in REPORT},
    "implements": 4,
    "distribution": 4,
    "text": 4,
}
DATE_HINT = "ngày/tháng/năm, ví dụ 02/04/2024; để trống nếu không có"


def shown_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def read_date(text: str, field: str) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise UserError(
            f"«{LABELS.get(field.split('.')[0], field)}» phải viết dạng dd/mm/yyyy, "
            "ví dụ 02/04/2024.",
            f"{field}: {text!r}",
            field=field,
        ) from None


def lines(box: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in box.toPlainText().splitlines() if line.strip())


def line_edit(edits: dict[str, QLineEdit], key: str) -> QLineEdit:
    """A one-line box kept in ``edits`` under ``key``; a date box says how to write a date."""
    edits[key] = QLineEdit()
    if key in DATES:
        edits[key].setPlaceholderText(DATE_HINT)
    return edits[key]


def explain(field: str, data: dict) -> str:
    """The clerk's sentence for a field the core refused ("tasks.1.text" → "Nhiệm vụ 2, nội dung")."""
    parts = field.split(".")
    if len(parts) > 1 and parts[1].isdigit():
        name = f"{LABELS.get(parts[0], parts[0])} {int(parts[1]) + 1}"
        name += f", {PARTS.get(parts[2], parts[2])}" if len(parts) > 2 else ""
    else:
        name = LABELS.get(field, field)
    value = data
    for part in parts:
        value = value[int(part)] if isinstance(value, list) else (value or {}).get(part)
    reason = "đang để trống" if value in ("", [], None) else "chưa đúng dạng"
    return f"Chưa lưu được: «{name}» {reason}. Hãy sửa rồi lưu lại."
