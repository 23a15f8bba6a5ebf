"""The directive library as a Qt table, filtered without regard to diacritics."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from assistant.core.model import Directive
from assistant.core.vntext import fold

COLUMNS = (
    QT_TRANSLATE_NOOP("DirectiveModel", "Số, ký hiệu"),
    QT_TRANSLATE_NOOP("DirectiveModel", "Cơ quan ban hành"),
    QT_TRANSLATE_NOOP("DirectiveModel", "Ngày"),
    QT_TRANSLATE_NOOP("DirectiveModel", "Trích yếu"),
)


class DirectiveModel(QAbstractTableModel):
    def __init__(self, directives: list[Directive]) -> None:
        super().__init__()
        self.set_directives(directives)

    def set_directives(self, directives: list[Directive]) -> None:
        """Replace the list (after an import); folded once, as the filter runs on every keystroke."""
        self.beginResetModel()
        self.directives = directives
        self._folded = [
            fold(f"{d.symbol} {d.issuer} {d.issuer_parent} {d.subject}") for d in directives
        ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.directives)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        d = self.directives[index.row()]
        if role == Qt.DisplayRole:
            when = d.date.strftime("%d/%m/%Y") if d.date else "?"
            return (d.symbol, d.issuer, when, d.subject)[index.column()]
        if role == Qt.ToolTipRole:
            return f"{d.issuer_parent} — {d.issuer}\n{d.subject}"
        if role == Qt.UserRole:
            return d.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def row_of(self, directive_id: str) -> int | None:
        return next((i for i, d in enumerate(self.directives) if d.id == directive_id), None)

    def folded(self, row: int) -> str:
        return self._folded[row]


class FoldFilter(QSortFilterProxyModel):
    """ "tang cuong" finds "tăng cường"; every word must appear."""

    def __init__(self) -> None:
        super().__init__()
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        haystack = self.sourceModel().folded(row)
        return all(word in haystack for word in self._words)
