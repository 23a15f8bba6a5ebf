"""Check a document: run the format checker on any .docx and list its findings in Vietnamese."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class CheckDialog(QDialog):
    HEADERS = ("Mức", "Thành phần", "Nội dung", "Vị trí")

    def __init__(self, path: str, result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kiểm tra thể thức: {name}").format(name=path))
        self.resize(900, 500)
        errors = [f for f in result.findings if f.severity == "error"]
        summary = (
            self.tr("Không phát hiện lỗi thể thức.")
            if not result.findings
            else self.tr("{errors} lỗi, {warnings} lưu ý.").format(
                errors=len(errors), warnings=len(result.findings) - len(errors)
            )
        )
        self.table = QTableWidget(len(result.findings), len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
        for row, f in enumerate(result.findings):
            level = self.tr("Lỗi") if f.severity == "error" else self.tr("Lưu ý")
            for col, text in enumerate((level, str(f.element), f.message, f.where)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{summary}</b>"))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
