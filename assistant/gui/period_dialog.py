"""Which period a new report is for: asked before a second report of one directive is started
(«Báo cáo mới», «Nhân bản cho kỳ mới»), because a directive has one draft per period."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from assistant.core.model import Period
from assistant.gui import messages
from assistant.gui.figure_forms import DateField


class PeriodDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Báo cáo mới cho kỳ nào? Mỗi kỳ có một bản nháp.")))
        self.start, self.end = DateField(), DateField()
        for edit, label in ((self.start, self.tr("Từ ngày:")), (self.end, self.tr("Đến ngày:"))):
            form.addRow(label, edit)
            form.addRow("", edit.error)
        self.label = QLineEdit()
        self.label.setPlaceholderText(self.tr("ví dụ: quý III năm 2024"))
        form.addRow(self.tr("Hoặc ghi bằng chữ:"), self.label)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form.addRow(self.problem)
        buttons = messages.button_box(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def period(self) -> Period:
        return Period(start=self.start.date(), end=self.end.date(), label=self.label.text().strip())

    def _refusal(self) -> str:
        problems = [edit.problem() for edit in (self.start, self.end) if edit.problem()]
        if problems:
            return problems[0]
        period = self.period()
        if period.start and period.end and period.start > period.end:
            return self.tr("Ngày bắt đầu sau ngày kết thúc.")
        if not (period.start or period.end or period.label):
            return self.tr("Hãy ghi kỳ báo cáo: ngày bắt đầu và kết thúc, hoặc ghi bằng chữ.")
        return ""

    def accept(self) -> None:
        refusal = self._refusal()
        self.problem.setText(refusal)
        if not refusal:
            super().accept()


def ask_period(parent: QWidget | None, title: str) -> Period | None:
    dialog = PeriodDialog(title, parent)
    return dialog.period() if dialog.exec() == QDialog.Accepted else None
