"""Công cụ → «Kết nối máy chủ dữ liệu…»: the agency's server (``storage/server_settings.py``),
and what the window does when that server does not answer (``storage/offline.py``).

The window opens its history once, at start: a connection changed here is used from the next
start, and the dialog offers that start at once («Mở lại chương trình ngay»: the window closes,
saving the draft, and the program starts again); reopening every tab's history in place would be
more code than a restart saves. Without a keyring, the start asks for the password (kept for the
session)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.storage import DATABASE_ENV, offline, server_settings
from assistant.storage.connect_errors import PasswordMissing
from assistant.storage.contract import ServerNotOpened
from assistant.storage.history import History
from assistant.storage.server_settings import DEFAULT_PORT, SSL_MODES, ServerSettings


def _tr(text: str) -> str:
    return QCoreApplication.translate("server", text)


TLS_CHOICES = {
    "prefer": "Mã hoá khi máy chủ hỗ trợ (mặc định)",
    "require": "Bắt buộc mã hoá",
}
RESTART = (
    "Chương trình dùng {where} từ lần mở sau. Bấm «Mở lại chương trình ngay» để mở lại bây giờ; "
    "bản nháp đang soạn được lưu trước khi đóng."
)


class ServerDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(_tr("Kết nối máy chủ dữ liệu"))
        self.host, self.database, self.user = QLineEdit(), QLineEdit(), QLineEdit()
        self.port = QSpinBox(minimum=1, maximum=65535, value=DEFAULT_PORT)
        self.password = QLineEdit(echoMode=QLineEdit.Password)
        self.tls = QComboBox()
        for mode in SSL_MODES:
            self.tls.addItem(_tr(TLS_CHOICES[mode]), mode)
        form = QFormLayout()
        form.addRow(_tr("Máy chủ:"), self.host)
        form.addRow(_tr("Cổng:"), self.port)
        form.addRow(_tr("Cơ sở dữ liệu:"), self.database)
        form.addRow(_tr("Người dùng:"), self.user)
        form.addRow(_tr("Mật khẩu:"), self.password)
        form.addRow(_tr("Mã hoá (TLS):"), self.tls)
        help_text = QLabel(
            _tr(
                "Dùng chung một sổ văn bản đi cho cả cơ quan: bộ phận tin học cho biết máy chủ, "
                "tên cơ sở dữ liệu và tài khoản. Mật khẩu được lưu trong kho mật khẩu của hệ "
                "điều hành, không bao giờ trong tệp. «Mã hoá khi máy chủ hỗ trợ» mã hoá đường "
                "truyền mỗi khi máy chủ có TLS (máy chủ cài theo hướng dẫn đều có); «Bắt buộc mã "
                "hoá» từ chối kết nối nếu máy chủ không mã hoá."
            )
        )
        help_text.setWordWrap(True)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.try_button = QPushButton(_tr("Thử kết nối"))
        self.try_button.clicked.connect(self.try_connection)
        self.local_button = QPushButton(_tr("Dùng lịch sử trên máy này"))
        self.local_button.clicked.connect(self.use_local)
        self.restart_button = QPushButton(_tr("Mở lại chương trình ngay"))
        self.restart_button.clicked.connect(self.restart)
        buttons = messages.button_box(QDialogButtonBox.Save | QDialogButtonBox.Close)
        buttons.addButton(self.try_button, QDialogButtonBox.ActionRole)
        buttons.addButton(self.local_button, QDialogButtonBox.ResetRole)
        buttons.addButton(self.restart_button, QDialogButtonBox.ActionRole)
        self.restart_button.hide()  # once a connection is saved, and from the main window only
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        try:
            self._fill(server_settings.load(data_dir))
        except UserError as exc:  # an unreadable settings file: set it again here
            self.result.setText(exc.message)
        if not server_settings.keyring_usable():
            self.result.setText(_tr(server_settings.NO_KEYRING))

    def _fill(self, saved: ServerSettings | None) -> None:
        if saved is None:
            return
        self.host.setText(saved.host)
        self.port.setValue(saved.port)
        self.database.setText(saved.database)
        self.user.setText(saved.user)
        self.tls.setCurrentIndex(SSL_MODES.index(saved.sslmode))
        if server_settings.password(saved) is not None:
            self.password.setPlaceholderText(_tr("(đã lưu — để trống nếu không đổi)"))

    def settings(self) -> ServerSettings:
        return server_settings.checked(
            self.host.text(),
            self.database.text(),
            self.user.text(),
            self.port.value(),
            self.tls.currentData(),
        )

    def _password(self, settings: ServerSettings) -> str | None:
        """What was typed, else the saved one."""
        return self.password.text() or server_settings.password(settings)

    def try_connection(self) -> bool:
        try:
            settings = self.settings()
            server_settings.try_connection(settings, self._password(settings))
        except UserError as exc:
            self.result.setText(exc.message)
            return False
        self.result.setText(_tr("Kết nối thành công."))
        return True

    def save(self) -> None:
        try:
            settings = self.settings()
        except UserError as exc:
            self.result.setText(exc.message)
            return
        said = []
        if self.password.text() and not server_settings.store_password(
            settings, self.password.text()
        ):
            said.append(_tr(server_settings.NO_KEYRING))
        server_settings.save(self.data_dir, settings)
        said.append(_tr(RESTART).format(where=_tr("máy chủ dữ liệu")))
        self.result.setText("\n".join(said))
        self.password.clear()
        self._offer_restart()

    def use_local(self) -> None:
        server_settings.clear(self.data_dir)
        self.result.setText(_tr(RESTART).format(where=_tr("lịch sử trên máy này")))
        self._offer_restart()

    def _offer_restart(self) -> None:
        self.restart_button.setVisible(hasattr(self.parent(), "restart"))

    def restart(self) -> None:
        self.accept()
        self.parent().restart()


def open_history(data_dir: Path) -> tuple[History, ServerNotOpened | None]:
    """The window's history (``offline.open_history``). When the saved server wants a password
    that no keyring holds, the clerk is asked for it: typed once per session."""
    history, reason = offline.open_history(data_dir)
    if not isinstance(reason, PasswordMissing) or os.environ.get(DATABASE_ENV):
        return history, reason
    saved = server_settings.load(data_dir)
    typed = ask_password(saved)
    if not typed:
        return history, reason
    server_settings.remember(saved, typed)
    history.close()
    return offline.open_history(data_dir)


def ask_password(saved: ServerSettings) -> str:
    """The password for this session; "" when the clerk cancels (the window then opens offline)."""
    text = _tr("Mật khẩu của «{user}» trên máy chủ dữ liệu {host}:").format(
        user=saved.user, host=saved.host
    )
    if not server_settings.keyring_usable():
        text = _tr(server_settings.NO_KEYRING) + "\n\n" + text
    typed, ok = QInputDialog.getText(
        None, _tr("Mật khẩu máy chủ dữ liệu"), text, QLineEdit.Password
    )
    return typed if ok else ""


def add_to_menu(menu: QMenu, parent: QWidget, data_dir: Path) -> None:
    menu.addAction(_tr("Kết nối máy chủ dữ liệu…"), lambda: ServerDialog(data_dir, parent).open())


def after_start(window: QMainWindow, data_dir: Path, unreachable: ServerNotOpened | None) -> None:
    """Once the window shows: offline, say so (status bar and once a message); back online, offer
    to move the drafts typed offline onto the server."""
    if unreachable is not None:
        text = _tr(
            "Không kết nối được máy chủ dữ liệu: bản nháp được lưu trên máy này; chưa tạo được "
            "báo cáo cho đến khi kết nối lại."
        )
        window.statusBar().showMessage(text)
        QTimer.singleShot(
            0,
            lambda: messages.warn(
                window,
                _tr("Mất kết nối máy chủ dữ liệu"),
                unreachable.message + "\n\n" + text,
            ),
        )
    elif server_settings.load(data_dir) is not None and offline.waiting(data_dir):
        QTimer.singleShot(0, lambda: _offer_move(window, data_dir))


def _offer_move(window: QMainWindow, data_dir: Path) -> None:
    count = offline.waiting(data_dir)
    if not messages.ask(
        window,
        _tr("Bản nháp soạn khi mất kết nối"),
        _tr(
            "Có {n} bản nháp soạn trên máy này khi chưa kết nối được máy chủ. Chuyển chúng lên "
            "máy chủ dữ liệu ngay?"
        ).format(n=count),
    ):
        return
    try:
        done = offline.move_to_server(data_dir, window.history)
    except UserError as exc:
        messages.warn(window, _tr("Chưa chuyển được bản nháp"), exc.message)
        return
    text = _tr("Đã chuyển {n} bản nháp lên máy chủ dữ liệu.").format(n=done.copied + done.present)
    if done.conflicts:
        text += "\n" + "\n".join(done.conflicts)
    window.statusBar().showMessage(text)
    window.history_tab.refresh()
