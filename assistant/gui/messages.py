"""Every message box and file dialog of the window goes through here, so tests can answer them
instead of a clerk, and every one of them speaks Vietnamese.

Qt ships no Vietnamese translation of its own dialogs, so:

- ``QtVietnamese`` is a translator for the texts Qt writes itself (Yes/No, the wizard's buttons,
  the file dialog's labels, tooltips and columns, the line edit's context menu); ``configure``
  installs it with the Vietnamese locale (calendars, month and day names);
- the boxes built here also set their buttons' texts explicitly, so they stay Vietnamese even
  where the translator is not installed (a test, a plugin);
- file dialogs are the system's own on Windows (in the system's language), Qt's elsewhere, with
  Vietnamese labels.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLocale, QSize, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QToolButton,
    QWidget,
)

# By name: QLocale's language and country enums take a while to build, on the start's path.
VIETNAMESE = QLocale("vi_VN")

# Standard buttons by their enum name (QMessageBox and QDialogButtonBox share the names).
BUTTON_TEXTS = {
    "Ok": "Đồng ý",
    "Open": "Mở",
    "Save": "Lưu",
    "Cancel": "Hủy",
    "Close": "Đóng",
    "Discard": "Không lưu",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "RestoreDefaults": "Khôi phục mặc định",
    "Help": "Trợ giúp",
    "SaveAll": "Lưu tất cả",
    "Yes": "Có",
    "YesToAll": "Có tất cả",
    "No": "Không",
    "NoToAll": "Không tất cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
}

# Qt's own texts, by their English source (any context): what the clerk would otherwise read.
QT_TEXTS = {
    # QPlatformTheme: standard buttons
    "OK": "Đồng ý",
    "&OK": "&Đồng ý",
    "Open": "Mở",
    "&Open": "&Mở",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Close": "Đóng",
    "&Close": "&Đóng",
    "Discard": "Không lưu",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng, không lưu",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Help": "Trợ giúp",
    "&Help": "&Trợ giúp",
    "Save All": "Lưu tất cả",
    "&Yes": "&Có",
    "Yes": "Có",
    "Yes to &All": "Có &tất cả",
    "&No": "&Không",
    "No": "Không",
    "N&o to All": "Không tất &cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Show Details...": "Xem chi tiết…",
    "Hide Details...": "Ẩn chi tiết",
    # QWizard
    "< &Back": "< &Quay lại",
    "&Back": "&Quay lại",
    "Go Back": "Quay lại",
    "&Next >": "&Tiếp >",
    "&Next": "&Tiếp",
    "Continue": "Tiếp tục",
    "&Finish": "&Xong",
    "Done": "Xong",
    "Commit": "Xác nhận",
    # QFileDialog
    "Look in:": "Thư mục:",
    "&Look in:": "&Thư mục:",
    "File &name:": "&Tên tệp:",
    "File name:": "Tên tệp:",
    "Files of &type:": "&Loại tệp:",
    "Files of type:": "Loại tệp:",
    "All Files (*)": "Mọi tệp (*)",
    "Back": "Quay lại",
    "Go back": "Quay lại",
    "Forward": "Tiến",
    "Go forward": "Tiến",
    "Parent Directory": "Thư mục cha",
    "Go to the parent directory": "Lên thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Create a New Folder": "Tạo thư mục mới",
    "List View": "Xem dạng danh sách",
    "Change to list view mode": "Xem dạng danh sách",
    "Detail View": "Xem chi tiết",
    "Change to detail view mode": "Xem chi tiết",
    "&New Folder": "Thư mục &mới",
    "New Folder": "Thư mục mới",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp &ẩn",
    "Sidebar": "Thanh bên",
    "List of places and bookmarks": "Các nơi hay dùng",
    "Files": "Tệp",
    "Recent Places": "Nơi mở gần đây",
    "Find Directory": "Chọn thư mục",
    "Directory:": "Thư mục:",
    "Directories": "Thư mục",
    "Directory": "Thư mục",
    "Computer": "Máy tính",
    "My Computer": "Máy tính",
    "Name": "Tên",
    "Size": "Cỡ",
    "Type": "Loại",
    "Date Modified": "Ngày sửa",
    "Kind": "Loại",
    "Drive": "Ổ đĩa",
    "Folder": "Thư mục",
    "File": "Tệp",
    "Unknown": "Không rõ",
    "%1 already exists.\nDo you want to replace it?": "Đã có «%1».\nGhi đè lên tệp này?",
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nKhông thấy tệp. Hãy kiểm tra lại tên tệp."
    ),
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nKhông thấy thư mục. Hãy kiểm tra lại tên thư mục."
    ),
    "Are you sure you want to delete '%1'?": "Xóa «%1»?",
    # line edit and text box context menus
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "Copy &Link Location": "Sao chép địa chỉ &liên kết",
}


class QtVietnamese(QTranslator):
    """Vietnamese for the texts Qt writes itself; ``None`` leaves any other text as it is."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return QT_TEXTS.get(source)

    def isEmpty(self) -> bool:
        return False


