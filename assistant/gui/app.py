"""Starts the window: Qt application, Vietnamese-capable font, translations, first-run wizard."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
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


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Báo cáo nhanh")
    app.setOrganizationName("BaoCaoNhanh")
    _font(app)
    _translations(app)
    return app


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
    try:
        window = start(data_dir(args.data_dir))
    except UserError as exc:
        messages.warn(None, app.translate("app", "Báo cáo nhanh"), exc.message)
        return 2
    exit_code = app.exec()
    window.deleteLater()  # the reference above kept the window alive until now
    return exit_code
