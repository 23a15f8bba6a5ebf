"""Check a document: the format checker's findings on any .docx, listed in Vietnamese.

The clerk may let the checker recognise the format or choose it (NĐ30 or HD36); findings with
the same id (one rule broken in eight paragraphs) are one row with their count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.core.errors import UserError
from assistant.core.formats import PROFILES
from assistant.gui import messages
from assistant.gui.rows_model import RowsModel

COLUMNS = (
    QT_TRANSLATE_NOOP("FindingsModel", "Mức"),
    QT_TRANSLATE_NOOP("FindingsModel", "Thành phần"),
    QT_TRANSLATE_NOOP("FindingsModel", "Nhận xét"),
    QT_TRANSLATE_NOOP("FindingsModel", "Vị trí"),
    QT_TRANSLATE_NOOP("FindingsModel", "Số chỗ"),
)
ERROR_COLOUR = QColor("#b71c1c")
# The format choice: None lets the checker recognise it from the Quốc hiệu or the Party title.
FORMATS = (
    (QT_TRANSLATE_NOOP("CheckDialog", "Tự nhận biết"), None),
    (QT_TRANSLATE_NOOP("CheckDialog", "Nhà nước (NĐ30)"), "nd30"),
    (QT_TRANSLATE_NOOP("CheckDialog", "Đảng (HD36)"), "hd36"),
)
# The command line's wording where the window has its own way of doing it.
WINDOW_MESSAGES = {
    "format.unknown": QT_TRANSLATE_NOOP(
        "CheckDialog",
        "Không nhận ra thể thức; đã kiểm tra theo thể thức nhà nước. Nếu là văn bản của Đảng, "
        "chọn «Đảng (HD36)» ở ô Thể thức phía trên.",
    ),
}


@dataclass(frozen=True)
class Row:
    """Every finding of one id: the first one speaks for all, ``places`` says where they are."""

    first: object
    count: int
    places: str


def grouped(findings: list) -> list[Row]:
    """Findings with the same id as one row, in the order they first appear."""
    by_id: dict[str, list] = {}
    for f in findings:
        by_id.setdefault(f.id, []).append(f)
    rows = []
    for same in by_id.values():
        count = sum(f.count for f in same)
        places = "; ".join(dict.fromkeys(f.where for f in same[:3]))
        if len(same) > 3:
            places += QCoreApplication.translate("CheckDialog", " và {more} chỗ khác").format(
                more=len(same) - 3
            )
        rows.append(Row(same[0], count, places))
    return rows


def advice(f) -> str:
    text = WINDOW_MESSAGES.get(f.id)
    return QCoreApplication.translate("CheckDialog", text) if text else f.message


class FindingsModel(RowsModel):
    """The findings of one CheckResult, grouped; the full rule (found / expected) as a tooltip."""

    COLUMNS = COLUMNS

    def __init__(self, findings: list) -> None:
        super().__init__()
        self.findings = findings
        self.rows = grouped(findings)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        f = row.first
        if role == Qt.DisplayRole:
            level = self.tr("Lỗi") if f.severity == "error" else self.tr("Lưu ý")
            return (level, f.label, advice(f), row.places, str(row.count))[index.column()]
        if role == Qt.ToolTipRole:
            return self.tr("Đang là: {found}\nQuy định: {expected}").format(
                found=f.found, expected=f.expected
            )
        if role == Qt.ForegroundRole and f.severity == "error" and index.column() == 0:
            return ERROR_COLOUR
        if role == Qt.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class CheckDialog(QDialog):
    def __init__(self, path: str, result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(self.tr("Kiểm tra thể thức: {name}").format(name=Path(path).name))
        messages.fit_to_screen(self, QSize(980, 560))
        self.format = QComboBox()
        for text, format_id in FORMATS:
            self.format.addItem(self.tr(text), format_id)
        self.used = QLabel()
        self.used.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: bold;")
        self.table = QTableView()
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        buttons = messages.button_box(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        self.fix_button = buttons.addButton(self.tr("Sửa thể thức…"), QDialogButtonBox.ActionRole)
        self.fix_button.setToolTip(
            self.tr("Lưu một bản đã sửa khổ giấy, lề, phông, cỡ chữ…; tệp gốc giữ nguyên.")
        )
        self.fix_button.clicked.connect(self.fix_layout)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.hide()
        file_label = QLabel(self.tr("Tệp: {path}").format(path=path))
        file_label.setWordWrap(True)
        choose = QHBoxLayout()
        choose.addWidget(QLabel(self.tr("Thể thức:")))
        choose.addWidget(self.format)
        choose.addWidget(self.used, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(file_label)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.changes)
        layout.addWidget(buttons)
        self.show_result(result)
        self.format.currentIndexChanged.connect(self.recheck)

    def show_result(self, result) -> None:
        self.result = result
        self.model = FindingsModel(result.findings)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Interactive)
        header.resizeSection(3, 220)
        errors = len(result.errors)
        self.summary.setText(
            self.tr("Không phát hiện lỗi thể thức.")
            if not result.findings
            else self.tr("{errors} lỗi, {warnings} lưu ý ({rows} mục).").format(
                errors=errors, warnings=len(result.findings) - errors, rows=len(self.model.rows)
            )
        )
        name = PROFILES[result.format_id].name
        if self.format.currentData() is not None:
            how = self.tr("Đã kiểm tra theo thể thức {name}, như bạn chọn.")
        elif result.detected:
            how = self.tr("Nhận ra thể thức {name} từ văn bản.")
        else:
            how = self.tr("Không nhận ra thể thức; đã kiểm tra theo {name}.")
        self.used.setText(how.format(name=name))
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)

    def recheck(self) -> None:
        """Check the same file again in the format chosen (a report is read in a moment)."""
        from assistant.check.checker import check

        try:
            result = check(Path(self.path), self.format.currentData())
        except UserError as exc:
            messages.warn(self, self.tr("Kiểm tra thể thức"), exc.message)
            return
        self.show_result(result)

    def fix_layout(self) -> None:
        """ "Sửa thể thức": asks where to save the fixed copy, fixes, shows what changed and
        checks the copy (what is left needs the clerk's own words)."""
        from assistant.check.checker import check
        from assistant.check.fix import fix

        source = Path(self.path)
        proposed = str(source.with_name(f"{source.stem} (đã sửa thể thức).docx"))
        target = messages.ask_save_path(self, self.tr("Lưu bản đã sửa thể thức"), proposed)
        if not target:
            return
        try:
            # the save dialog already asked before replacing a file
            changes = fix(source, Path(target), self.format.currentData(), force=True)
            result = check(Path(target), self.format.currentData())
        except UserError as exc:
            messages.warn(self, self.tr("Sửa thể thức"), exc.message)
            return
        self.path = target
        self.setWindowTitle(self.tr("Kiểm tra thể thức: {name}").format(name=Path(target).name))
        listed = "\n".join(f"• {c}" for c in changes) or self.tr("Không có gì cần sửa.")
        self.changes.setText(
            self.tr("Đã lưu bản sửa vào «{path}». Đã sửa:\n{changes}").format(
                path=target, changes=listed
            )
        )
        self.changes.show()
        self.show_result(result)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Row heights follow the wrapped message once the columns have their real widths.
        QTimer.singleShot(0, self.table, self.table.resizeRowsToContents)
