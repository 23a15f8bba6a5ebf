"""The editor's report tab: to whom and through which unit the report goes, a one-off deadline,
and the periodic reports with each period's deadline rule."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from assistant.core.model import Directive
from assistant.core.request import PERIODICITY_VI, Periodicity, PeriodRule
from assistant.gui.directive_form import REPORT, line_edit, read_date, shown_date


class ReportForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key, label in REPORT:
            form.addRow(self.tr(label) + ":", line_edit(self.edits, key))
        self.periods = QTableWidget(0, 3)
        self.periods.setHorizontalHeaderLabels(
            [self.tr("Kỳ báo cáo"), self.tr("Hạn: ngày"), self.tr("Tháng sau kỳ")]
        )
        self.periods.horizontalHeader().setStretchLastSection(True)
        self.periods.setColumnWidth(0, 160)
        form.addRow(self.tr("Báo cáo định kỳ:"), self.periods)
        hint = QLabel(
            self.tr("«Tháng sau kỳ» 0: hạn trong tháng cuối kỳ; 1: trong tháng kế tiếp …")
        )
        hint.setStyleSheet("color: #666;")
        form.addRow("", hint)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Thêm kỳ báo cáo"), lambda: self.add_period()),
            (
                self.tr("Xóa kỳ đang chọn"),
                lambda: self.periods.removeRow(self.periods.currentRow()),
            ),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        form.addRow("", row)

    def load(self, d: Directive) -> None:
        self.edits["report_to"].setText(d.report_to)
        self.edits["report_via"].setText(d.report_via)
        self.edits["report_deadline"].setText(shown_date(d.report_deadline))
        for edit in self.edits.values():
            edit.setCursorPosition(0)
        self.periods.setRowCount(0)
        for rule in d.report_periods:
            self.add_period(rule)

    def add_period(self, rule: PeriodRule | None = None) -> None:
        rule = rule or PeriodRule(Periodicity.QUARTERLY, 20)
        row = self.periods.rowCount()
        self.periods.insertRow(row)
        kind = QComboBox()
        for periodicity in Periodicity:
            kind.addItem(self.tr(PERIODICITY_VI[periodicity]), periodicity.value)
        kind.setCurrentIndex(kind.findData(rule.periodicity.value))
        day, offset = QSpinBox(), QSpinBox()
        day.setRange(1, 31)
        day.setValue(rule.day)
        offset.setRange(0, 12)
        offset.setValue(rule.month_offset)
        for column, widget in enumerate((kind, day, offset)):
            self.periods.setCellWidget(row, column, widget)

    def values(self) -> dict:
        cell = self.periods.cellWidget
        text = {key: edit.text().strip() for key, edit in self.edits.items()}
        return {
            "report_to": text["report_to"],
            "report_via": text["report_via"],
            "report_deadline": read_date(text["report_deadline"], "report_deadline"),
            "report_periods": tuple(
                PeriodRule(
                    Periodicity(cell(r, 0).currentData()), cell(r, 1).value(), cell(r, 2).value()
                )
                for r in range(self.periods.rowCount())
            ),
        }
