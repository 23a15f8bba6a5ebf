"""The history tab: a lazily fetched table over History.search, and the actions on a report."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.core.errors import UserError
from assistant.core.model import Period
from assistant.gui import messages
from assistant.storage.history import History, HistoryEntry

PAGE = 100
COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "Ngày"),
    QT_TRANSLATE_NOOP("HistoryModel", "Số"),
    QT_TRANSLATE_NOOP("HistoryModel", "Trạng thái"),
    QT_TRANSLATE_NOOP("HistoryModel", "Trả lời công văn"),
    QT_TRANSLATE_NOOP("HistoryModel", "Trích yếu"),
)
STATUS_VI = {
    "draft": QT_TRANSLATE_NOOP("HistoryModel", "Bản nháp"),
    "writing": QT_TRANSLATE_NOOP("HistoryModel", "Đang ghi tệp"),
    "generated": QT_TRANSLATE_NOOP("HistoryModel", "Đã tạo"),
    "submitted": QT_TRANSLATE_NOOP("HistoryModel", "Đã gửi"),
}


class HistoryModel(QAbstractTableModel):
    """Keeps only what was fetched; pages of 100 arrive as the view scrolls (as Anki's browser)."""

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history, self.query = history, ""
        self.rows: list[HistoryEntry] = []
        self._exhausted = False

    def set_query(self, query: str) -> None:
        """The first page is loaded inside the reset: no row insert may run while one is in flight."""
        self.beginResetModel()
        self.query = query
        self.rows = self.history.search(query, limit=PAGE)
        self._exhausted = len(self.rows) < PAGE
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid():
            return
        more = self.history.search(self.query, limit=PAGE, offset=len(self.rows))
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or role != Qt.DisplayRole:
            return None
        e = self.rows[index.row()]
        return (
            f"{e.report_date:%d/%m/%Y}",
            e.number_text or "—",
            self.tr(STATUS_VI[e.status]),
            e.directive_symbol,
            e.subject,
        )[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(COLUMNS[section])
        return None


class HistoryTab(QWidget):
    open_draft = Signal(int)  # a draft to load into the editor

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm trong lịch sử (không cần gõ dấu)…"))
        self.model = HistoryModel(history)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Mở lại thành bản nháp"), self.reopen),
            (self.tr("Nhân bản cho kỳ mới"), self.duplicate),
            (self.tr("Đánh dấu đã gửi"), self.mark_submitted),
            (self.tr("Mở tệp"), self.open_file),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.search.textChanged.connect(self.model.set_query)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_query(self.search.text())

    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            messages.inform(
                self, self.tr("Lịch sử"), self.tr("Hãy chọn một báo cáo trong danh sách.")
            )
            return None
        return self.model.rows[rows[0].row()]

    def _act(self, action) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            action(entry)
        except UserError as exc:
            messages.warn(self, self.tr("Lịch sử"), exc.message)
        self.refresh()

    def reopen(self) -> None:
        self._act(
            lambda e: self.open_draft.emit(
                e.id if e.status == "draft" else self.history.reopen(e.id)
            )
        )

    def duplicate(self) -> None:
        def run(entry: HistoryEntry) -> None:
            label, ok = QInputDialog.getText(
                self, self.tr("Nhân bản"), self.tr("Kỳ báo cáo mới (ví dụ: quý III năm 2024):")
            )
            if ok:
                self.open_draft.emit(self.history.duplicate(entry.id, Period(label=label.strip())))

        self._act(run)

    def mark_submitted(self) -> None:
        self._act(lambda e: self.history.mark_submitted(e.id))

    def open_file(self) -> None:
        def run(entry: HistoryEntry) -> None:
            if not entry.output_path:
                raise UserError(self.tr("Báo cáo này chưa có tệp (còn là bản nháp)."))
            QDesktopServices.openUrl(QUrl.fromLocalFile(entry.output_path))

        self._act(run)
