"""The editor's groups tab: the addressee groups a directive gives work to together."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.core.model import AddresseeGroup


class GroupsPanel(QWidget):
    """A table of groups (id, label, members); tasks follow a renamed or removed group."""

    renamed = Signal(str, str)  # old id, new id
    changed = Signal()  # a group was added, removed or edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Các nhóm nơi nhận mà công văn giao việc chung. Mã chỉ gồm chữ thường không dấu, "
                "số và «_»; thành viên cách nhau bằng dấu «;»."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Mã"), self.tr("Tên nhóm"), self.tr("Thành viên")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 300)
        self.table.cellChanged.connect(self._cell_changed)
        box.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Thêm nhóm"), self.add_group),
            (self.tr("Xóa nhóm đang chọn"), self.remove_group),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        self.known_ids: list[str] = []

    def load(self, groups: tuple[AddresseeGroup, ...]) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(0)
            for group in groups:
                self._row(group.id, group.label, "; ".join(group.members))
        self.known_ids = self.ids()

    def _row(self, group_id: str, label: str, members: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((group_id, label, members)):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def ids(self) -> list[str]:
        return [self._cell(r, 0) for r in range(self.table.rowCount())]

    def groups(self) -> tuple[AddresseeGroup, ...]:
        return tuple(
            AddresseeGroup(
                self._cell(r, 0),
                self._cell(r, 1),
                tuple(m.strip() for m in self._cell(r, 2).split(";") if m.strip()),
            )
            for r in range(self.table.rowCount())
        )

    def _cell_changed(self, row: int, column: int) -> None:
        """A renamed group keeps its tasks: the tasks panel is told the old and the new id."""
        renamed = column == 0 and row < len(self.known_ids)
        old = self.known_ids[row] if renamed else ""
        self.known_ids = self.ids()
        if renamed:
            self.renamed.emit(old, self._cell(row, 0))
        self.changed.emit()

    def add_group(self) -> None:
        with QSignalBlocker(self.table):
            self._row(f"nhom_{self.table.rowCount() + 1}", "", "")
        self.known_ids = self.ids()
        self.changed.emit()
        self.table.setCurrentCell(self.table.rowCount() - 1, 1)

    def remove_group(self) -> None:
        if self.table.currentRow() < 0:
            return
        self.table.removeRow(self.table.currentRow())
        self.known_ids = self.ids()
        self.changed.emit()
