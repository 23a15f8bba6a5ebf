"""Import a new directive: pick or drop a file, correct every field beside the source, save.

Reading and parsing run off the UI thread (a scan takes seconds); the fields come from
``assistant.importer`` with their confidence and open in the directive editor, beside the restored
text with the words to check highlighted and linked to their fields (``directive_review``) — the
dialog itself decides nothing about a directive.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.core.model import Directive, Task
from assistant.gui import messages
from assistant.gui.background import Background
from assistant.gui.directive_editor import DirectiveEditor
from assistant.gui.directive_review import ReviewLinks

# Required fields the importer may not find: a stand-in lets the editor open, then is emptied so
# the clerk has to type the real value before the core accepts the directive.
STAND_IN = {"issuer": "?", "code": "?", "subject": "?", "tasks": (Task("t1", "1", "?", "generic"),)}
EMPTY = {"issuer": "", "code": "", "subject": "", "tasks": (Task("t1", "1", "", "generic"),)}


def draft(parsed) -> Directive:
    """The parsed directive, with any required field the importer could not read left empty."""
    missing = [name for name in parsed.missing() if name in STAND_IN]
    directive = parsed.with_overrides(**{m: STAND_IN[m] for m in missing}).to_directive()
    return replace(directive, **{m: EMPTY[m] for m in missing})


class ImportDialog(QDialog):
    imported = Signal(str)  # the new directive's id
    opened = Signal(str)  # the library's copy of the same directive, chosen instead of saving

    def __init__(self, library: DirectiveLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.parsed = library, None
        self.setWindowTitle(self.tr("Nhập công văn mới"))
        self.setAcceptDrops(True)
        messages.fit_to_screen(self, QSize(1280, 720))
        pick = QPushButton(self.tr("Chọn tệp (.docx, .pdf, .txt, ảnh quét)…"))
        pick.clicked.connect(self.pick_file)
        self.info = QLabel(self.tr("Hoặc kéo thả tệp công văn vào cửa sổ này."))
        self.info.setWordWrap(True)
        self.source = QPlainTextEdit(readOnly=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.source, 1)
        box.addWidget(self.summary)
        # The window's status line says it was saved: this dialog closes at once.
        self.editor = DirectiveEditor(library, confirm=False)
        self.editor.saved.connect(self._done(self.imported))
        self.editor.opened.connect(self._done(self.opened))
        self.edits = self.editor.edits
        self.review = ReviewLinks(self.source, self.editor)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setSizes([480, 800])
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Đóng, không lưu"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(pick)
        top.addWidget(self.info, 1)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def _done(self, signal):
        def emit(directive_id: str) -> None:
            signal.emit(directive_id)
            self.accept()

        return emit

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
        try:
            directive = draft(parsed)
        except UserError as exc:
            self._failed(exc)
            return
        self.parsed = parsed
        self.editor.load(
            directive,
            new_id=lambda d: (
                parsed.with_overrides(number=d.number, code=d.code, date=d.date).directive_id
            ),
        )
        self.source.setPlainText(parsed.text)
        self.review.show(parsed)
        self.summary.setText(
            self.tr("{tasks} nhiệm vụ, {recipients} nơi nhận.").format(
                tasks=len(directive.tasks), recipients=len(directive.recipients)
            )
            + (
                self.tr(" Văn bản đã được khôi phục dấu; các từ tô vàng cần xem lại.")
                if parsed.restored
                else ""
            )
        )
        self.info.setText(
            self.tr("Đã đọc «{name}». Kiểm tra, sửa các trường bên phải rồi lưu.").format(
                name=parsed.source
            )
        )

    def save(self) -> bool:
        return self.editor.save()
