"""The first tab, «Việc cần báo cáo»: the reports due, by deadline, and a deadline for a directive
that has none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.core.directives import DirectiveLibrary
from assistant.core.due import STATE_VI, DueReport, DueState
from assistant.core.errors import UserError
from assistant.core.model import Directive
from assistant.due_command import due_list
from assistant.gui import messages
from assistant.gui.figure_forms import DateField
from assistant.gui.rows_model import RowsModel

HORIZON_DAYS = 60
COLUMNS = (
    QT_TRANSLATE_NOOP("DueModel", "Hạn"),
    QT_TRANSLATE_NOOP("DueModel", "Tình trạng"),
    QT_TRANSLATE_NOOP("DueModel", "Công văn"),
    QT_TRANSLATE_NOOP("DueModel", "Kỳ báo cáo"),
    QT_TRANSLATE_NOOP("DueModel", "Gửi"),
    QT_TRANSLATE_NOOP("DueModel", "Số"),
)
OVERDUE_TEXT = QColor("#b00020")
SOON_BACKGROUND = QColor("#ffe6a8")
DONE_TEXT = QColor("#808080")


class DueModel(RowsModel):
    """The rows of ``due_list``, as they are (already sorted by deadline)."""

    COLUMNS = COLUMNS

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[DueReport] = []

    def set_rows(self, rows: list[DueReport]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.UserRole:
            return row
        if role == Qt.ForegroundRole:
            if row.state is DueState.OVERDUE:
                return QBrush(OVERDUE_TEXT)
            if row.state is DueState.DONE:
                return QBrush(DONE_TEXT)
            return None
        if role == Qt.BackgroundRole:
            return QBrush(SOON_BACKGROUND) if row.state is DueState.SOON else None
        if role == Qt.ToolTipRole and index.column() == 2:
            return row.directive.subject
        if role != Qt.DisplayRole:
            return None
        d = row.directive
        return (
            f"{row.deadline:%d/%m/%Y}",
            self.tr(STATE_VI[row.state]),
            f"{d.symbol} — {d.issuer}",
            row.period_text or "—",
            d.report_to,
            row.done.number_text if row.done else "",
        )[index.column()]


def without_deadline(directives: list[Directive]) -> list[Directive]:
    return [d for d in directives if d.report_deadline is None and not d.report_periods]


class DeadlineDialog(QDialog):
    """Which directive, and by what date its report is due."""

    def __init__(self, directives: list[Directive], preferred: str | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đặt hạn báo cáo"))
        self.directives = directives
        self.choice = QComboBox()
        for d in directives:
            self.choice.addItem(f"{d.symbol} — {d.issuer}", d.id)
        if preferred is not None and (at := self.choice.findData(preferred)) >= 0:
            self.choice.setCurrentIndex(at)
        self.deadline = DateField()
        form = QFormLayout(self)
        form.addRow(self.tr("Công văn:"), self.choice)
        form.addRow(self.tr("Hạn báo cáo (ngày/tháng/năm):"), self.deadline)
        form.addRow("", self.deadline.error)
        buttons = messages.button_box(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.chosen: tuple[Directive, date] | None = None

    def accept(self) -> None:
        day, problem = self.deadline.date(), self.deadline.problem()
        if day is None:
            messages.warn(
                self,
                self.tr("Đặt hạn báo cáo"),
                problem or self.tr("Hãy ghi hạn báo cáo, ví dụ 15/12/2026."),
            )
            return
        self.chosen = (self.directives[self.choice.currentIndex()], day)
        super().accept()


class DueTab(QWidget):
    open_report = Signal(object)  # the DueReport to open in «Soạn báo cáo»
    directive_saved = Signal(str)  # a directive given a deadline (its id; a copy's new id)

    def __init__(self, data_dir: Path, library: DirectiveLibrary) -> None:
        super().__init__()
        self.data_dir, self.library = data_dir, library
        self.current_directive = lambda: None  # the directive the editor shows, preselected
        self.model = DueModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((95, 110, 300, 170, 200)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda index: self._open(index))
        self.empty = QLabel(
            self.tr(
                "Chưa có báo cáo nào đến hạn trong 60 ngày tới. "
                "Công văn có hạn báo cáo sẽ hiện ở đây."
            )
        )
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        for text, slot in (
            (self.tr("Mở"), self.open_selected),
            (self.tr("Đặt hạn báo cáo…"), self.set_deadline),
            (self.tr("Làm mới"), self.refresh),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("<b>Việc cần báo cáo</b> (theo hạn, trong 60 ngày tới)")))
        box.addWidget(self.table, 1)
        box.addWidget(self.empty, 1)
        box.addLayout(buttons)
        self.empty.hide()

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        try:
            rows = due_list(self.data_dir, date.today(), HORIZON_DAYS)
        except UserError as exc:
            rows = []
            self.notice.setText(exc.message)
        else:
            self.notice.clear()
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.resizeRowsToContents()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_report.emit(index.data(Qt.UserRole))

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            messages.inform(
                self, self.tr("Mở"), self.tr("Hãy chọn một dòng trong danh sách trước.")
            )
            return
        self._open(index)

    def set_deadline(self) -> None:
        try:
            choices = without_deadline(self.library.all())
        except UserError as exc:
            messages.warn(self, self.tr("Đặt hạn báo cáo"), exc.message)
            return
        if not choices:
            messages.inform(
                self, self.tr("Đặt hạn báo cáo"), self.tr("Mọi công văn đều đã có hạn báo cáo.")
            )
            return
        dialog = DeadlineDialog(choices, self.current_directive(), self)
        if dialog.exec() != QDialog.Accepted or dialog.chosen is None:
            return
        directive, day = dialog.chosen
        try:
            saved = self.save_deadline(directive, day)
        except UserError as exc:
            messages.warn(self, self.tr("Đặt hạn báo cáo"), exc.message)
            return
        self.directive_saved.emit(saved)
        self.refresh()
        if not self.notice.text():  # no error to show instead
            self.notice.setText(
                self.tr("Đã đặt hạn báo cáo {day} cho công văn {symbol}.").format(
                    day=f"{day:%d/%m/%Y}", symbol=directive.symbol
                )
            )

    def save_deadline(self, directive: Directive, day: date) -> str:
        """Save the deadline; a bundled directive is never changed, a copy of it is saved."""
        if not self.library.is_bundled(directive.id):
            self.library.update(replace(directive, report_deadline=day))
            return directive.id
        copy_id = self.library.free_id(directive.id)
        messages.inform(
            self,
            self.tr("Đặt hạn báo cáo"),
            self.tr(
                "Công văn {symbol} có sẵn trong chương trình nên không sửa được. Hạn báo cáo được "
                "lưu vào một bản riêng (mã «{id}») trong thư viện của bạn."
            ).format(symbol=directive.symbol, id=copy_id),
        )
        self.library.add(replace(directive, id=copy_id, report_deadline=day), as_copy=True)
        return copy_id
