"""Starts the window: Qt application, Vietnamese-capable font, translations, first-run wizard.

One window per data folder: the running window holds ``<data folder>/window.lock`` (a
``filelock`` lock, freed by the OS when the process dies); a second start says so and exits.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from filelock import FileLock, Timeout
from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from assistant.core.agency import load_profile
from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.paths import RESOURCES, data_dir


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
    _font(app)
    messages.configure(app)  # Vietnamese locale and Qt's own texts (Qt ships no Vietnamese)
    _translations(app)
    return app


WINDOW_LOCK = "window.lock"


def window_lock(folder: Path) -> FileLock | None:
    """The lock of the window on ``folder``, held; None when another window already holds it."""
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / WINDOW_LOCK, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


def already_open_text(folder: Path) -> str:
    return QApplication.translate(
        "app",
        "Chương trình Báo cáo nhanh đang mở trên thư mục dữ liệu này:\n{folder}\n\n"
        "Hãy dùng cửa sổ đang mở (xem trên thanh tác vụ). Nếu hai cửa sổ cùng ghi, "
        "số văn bản đi và bản nháp có thể bị ghi đè.",
    ).format(folder=folder)


def start(folder: Path, open_results: bool = True) -> QWidget:
    """Show the first window: the profile wizard on first run (the main window follows when it
    is saved), otherwise the main window. Nothing here blocks, so tests can drive it."""
    from assistant.gui.main_window import MainWindow
    from assistant.gui.profile_wizard import ProfileWizard

    app = QApplication.instance()
    if load_profile(folder) is not None:
        window = MainWindow(folder, open_results)
        window.show()
        return window
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
    try:
        try:
            window = start(folder)
        except UserError as exc:
            messages.warn(None, app.translate("app", "Báo cáo nhanh"), exc.message)
            return 2
        exit_code = app.exec()
        window.deleteLater()  # the reference above kept the window alive until now
        return exit_code
    finally:
        lock.release()
