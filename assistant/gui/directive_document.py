"""The editor's last tab: the documents the directive implements (căn cứ, thực hiện), its Nơi nhận,
and its full text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from assistant.core.model import Directive, DocumentRef
from assistant.gui.directive_form import lines, read_date, shown_date

COLUMNS = ("Loại văn bản", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu")


class DocumentForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.implements = QTableWidget(0, len(COLUMNS))
        self.implements.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.implements.horizontalHeader().setStretchLastSection(True)
        self.implements.setMaximumHeight(140)
        form.addRow(self.tr("Căn cứ / thực hiện:"), self.implements)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Thêm văn bản"), lambda: self.add_reference()),
            (
                self.tr("Xóa văn bản đang chọn"),
                lambda: self.implements.removeRow(self.implements.currentRow()),
            ),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        form.addRow("", row)
        self.distribution = QPlainTextEdit()
        self.distribution.setPlaceholderText(self.tr("Mỗi dòng một nơi"))
        self.distribution.setMaximumHeight(110)
        form.addRow(self.tr("Nơi nhận (mỗi dòng một nơi):"), self.distribution)
        self.text = QPlainTextEdit()
        form.addRow(self.tr("Toàn văn:"), self.text)

    def load(self, d: Directive) -> None:
        self.implements.setRowCount(0)
        for ref in d.implements:
            self.add_reference(ref)
        self.distribution.setPlainText("\n".join(d.distribution))
        self.text.setPlainText(d.text)

    def add_reference(self, ref: DocumentRef | None = None) -> None:
        ref = ref or DocumentRef("Công văn", None)
        row = self.implements.rowCount()
        self.implements.insertRow(row)
        cells = (ref.kind, ref.symbol or "", shown_date(ref.date), ref.issuer, ref.subject)
        for column, text in enumerate(cells):
            self.implements.setItem(row, column, QTableWidgetItem(text))

    def _cell(self, row: int, column: int) -> str:
        item = self.implements.item(row, column)
        return item.text().strip() if item else ""

    def values(self) -> dict:
        refs = []
        for r in range(self.implements.rowCount()):
            kind, symbol, when, issuer, subject = (self._cell(r, c) for c in range(len(COLUMNS)))
            refs.append(
                DocumentRef(
                    kind, symbol or None, read_date(when, f"implements.{r}.date"), issuer, subject
                )
            )
        return {
            "implements": tuple(refs),
            "distribution": lines(self.distribution),
            "text": self.text.toPlainText().strip(),
        }
