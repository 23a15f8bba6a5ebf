"""“Giới thiệu…” (version, data folder, log file, licence) and “Mở thư mục dữ liệu”: where
things are, for the clerk and for whoever supports them (``python -m assistant about`` prints
the same)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from assistant.about_command import about
from assistant.gui import messages


def _tr(text: str) -> str:
    return QCoreApplication.translate("about", text)


def _link(path: Path) -> QLabel:
    label = QLabel(f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{path}</a>')
    label.setTextInteractionFlags(Qt.TextBrowserInteraction)
    label.setOpenExternalLinks(True)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = about(data_dir)
        self.setWindowTitle(_tr("Giới thiệu Báo cáo nhanh"))
        form = QFormLayout()
        form.addRow(_tr("Phiên bản:"), QLabel(self.facts.version))
        form.addRow(_tr("Thư mục dữ liệu:"), _link(self.facts.data_folder))
        form.addRow(_tr("Tệp nhật ký:"), _link(self.facts.log_file))
        form.addRow(_tr("Giấy phép:"), QLabel(self.facts.licence))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr("<b>Báo cáo nhanh</b> — soạn báo cáo trả lời công văn theo "
                                    "đúng thể thức (NĐ 30/2020/NĐ-CP, HD 36-HD/VPTW).")))  # fmt: skip
        layout.addLayout(form)
        hint = QLabel(_tr("Khi cần hỗ trợ, hãy gửi kèm tệp nhật ký ở trên."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        buttons = messages.button_box(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_about(parent: QWidget, data_dir: Path) -> AboutDialog:
    dialog = AboutDialog(data_dir, parent)
    dialog.open()  # window-modal, not blocking: the caller (and a test) keeps running
    return dialog


def open_data_folder(parent: QWidget, data_dir: Path) -> bool:
    """The data folder in the system's file manager; a Vietnamese message when it cannot."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir))):
        return True
    messages.warn(
        parent,
        _tr("Mở thư mục dữ liệu"),
        _tr("Máy tính không mở được thư mục:\n{path}\n\nHãy mở nó bằng trình quản lý tệp.").format(
            path=data_dir
        ),
    )
    return False


def add_to_menu(menu: QMenu, parent: QWidget, data_dir: Path) -> None:
    menu.addAction(_tr("Giới thiệu…")).triggered.connect(lambda: show_about(parent, data_dir))
    menu.addAction(_tr("Mở thư mục dữ liệu")).triggered.connect(
        lambda: open_data_folder(parent, data_dir)
    )
