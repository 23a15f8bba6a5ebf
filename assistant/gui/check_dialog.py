"""Check a document: the format checker's findings on any .docx, listed in Vietnamese."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

COLUMNS = (
    QT_TRANSLATE_NOOP("FindingsModel", "Mức"),
    QT_TRANSLATE_NOOP("FindingsModel", "Thành phần"),
    QT_TRANSLATE_NOOP("FindingsModel", "Nhận xét"),
    QT_TRANSLATE_NOOP("FindingsModel", "Vị trí"),
)
ERROR_COLOUR = QColor("#b71c1c")


class FindingsModel(QAbstractTableModel):
    """The findings of one CheckResult; the full rule (found / expected) shows as a tooltip."""

    def __init__(self, findings: list) -> None:
        super().__init__()
        self.findings = findings

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        f = self.findings[index.row()]
        if role == Qt.DisplayRole:
            level = self.tr("Lỗi") if f.severity == "error" else self.tr("Lưu ý")
            return (level, f.label, f.message, f.where)[index.column()]
        if role == Qt.ToolTipRole:
            return self.tr("Đang là: {found}\nQuy định: {expected}").format(
                found=f.found, expected=f.expected
            )
        if role == Qt.ForegroundRole and f.severity == "error" and index.column() == 0:
            return ERROR_COLOUR
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(COLUMNS[section])
        return None


class CheckDialog(QDialog):
    def __init__(self, path: str, result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kiểm tra thể thức: {name}").format(name=Path(path).name))
        self.resize(980, 520)
        errors = len(result.errors)
        self.summary = QLabel(
            self.tr("Không phát hiện lỗi thể thức.")
            if not result.findings
            else self.tr("{errors} lỗi, {warnings} lưu ý.").format(
                errors=errors, warnings=len(result.findings) - errors
            )
        )
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = FindingsModel(result.findings)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tệp: {path}").format(path=path)))
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Row heights follow the wrapped message once the columns have their real widths.
        QTimer.singleShot(0, self.table.resizeRowsToContents)
