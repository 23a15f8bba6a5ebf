"""The editor's first tab: who issued the directive, its number, date, subject, signer, Kính gửi."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from assistant.core.model import BodyKind, Directive, Signer
from assistant.gui.directive_form import HEADER, line_edit, lines, read_date, shown_date

SIGNER_KEYS = ("collective", "authority", "title", "name")


class HeaderForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Cơ quan Đảng"), BodyKind.PARTY.value)
        self.kind.addItem(self.tr("Cơ quan nhà nước"), BodyKind.STATE.value)
        form.addRow(self.tr("Loại cơ quan:"), self.kind)
        for key, label in HEADER:
            form.addRow(self.tr(label) + ":", line_edit(self.edits, key))
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(self.tr("Mỗi dòng một nơi"))
        form.addRow(self.tr("Kính gửi (mỗi dòng một nơi):"), self.recipients)

    def load(self, d: Directive) -> None:
        self.kind.setCurrentIndex(self.kind.findData(d.kind.value))
        values = {
            "issuer": d.issuer,
            "issuer_parent": d.issuer_parent,
            "number": d.number or "",
            "code": d.code,
            "date": shown_date(d.date),
            "place": d.place,
            "subject": d.subject,
            **{f"signer.{k}": getattr(d.signer, k) for k in SIGNER_KEYS},
        }
        for key, edit in self.edits.items():
            edit.setText(values[key])
            edit.setCursorPosition(0)  # long subjects show their beginning
        self.recipients.setPlainText("\n".join(d.recipients))

    def values(self) -> dict:
        """The header's fields, as keyword arguments of ``dataclasses.replace(directive, …)``."""
        text = {key: edit.text().strip() for key, edit in self.edits.items()}
        return {
            "kind": BodyKind(self.kind.currentData()),
            "issuer": text["issuer"],
            "issuer_parent": text["issuer_parent"],
            "number": text["number"] or None,
            "code": text["code"],
            "date": read_date(text["date"], "date"),
            "place": text["place"],
            "subject": text["subject"],
            "signer": Signer(**{k: text[f"signer.{k}"] for k in SIGNER_KEYS}),
            "recipients": lines(self.recipients),
        }
