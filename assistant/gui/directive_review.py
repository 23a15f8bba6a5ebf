"""Words to review, linked both ways between the source text and the editor's fields.

The importer lists the words it is unsure of (restored marks, corrected capitals, a signer's name
kept as read). They are highlighted in the source; a field holding one of them, or read with low
confidence, gets a flag. Clicking the flag shows the field's words in the source; clicking a
highlighted word in the source opens the field that holds it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QStyle

from assistant.core.vntext import fold
from assistant.gui.directive_editor import DirectiveEditor
from assistant.gui.directive_form import TAB_OF

DOUBTFUL = 0.6  # below this confidence a field is marked for review
REVIEW_COLOUR = "#ffe082"
_FIND = QTextDocument.FindCaseSensitively | QTextDocument.FindWholeWords


class ReviewLinks:
    def __init__(self, source: QPlainTextEdit, editor: DirectiveEditor) -> None:
        self.source, self.editor = source, editor
        self.words: tuple[str, ...] = ()
        self.flags: dict[str, QAction] = {}
        source.cursorPositionChanged.connect(self._source_clicked)

    def show(self, parsed) -> None:
        """Highlight ``parsed.review`` in the source and flag the fields to check."""
        self.words = tuple(w for w in parsed.review if w and " " not in w.strip())
        self._highlight()
        for name, action in self.flags.items():
            self.editor.edits[name].removeAction(action)
        self.flags = {}
        for name, edit in self.editor.edits.items():
            field = name.split(".")[0]  # "signer.name" was read as part of "signer"
            low = field in parsed.fields and parsed.confidence(field) < DOUBTFUL
            marked = low or bool(self._words_in(edit.text()))
            edit.setStyleSheet(f"background: {REVIEW_COLOUR};" if marked else "")
            edit.setToolTip(edit.tr("Cần xem lại") if marked else "")
            if marked and edit.text().strip():
                self._flag(name, edit)

    def _flag(self, name: str, edit: QLineEdit) -> None:
        """A flag in the box: a click shows where its words are in the source."""
        edit.setToolTip(edit.tr("Cần xem lại: bấm dấu cờ để xem chỗ này trong văn bản gốc"))
        icon = edit.style().standardIcon(QStyle.SP_MessageBoxWarning)
        action = edit.addAction(icon, QLineEdit.TrailingPosition)
        action.setToolTip(edit.toolTip())
        action.triggered.connect(lambda: self.show_in_source(name))
        self.flags[name] = action

    def _words_in(self, text: str) -> list[str]:
        found = set(text.split())
        return [w for w in self.words if w in found]

    def _highlight(self) -> None:
        mark = QTextCharFormat()
        mark.setBackground(QColor(REVIEW_COLOUR))
        document = self.source.document()
        for word in self.words:
            cursor = document.find(word, QTextCursor(document), _FIND)
            while not cursor.isNull():
                cursor.mergeCharFormat(mark)
                cursor = document.find(word, cursor, _FIND)

    def show_in_source(self, name: str) -> bool:
        """Select the field's value (or its first word to review) in the source text.

        Matched without marks: a name kept as read ("Nguyen Van Hung") is found where the
        restored source shows its guess.
        """
        text = self.editor.edits[name].text().strip()
        plain = self.source.toPlainText()
        folded = fold(plain)
        for needle in (text, *self._words_in(text), *text.split()):
            at = folded.find(fold(needle)) if needle else -1
            if at < 0:
                continue
            document = self.source.document()
            cursor = document.find(plain[at : at + len(fold(needle))], QTextCursor(document))
            if not cursor.isNull():
                self.source.setTextCursor(cursor)
                self.source.centerCursor()
                return True
        return False

    def _source_clicked(self) -> None:
        """A click on a highlighted word opens the field that holds it."""
        cursor = self.source.textCursor()
        if (
            cursor.hasSelection()
            or cursor.charFormat().background().color().name() != REVIEW_COLOUR
        ):
            return
        cursor.select(QTextCursor.WordUnderCursor)
        self.show_field(cursor.selectedText())

    def show_field(self, word: str) -> str | None:
        """Open the tab and focus the field whose value holds ``word``; its name, or None."""
        for name, edit in self.editor.edits.items():
            at = edit.text().find(word) if word else -1
            if at >= 0:
                self.editor.tabs.setCurrentIndex(TAB_OF.get(name, 0))
                edit.setFocus()
                edit.setSelection(at, len(word))
                return name
        panel = self.editor.task_panel
        for row, task in enumerate(panel.tasks):
            if word and word in task.text:
                self.editor.tabs.setCurrentIndex(TAB_OF["tasks"])
                panel.select_task(row)
                return f"tasks.{row}"
        return None