def configure(app: QApplication) -> None:
    """Vietnamese locale (calendars, month names) and Qt's own texts, for the whole application."""
    QLocale.setDefault(VIETNAMESE)
    if not any(isinstance(t, QtVietnamese) for t in app.findChildren(QtVietnamese)):
        app.installTranslator(QtVietnamese(app))


# -- buttons ------------------------------------------------------------------------------
def vietnamese_buttons(box: QMessageBox | QDialogButtonBox) -> None:
    """Set the Vietnamese text of each standard button of a message box or a button box."""
    for button in box.buttons():
        standard = box.standardButton(button)
        text = BUTTON_TEXTS.get(getattr(standard, "name", ""))
        if text:
            button.setText(text)


def button_box(buttons) -> QDialogButtonBox:
    """A QDialogButtonBox with Vietnamese texts."""
    box = QDialogButtonBox(buttons)
    vietnamese_buttons(box)
    return box


# -- message boxes ------------------------------------------------------------------------
def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons=QMessageBox.Ok,
    default=QMessageBox.NoButton,
) -> QMessageBox:
    """A message box, not yet shown, its buttons in Vietnamese."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if default != QMessageBox.NoButton:
        box.setDefaultButton(default)
    vietnamese_buttons(box)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Information, title, text).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Warning, title, text).exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    box = message_box(
        parent, QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes
    )
    return box.exec() == QMessageBox.Yes


# -- file dialogs -------------------------------------------------------------------------
def _word_filter() -> str:
    return QCoreApplication.translate("messages", "Văn bản Word (*.docx)")


def native_dialogs() -> bool:
    """Windows' own file dialog speaks the system's language; Qt's elsewhere, made Vietnamese."""
    return sys.platform == "win32"


LABELS = {
    QFileDialog.LookIn: "Thư mục:",
    QFileDialog.FileName: "Tên tệp:",
    QFileDialog.FileType: "Loại tệp:",
    QFileDialog.Reject: "Hủy",
}
TOOLTIPS = {
    "backButton": "Quay lại",
    "forwardButton": "Tiến",
    "toParentButton": "Lên thư mục cha",
    "newFolderButton": "Tạo thư mục mới",
    "listModeButton": "Xem dạng danh sách",
    "detailModeButton": "Xem chi tiết",
}


def file_dialog(
    parent: QWidget | None,
    title: str,
    file_filter: str,
    save: bool = False,
    directory: str = "",
    native: bool | None = None,
) -> QFileDialog:
    """A file dialog, not yet shown: native on Windows, else Qt's with Vietnamese labels."""
    dialog = QFileDialog(parent, title, directory, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptSave if save else QFileDialog.AcceptOpen)
    dialog.setFileMode(QFileDialog.AnyFile if save else QFileDialog.ExistingFile)
    if save:
        dialog.setDefaultSuffix("docx")
    if not (native_dialogs() if native is None else native):
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        for label, text in LABELS.items():
            dialog.setLabelText(label, text)
        dialog.setLabelText(QFileDialog.Accept, "Lưu" if save else "Mở")
        for button in dialog.findChildren(QToolButton):
            if button.objectName() in TOOLTIPS:
                button.setToolTip(TOOLTIPS[button.objectName()])
    return dialog


def _chosen(dialog: QFileDialog) -> str:
    fit_to_screen(dialog, QSize(900, 560))
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def ask_save_path(parent: QWidget | None, title: str, proposed: str) -> str:
    """The path the clerk chose, or "" when they cancelled."""
    dialog = file_dialog(parent, title, _word_filter(), save=True)
    dialog.selectFile(proposed)
    path = _chosen(dialog)
    if path and not path.lower().endswith(".docx"):
        path += ".docx"
    return path


def ask_open_path(parent: QWidget | None, title: str, file_filter: str = "") -> str:
    return _chosen(file_dialog(parent, title, file_filter or _word_filter()))


# -- fitting the screen -------------------------------------------------------------------
def available_size(widget: QWidget | None = None) -> QSize:
    """The screen's free area (without the task bar) where ``widget`` shows, in device-independent
    pixels (1920×1080 at 125% is 1536×824 or so)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size()


def fitted(preferred: QSize, available: QSize, margin: int = 24) -> QSize:
    """``preferred``, made smaller where the screen is smaller: never larger than it."""
    return QSize(
        max(200, min(preferred.width(), available.width() - margin)),
        max(150, min(preferred.height(), available.height() - margin * 2)),
    )


def fit_to_screen(widget: QWidget, preferred: QSize, available: QSize | None = None) -> None:
    """Size a window for its screen; its content scrolls or wraps where the screen is small."""
    widget.resize(fitted(preferred, available or available_size(widget)))


def place_main_window(window: QWidget, settings) -> None:
    """Where the clerk left the main window (``settings``: its QSettings), fitted to this screen;
    the first time 1280×820, or less on a small screen (many office PCs have 1366×768)."""
    screen = available_size(window)
    window.resize(min(1280, screen.width() * 95 // 100), min(820, screen.height() * 90 // 100))
    if settings.contains("geometry"):
        window.restoreGeometry(settings.value("geometry"))
        fit_to_screen(window, window.size())  # a size saved on a larger screen
