"""Starts the window: Qt application, Vietnamese-capable font, translations, first-run wizard.

One window per data folder: the running window holds ``<data folder>/window-open.lock``, a
``QLockFile`` (Qt's lock for a resource held as long as a document is open: the process id in the
file, so the lock of a process that died is taken over); a second start says so and exits. It is
Qt's and not filelock's because the first window shows before anything else is imported.

An error nobody caught while the window runs is written to the rotating log file the command line
opened (``cli._logging``) and shown to the clerk in Vietnamese with that file's path, instead of
the window carrying on silently (PySide6 only prints it) or vanishing. Qt's own warnings go to
the same log.

``BAO_CAO_NHANH_SMOKE_TEST=1`` closes the first window as soon as it is shown: the packaged
program's smoke test (CI, ``tests/test_bundle.py``) and the start-up benchmark.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from importlib.resources import files
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QLockFile,
    QObject,
    QProcess,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    Signal,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.paths import PROFILE_FILE, RESOURCES, data_dir

log = logging.getLogger(__name__)
SMOKE_TEST_ENV = "BAO_CAO_NHANH_SMOKE_TEST"
ICON = files("assistant.gui") / "icon.png"  # drawn by scripts/make_icon.py


def _font(app: QApplication) -> None:
    """DejaVu Sans (Linux's default) clips stacked Vietnamese capitals; Noto Sans does not."""
    if sys.platform.startswith("linux") and "Noto Sans" in QFontDatabase.families():
        app.setFont(QFont("Noto Sans", 10))


def _translations(app: QApplication) -> None:
    """Qt's own dialogs in Vietnamese, and our .qm if a translation to another language exists."""
    for name, folder in (
        ("qtbase_vi", QLibraryInfo.path(QLibraryInfo.TranslationsPath)),
        (f"bao_cao_nhanh_{QLocale.system().name()}", str(RESOURCES / "translations")),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)


class GarbageCollector(QObject):
    """Python's cyclic garbage collection only on the UI thread.

    Left automatic, a collection can start in a background job's thread and free a Qt object
    there (a closed dialog caught in a reference cycle), which crashes Qt. As Anki does, automatic
    collection is switched off and run from a timer on the UI thread instead.
    """

    INTERVAL_MS = 1000

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self, interval=self.INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    @staticmethod
    def collect() -> None:
        """A young-generation pass when Python's own thresholds say one is due, as gc would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if not app.findChild(GarbageCollector):
        GarbageCollector(app)
    app.setApplicationName("Báo cáo nhanh")
    app.setOrganizationName("BaoCaoNhanh")
    app.setWindowIcon(QIcon(str(ICON)))
    _font(app)
    messages.configure(app)  # Vietnamese locale and Qt's own texts (Qt ships no Vietnamese)
    _translations(app)
    return app


def log_file() -> Path | None:
    """The rotating log file the command line writes to, which the window shares."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def unexpected_error_text(path: Path | None) -> str:
    tr = QApplication.translate
    text = tr("app", "Chương trình gặp sự cố ngoài dự kiến; việc vừa làm có thể chưa xong.")
    if path:
        text += "\n\n" + tr("app", "Chi tiết đã được ghi vào tệp nhật ký:\n{path}").format(
            path=path
        )
    return (
        text + "\n\n" + tr("app", "Hãy lưu nháp, khởi động lại chương trình và gửi tệp nhật ký "
                            "cho người hỗ trợ phần mềm.")
    )  # fmt: skip


class ErrorReporter:
    """``sys.excepthook`` while the window runs: log the traceback, tell the clerk once (an error
    raised again while the message is up is logged only)."""

    def __init__(self) -> None:
        self.showing = False

    def __call__(self, kind, value, traceback) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in the terminal that started it
            QApplication.quit()
            return
        log.critical("unexpected error in the window", exc_info=(kind, value, traceback))
        if self.showing:
            return
        self.showing = True
        try:
            title = QApplication.translate("app", "Báo cáo nhanh — sự cố")
            messages.warn(QApplication.activeWindow(), title, unexpected_error_text(log_file()))
        finally:
            self.showing = False


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


WINDOW_LOCK = "window-open.lock"


def window_lock(folder: Path) -> QLockFile | None:
    """The lock of the window on ``folder``, held (``unlock()`` frees it); None when another
    window already holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(folder / WINDOW_LOCK))
    lock.setStaleLockTime(0)  # held as long as the window is open: stale only if its process died
    return lock if lock.tryLock(0) else None


def already_open_text(folder: Path) -> str:
    return QApplication.translate(
        "app",
        "Chương trình Báo cáo nhanh đang mở trên thư mục dữ liệu này:\n{folder}\n\n"
        "Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ). Nếu hai cửa sổ cùng ghi, "
        "số văn bản đi và bản nháp có thể bị ghi đè.",
    ).format(folder=folder)


class StartWindow(QMainWindow):
    """The window shown the moment the program starts, where the main window will be and the same
    size, while the main window loads (its modules, the history, the directive library: most of a
    start's time); the main window then takes its place. Built from Qt alone, so it shows at
    about the speed of a bare Qt window."""

    ready = Signal(QWidget)  # the main window, now shown in this one's place

    def __init__(self, folder: Path, open_results: bool = True) -> None:
        super().__init__()
        self.folder, self.open_results = folder, open_results
        self.setWindowTitle(self.tr("Báo cáo nhanh"))
        messages.place_main_window(
            self, QSettings(str(folder / "settings.ini"), QSettings.IniFormat)
        )
        label = QLabel(self.tr("Đang mở công văn và lịch sử báo cáo…"))
        # Centred by a style sheet: Qt's ``Qt`` namespace builds all its enums on first use, a
        # tenth of a bare window's start.
        label.setStyleSheet("qproperty-alignment: AlignCenter;")
        self.setCentralWidget(label)
        self.main_window: QWidget | None = None
        self.refused = False

    def load(self) -> None:
        from assistant.core.agency import load_profile

        try:
            load_profile(self.folder)
        except UserError as exc:  # a damaged profile: entered again, not the end of the program
            self._profile_again(exc)
            return
        self._open_main()

    def _open_main(self) -> None:
        from assistant.gui.main_window import MainWindow

        try:
            window = MainWindow(self.folder, self.open_results)
        except UserError as exc:
            self._refuse(exc.message)
            return
        window.show()
        self.main_window = window
        self.close()
        self.ready.emit(window)

    def _refuse(self, message: str = "") -> None:
        """The program then ends as a refusal on the command line does."""
        self.refused = True
        if message:
            messages.warn(self, self.tr("Báo cáo nhanh"), message)
        self.close()

    def _profile_again(self, exc: UserError) -> None:
        from assistant.gui.profile_wizard import ProfileWizard

        question = self.tr(
            "{error}\n\nThông tin cơ quan chưa đọc được nên chưa mở được chương trình. Nhập lại "
            "thông tin cơ quan ngay? Tệp cũ được giữ lại bên cạnh (profile-damaged-….json)."
        ).format(error=exc.message)
        if not messages.ask(self, self.tr("Thông tin cơ quan"), question):
            self._refuse()
            return
        self.wizard = ProfileWizard(self.folder)
        self.wizard.accepted.connect(self._open_main)
        self.wizard.rejected.connect(self._refuse)
        self.hide()
        self.wizard.show()


def start(folder: Path, open_results: bool = True) -> QWidget:
    """Show the first window: the profile wizard on first run (the main window follows when it
    is saved), otherwise the start window, which loads the main window as soon as it is shown.
    Nothing here blocks, so tests can drive it."""
    app = QApplication.instance()
    if (folder / PROFILE_FILE).exists():  # read, and refused if damaged, by the main window
        first = StartWindow(folder, open_results)
        first.show()
        QTimer.singleShot(0, first.load)
        return first
    from assistant.gui.main_window import MainWindow
    from assistant.gui.profile_wizard import ProfileWizard

    wizard = ProfileWizard(folder)

    def saved() -> None:
        wizard.main_window = MainWindow(folder, open_results)
        wizard.main_window.show()

    wizard.accepted.connect(saved)
    wizard.rejected.connect(app.quit)
    wizard.show()
    return wizard


def run_app(args: argparse.Namespace) -> int:
    app = application()
    folder = data_dir(args.data_dir)
    lock = window_lock(folder)
    if lock is None:
        messages.warn(None, app.translate("app", "Báo cáo nhanh"), already_open_text(folder))
        return 3
    saved_hook, sys.excepthook = sys.excepthook, ErrorReporter()
    qInstallMessageHandler(_qt_message)
    restart = False
    try:
        try:
            window = start(folder)
        except UserError as exc:
            messages.warn(None, app.translate("app", "Báo cáo nhanh"), exc.message)
            return 2
        log.info("window shown")
        if os.environ.get(SMOKE_TEST_ENV):  # closed once the main window has taken its place
            if isinstance(window, StartWindow):
                window.ready.connect(lambda main: QTimer.singleShot(0, main.close))
            else:
                QTimer.singleShot(0, window.close)
        exit_code = app.exec()
        if getattr(window, "refused", False):
            exit_code = 2
        window.deleteLater()  # the reference above kept the window alive until now
        main = getattr(window, "main_window", None)
        if main is not None:
            restart = main.restart_requested
            main.deleteLater()
        return exit_code
    finally:
        qInstallMessageHandler(None)
        sys.excepthook = saved_hook
        lock.unlock()
        if restart:  # once the data folder is free for the new window
            _start_again()


def _start_again() -> None:
    """The program once more, as it was started (the packaged program, or Python with its
    arguments): how a changed server connection comes into use."""
    program, *arguments = sys.orig_argv
    if QProcess.startDetached(program, arguments):
        log.info("started again: %s", sys.orig_argv)
    else:
        log.error("could not start again: %s", sys.orig_argv)
