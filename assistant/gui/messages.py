"""Every message box of the window goes through here, so tests can answer them instead of a clerk."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def _word_filter() -> str:
    return QCoreApplication.translate("messages", "Văn bản Word (*.docx)")


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes
    )
    return answer == QMessageBox.Yes


def ask_save_path(parent: QWidget | None, title: str, proposed: str) -> str:
    """The path the clerk chose, or "" when they cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, proposed, _word_filter())
    if path and not path.lower().endswith(".docx"):
        path += ".docx"
    return path


def ask_open_path(parent: QWidget | None, title: str, file_filter: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", file_filter or _word_filter())
    return path
