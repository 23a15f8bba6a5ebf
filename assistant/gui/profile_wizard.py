"""First-run wizard (and settings) for the reporting agency; the core validates and saves."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWizard,
    QWizardPage,
)

from assistant.core.agency import save_profile
from assistant.core.answers import profile_from_dict, profile_to_dict
from assistant.core.errors import UserError
from assistant.core.model import AgencyProfile
from assistant.gui import messages

FIELDS = (
    (
        "name",
        QT_TRANSLATE_NOOP("ProfileWizard", "Tên cơ quan báo cáo:"),
        "Đài Phát thanh và Truyền hình Thái Nguyên",
    ),
    (
        "short_name",
        QT_TRANSLATE_NOOP("ProfileWizard", "Tên gọi tắt trong báo cáo:"),
        "Đài  /  Ủy ban nhân dân huyện  /  Ban Thường vụ Huyện ủy",
    ),
    (
        "parent",
        QT_TRANSLATE_NOOP("ProfileWizard", "Cơ quan chủ quản / cấp trên:"),
        "UBND tỉnh Thái Nguyên",
    ),
    ("symbol", QT_TRANSLATE_NOOP("ProfileWizard", "Ký hiệu viết tắt (trong số văn bản):"), "PTTH"),
    ("place", QT_TRANSLATE_NOOP("ProfileWizard", "Địa danh ghi ở dòng ngày tháng:"), "Thái Nguyên"),
)
SIGNER_FIELDS = (
    (
        "signer.collective",
        QT_TRANSLATE_NOOP("ProfileWizard", "Thay mặt tập thể (nếu có):"),
        "TM. ỦY BAN NHÂN DÂN  /  T/M BAN THƯỜNG VỤ",
    ),
    (
        "signer.authority",
        QT_TRANSLATE_NOOP("ProfileWizard", "Quyền hạn ký (nếu có):"),
        "KT. GIÁM ĐỐC  /  K/T TRƯỞNG BAN",
    ),
    ("signer.title", QT_TRANSLATE_NOOP("ProfileWizard", "Chức vụ người ký:"), "PHÓ GIÁM ĐỐC"),
    ("signer.name", QT_TRANSLATE_NOOP("ProfileWizard", "Họ và tên người ký:"), "Nguyễn Văn An"),
    ("drafting_unit", QT_TRANSLATE_NOOP("ProfileWizard", "Đơn vị soạn thảo (dòng «Lưu»):"), "TKBT"),
)


SIGNER_KEYS = ("collective", "authority", "title", "name")
# What makes a directive's tasks "mine": one entry a line.
LISTS = (
    (
        "aliases",
        QT_TRANSLATE_NOOP("ProfileWizard", "Tên gọi khác trong công văn (mỗi dòng một tên):"),
        "Đài PT-TH tỉnh",
    ),
    (
        "groups",
        QT_TRANSLATE_NOOP("ProfileWizard", "Mã nhóm nơi nhận của cơ quan (mỗi dòng một mã):"),
        "press",
    ),
)


# Fields the core refuses empty: Next / Save stay disabled until they are filled.
REQUIRED = ("name", "symbol", "place", "signer.title", "signer.name")


class RequiredPage(QWizardPage):
    """A page that cannot be left while a required field is empty; the line under the fields
    (its height always reserved) names what is missing, with the label the clerk sees."""

    def __init__(self) -> None:
        super().__init__()
        self.required: dict[str, tuple[QLineEdit, str]] = {}
        self.missing_label = QLabel()
        self.missing_label.setStyleSheet("color: #c62828;")
        self.missing_label.setWordWrap(True)
        self.missing_label.setMinimumHeight(2 * self.missing_label.fontMetrics().lineSpacing() + 4)

    def require(self, edit: QLineEdit, label: str) -> None:
        self.required[label] = (edit, label)
        edit.textChanged.connect(self._changed)

    def missing(self) -> list[str]:
        return [
            label.rstrip(":") for edit, label in self.required.values() if not edit.text().strip()
        ]

    def _changed(self) -> None:
        missing = self.missing()
        self.missing_label.setText(
            self.tr("Còn thiếu: {fields}.").format(fields=", ".join(missing)) if missing else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.missing()

    def validatePage(self) -> bool:
        missing = self.missing()
        if missing:
            messages.warn(
                self,
                self.tr("Thông tin chưa đủ"),
                self.tr("Hãy điền: {fields}.").format(fields=", ".join(missing)),
            )
        return not missing


class ProfileWizard(QWizard):
    def __init__(self, data_dir: Path, current: AgencyProfile | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.setWindowTitle(self.tr("Thông tin cơ quan báo cáo"))
        self.edits: dict[str, QLineEdit] = {}
        self.lists: dict[str, QPlainTextEdit] = {}
        self.addPage(self._page(self.tr("Cơ quan của bạn"), FIELDS, with_kind=True))
        self.addPage(self._page(self.tr("Người ký báo cáo"), SIGNER_FIELDS))
        self.setButtonText(QWizard.FinishButton, self.tr("Lưu"))
        self.setButtonText(QWizard.NextButton, self.tr("Tiếp"))
        self.setButtonText(QWizard.BackButton, self.tr("Quay lại"))
        self.setButtonText(QWizard.CancelButton, self.tr("Hủy"))
        self.setButtonText(QWizard.HelpButton, self.tr("Trợ giúp"))
        self.setButtonText(QWizard.CommitButton, self.tr("Xác nhận"))
        messages.fit_to_screen(self, QSize(760, 640))
        self.profile: AgencyProfile | None = None
        self.kept: dict = {}  # what the wizard does not show (the format) is kept as it was
        if current:
            self._fill(profile_to_dict(current))

    def _page(self, title: str, fields, with_kind: bool = False) -> QWizardPage:
        page = RequiredPage()
        page.setTitle(title)
        form = QFormLayout(page)
        if with_kind:
            intro = QLabel(
                self.tr(
                    "Thông tin này in ở tiêu đề và phần ký của mọi báo cáo. Có thể sửa sau trong menu Công cụ."
                )
            )
            intro.setWordWrap(True)
            form.addRow(intro)
            self.kind = QComboBox()
            self.kind.addItem(self.tr("Cơ quan nhà nước (thể thức Nghị định 30)"), "state")
            self.kind.addItem(self.tr("Cơ quan Đảng (thể thức Hướng dẫn 36-HD/VPTW)"), "party")
            form.addRow(self.tr("Loại cơ quan:"), self.kind)
        for key, label, example in fields:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("Ví dụ: {example}").format(example=example))
            self.edits[key] = edit
            form.addRow(self.tr(label), edit)
            if key in REQUIRED:
                page.require(edit, self.tr(label))
        if with_kind:
            for key, label, example in LISTS:
                box = QPlainTextEdit()
                box.setPlaceholderText(self.tr("Ví dụ: {example}").format(example=example))
                box.setTabChangesFocus(True)
                box.setMaximumHeight(48)
                self.lists[key] = box
                form.addRow(self.tr(label), box)
        form.addRow(page.missing_label)
        page._changed()
        return page

    def _fill(self, data: dict) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(data["kind"]), 0))
        for key in ("name", "short_name", "parent", "symbol", "place", "drafting_unit"):
            self.edits[key].setText(data.get(key, ""))
        for key in SIGNER_KEYS:
            self.edits[f"signer.{key}"].setText(data["signer"].get(key, ""))
        for key, box in self.lists.items():
            box.setPlainText("\n".join(data.get(key, ())))
        self.kept = {"format": data["format"]} if data.get("format") else {}

    def data_dict(self) -> dict:
        text = {k: e.text().strip() for k, e in self.edits.items()}
        return {
            **self.kept,
            "name": text["name"],
            "short_name": text["short_name"],
            "parent": text["parent"],
            "kind": self.kind.currentData(),
            "symbol": text["symbol"].upper(),
            "place": text["place"],
            "signer": {k: text[f"signer.{k}"] for k in SIGNER_KEYS},
            "drafting_unit": text["drafting_unit"],
            **{
                key: [line.strip() for line in box.toPlainText().splitlines() if line.strip()]
                for key, box in self.lists.items()
            },
        }

    def accept(self) -> None:
        """Validate with the core and save; a wrong field keeps the wizard open with a message."""
        try:
            self.profile = profile_from_dict(self.data_dict())
            save_profile(self.data_dir, self.profile)
        except UserError as exc:
            messages.warn(self, self.tr("Thông tin chưa đủ"), _explain(exc))
            return
        super().accept()


_FIELD_NAMES = {
    "profile.name": QT_TRANSLATE_NOOP("ProfileWizard", "Tên cơ quan"),
    "profile.symbol": QT_TRANSLATE_NOOP("ProfileWizard", "Ký hiệu viết tắt"),
    "profile.place": QT_TRANSLATE_NOOP("ProfileWizard", "Địa danh"),
    "profile.signer.title": QT_TRANSLATE_NOOP("ProfileWizard", "Chức vụ người ký"),
    "profile.signer.name": QT_TRANSLATE_NOOP("ProfileWizard", "Họ và tên người ký"),
    "profile.aliases": QT_TRANSLATE_NOOP("ProfileWizard", "Tên gọi khác"),
    "profile.groups": QT_TRANSLATE_NOOP("ProfileWizard", "Mã nhóm nơi nhận"),
}


def _explain(exc: UserError) -> str:
    name = _FIELD_NAMES.get(exc.field) or _FIELD_NAMES.get(".".join(exc.field.split(".")[:2]))
    return (
        f"{QCoreApplication.translate('ProfileWizard', name)}: {exc.message}"
        if name
        else exc.message
    )
