"""Import a new directive: pick or drop a file, check the fields beside the source, save.

Reading and parsing run off the UI thread (a scan takes seconds); the fields come from
``assistant.importer`` with their confidence, and the clerk's corrections go back through
``ParsedDirective.with_overrides`` — the dialog itself decides nothing about a directive.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.gui.background import Background

# Text fields the clerk may correct, with their Vietnamese labels.
EDITABLE = (
    ("issuer", "Cơ quan ban hành"),
    ("issuer_parent", "Cơ quan cấp trên"),
    ("number", "Số"),
    ("code", "Ký hiệu"),
    ("date", "Ngày (dd/mm/yyyy)"),
    ("place", "Địa danh"),
    ("subject", "Trích yếu"),
    ("report_to", "Báo cáo gửi"),
)
DOUBTFUL = 0.6  # below this confidence a field is shown for review


class ImportDialog(QDialog):
    imported = Signal(str)  # the new directive's id

    def __init__(self, library: DirectiveLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.parsed = library, None
        self.setWindowTitle(self.tr("Nhập công văn mới"))
        self.setAcceptDrops(True)
        self.resize(1100, 700)
        pick = QPushButton(self.tr("Chọn tệp (.docx, .pdf, .txt, ảnh quét)…"))
        pick.clicked.connect(self.pick_file)
        self.info = QLabel(self.tr("Hoặc kéo thả tệp công văn vào cửa sổ này."))
        self.source = QPlainTextEdit(readOnly=True)
        self.edits: dict[str, QLineEdit] = {}
        self.marks: dict[str, QLabel] = {}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        for name, label in EDITABLE:
            self.edits[name], self.marks[name] = QLineEdit(), QLabel()
            row = QHBoxLayout()
            row.addWidget(self.edits[name], 1)
            row.addWidget(self.marks[name])
            form.addRow(self.tr(label) + ":", row)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        splitter = QSplitter()
        splitter.addWidget(self.source)
        splitter.addWidget(form_widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(self.tr("Lưu vào thư viện"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Hủy"))
        self.buttons.button(QDialogButtonBox.Save).setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(pick)
        top.addWidget(self.info, 1)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    # -- reading --------------------------------------------------------------------------
    def pick_file(self) -> None:
        path = messages.ask_open_path(
            self,
            self.tr("Chọn công văn"),
            "Công văn (*.docx *.pdf *.txt *.png *.jpg *.jpeg *.tif *.tiff)",
        )
        if path:
            self.load(path)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.load(urls[0])

    def load(self, path: str) -> Background:
        from assistant.importer import import_file  # the importer loads only when needed

        self.info.setText(self.tr("Đang đọc «{name}»…").format(name=Path(path).name))
        self.job = Background(
            self,
            self.tr("Đang đọc công văn…"),
            lambda: import_file(path),
            self.show_parsed,
            self._failed,
        ).start()
        return self.job

    def _failed(self, exc: UserError) -> None:
        self.info.setText(exc.message)
        messages.warn(self, self.tr("Không nhập được"), exc.message)

    def show_parsed(self, parsed) -> None:
        self.parsed = parsed
        self.source.setPlainText(parsed.original or parsed.text)
        for name, _ in EDITABLE:
            value = parsed[name]
            self.edits[name].setText(
                value.strftime("%d/%m/%Y") if name == "date" and value else str(value or "")
            )
            self.edits[name].setCursorPosition(0)  # long subjects show their beginning
            doubtful = parsed.confidence(name) < DOUBTFUL
            self.marks[name].setText(
                self.tr("cần xem lại") if doubtful else f"{parsed.confidence(name):.0%}"
            )
            self.marks[name].setStyleSheet("color: #b71c1c;" if doubtful else "color: #2e7d32;")
        review = ", ".join(parsed.review[:15])
        self.summary.setText(
            self.tr("{tasks} nhiệm vụ, {recipients} nơi nhận.").format(
                tasks=len(parsed["tasks"]), recipients=len(parsed["recipients"])
            )
            + (
                self.tr(" Văn bản đã được khôi phục dấu; kiểm tra các từ: {words}").format(
                    words=review
                )
                if parsed.restored
                else ""
            )
        )
        self.info.setText(
            self.tr("Đã đọc «{name}». Kiểm tra và sửa các trường bên phải rồi lưu.").format(
                name=parsed.source
            )
        )
        self.buttons.button(QDialogButtonBox.Save).setEnabled(True)

    # -- saving ---------------------------------------------------------------------------
    def corrections(self) -> dict:
        values = {name: self.edits[name].text().strip() for name, _ in EDITABLE}
        try:
            values["date"] = (
                datetime.strptime(values["date"], "%d/%m/%Y").date() if values["date"] else None
            )
        except ValueError:
            raise UserError(
                self.tr("Ngày phải viết dạng dd/mm/yyyy, ví dụ 02/04/2024."), field="date"
            ) from None
        values["number"] = values["number"] or None
        return {k: v for k, v in values.items() if v != self.parsed[k]}

    def save(self) -> None:
        try:
            directive = self.parsed.with_overrides(**self.corrections()).to_directive()
            self.library.add(directive)
        except UserError as exc:
            messages.warn(self, self.tr("Chưa lưu được"), exc.message)
            return
        self.imported.emit(directive.id)
        self.accept()
