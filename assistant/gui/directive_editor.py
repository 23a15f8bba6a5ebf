"""Correct every field of a directive and save it into the library.

The editor is made of one panel per concern (``directive_header``, ``directive_groups``,
``directive_tasks``, ``directive_report``, ``directive_document``); it turns them into a core
``Directive`` (``dataclasses.replace`` of the one it was given) and lets the core validate it. The
library decides what saving may do: a new directive is added (the same one already there is
offered instead), the clerk's own is updated, a bundled one is kept as it was and the corrections
go into a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core.directives import DirectiveLibrary, directive_from_dict, directive_to_dict
from assistant.core.errors import UserError
from assistant.core.model import Directive
from assistant.gui import messages
from assistant.gui.directive_document import DocumentForm
from assistant.gui.directive_form import TAB_OF, TABS, explain
from assistant.gui.directive_groups import GroupsPanel
from assistant.gui.directive_header import HeaderForm
from assistant.gui.directive_report import ReportForm
from assistant.gui.directive_tasks import TasksPanel


class DirectiveEditor(QWidget):
    """Every field of one directive; ``save()`` stores it through the library."""

    saved = Signal(str)  # the saved directive's id
    opened = Signal(str)  # the clerk chose the library's copy of the same directive instead

    def __init__(
        self, library: DirectiveLibrary, confirm: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library, self.confirm = library, confirm
        self.original: Directive | None = None
        self.new_id: Callable[[Directive], str] | None = None
        self.header, self.group_panel, self.report = HeaderForm(), GroupsPanel(), ReportForm()
        self.task_panel = TasksPanel(self.group_panel.groups)
        self.document = DocumentForm()
        self.group_panel.renamed.connect(self.task_panel.rename_group)
        self.group_panel.changed.connect(self.task_panel.groups_changed)
        self.edits: dict[str, QLineEdit] = {**self.header.edits, **self.report.edits}
        self.tabs = QTabWidget()
        for panel, title in zip(
            (self.header, self.group_panel, self.task_panel, self.report, self.document),
            TABS,
            strict=True,
        ):
            self.tabs.addTab(panel, self.tr(title))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.task_panel.note.connect(self.status.setText)
        save = QPushButton(self.tr("Lưu công văn"))
        save.clicked.connect(self.save)
        bottom = QHBoxLayout()
        notes = QVBoxLayout()
        notes.addWidget(self.error)
        notes.addWidget(self.status)
        bottom.addLayout(notes, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.setEnabled(False)

    def load(self, directive: Directive, new_id: Callable[[Directive], str] | None = None) -> None:
        """Show ``directive``; with ``new_id`` it is new, its id made from the corrected fields."""
        self.original, self.new_id = directive, new_id
        d = directive
        self.header.load(d)
        self.group_panel.load(d.groups)
        self.task_panel.load(d.tasks)
        self.report.load(d)
        self.document.load(d)
        self.error.clear()
        if new_id:
            note = self.tr("Công văn mới: sửa các trường rồi bấm «Lưu công văn».")
        elif self.library.is_bundled(d.id):
            note = self.tr(
                "Công văn có sẵn trong chương trình: bản gốc giữ nguyên, khi lưu các sửa đổi "
                "được lưu thành một bản riêng."
            )
        else:
            note = self.tr("Bấm «Lưu công văn» để cập nhật công văn «{id}».").format(id=d.id)
        self.status.setText(note)
        self.setEnabled(True)

    def directive(self) -> Directive:
        """The corrected directive, validated by the core; a UserError names the bad field."""
        draft = replace(
            self.original,
            **self.header.values(),
            groups=self.group_panel.groups(),
            tasks=self.task_panel.valid(set(self.group_panel.ids())),
            **self.report.values(),
            **self.document.values(),
        )
        if self.new_id:
            draft = replace(draft, id=self.new_id(draft))
        data = directive_to_dict(draft)
        try:
            return directive_from_dict(data)
        except UserError as exc:
            raise UserError(explain(exc.field, data), exc.detail, field=exc.field) from None

    def save(self) -> bool:
        """Validate and store; True when something was saved."""
        try:
            directive = self.directive()
            saved = self._store(directive)
        except UserError as exc:
            self.error.setText(exc.message)
            self._point_to(exc.field)
            messages.warn(self, self.tr("Chưa lưu được"), exc.message)
            return False
        if saved is None:
            return False
        kept = self.original.id if saved.id != directive.id and not self.new_id else ""
        self.load(saved)
        done = self.tr("Đã lưu công văn {symbol} vào thư viện (mã «{id}»).").format(
            symbol=saved.symbol, id=saved.id
        )
        if kept:
            done += " " + self.tr(
                "Công văn có sẵn «{kept}» vẫn giữ nguyên; bản đã sửa là một bản riêng."
            ).format(kept=kept)
        self.status.setText(done)
        if self.confirm:
            messages.inform(self, self.tr("Đã lưu"), done)
        self.saved.emit(saved.id)
        return True

    def _store(self, directive: Directive) -> Directive | None:
        """What the library saved, or None when the clerk chose the copy already there."""
        if self.new_id:
            try:
                self.library.add(directive)
                return directive
            except UserError as exc:
                if exc.field == "id":  # the id made from the fields names another directive
                    return replace(directive, id=self.library.add(directive, as_copy=True).stem)
                if exc.field != "duplicate":
                    raise
            same = self.library.find_same(directive)
            if messages.ask(
                self,
                self.tr("Công văn đã có trong thư viện"),
                self.tr(
                    "Công văn {symbol} này đã có trong thư viện (mã «{id}»).\n\n"
                    "Có: mở công văn đã có, không lưu gì thêm.\n"
                    "Không: lưu bản này thành một công văn riêng."
                ).format(symbol=directive.symbol, id=same.id),
            ):
                self.load(same)
                self.status.setText(
                    self.tr("Đã mở công văn có sẵn «{id}»; chưa lưu gì thêm.").format(id=same.id)
                )
                self.opened.emit(same.id)
                return None
        elif not self.library.is_bundled(directive.id):
            self.library.update(directive)
            return directive
        return replace(directive, id=self.library.add(directive, as_copy=True).stem)

    def _point_to(self, field: str) -> None:
        """Show the tab, the task or the box of a refused field."""
        root, _, rest = field.partition(".")
        self.tabs.setCurrentIndex(TAB_OF.get(root, 0))
        index = rest.split(".")[0]
        if root == "tasks" and index.isdigit():
            self.task_panel.select_task(int(index))
            self.task_panel.task_text.setFocus()
        elif root == "groups" and index.isdigit():
            self.group_panel.table.selectRow(int(index))
        elif root == "implements" and index.isdigit():
            self.document.implements.selectRow(int(index))
        elif root in ("distribution", "text"):
            getattr(self.document, root).setFocus()
        elif root == "recipients":
            self.header.recipients.setFocus()
        elif field in self.edits:
            self.edits[field].setFocus()


class DirectiveEditorDialog(QDialog):
    """The editor in its own window, for a directive already in the library."""

    def __init__(
        self, library: DirectiveLibrary, directive: Directive, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sửa công văn"))
        messages.fit_to_screen(self, QSize(1000, 680))
        self.editor = DirectiveEditor(library)
        self.editor.load(directive)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(close)
