"""Starts the window: Qt application, Vietnamese-capable font, translations, first-run wizard."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

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


def run_app(args: argparse.Namespace) -> int:
    from assistant.gui.main_window import MainWindow
    from assistant.gui.profile_wizard import ProfileWizard

    app = application()
    folder = data_dir(args.data_dir)
    try:
        if load_profile(folder) is None and not ProfileWizard(folder).exec():
            return 1
        window = MainWindow(folder)
    except UserError as exc:
        messages.warn(None, "Báo cáo nhanh", exc.message)
        return 2
    window.show()
    return app.exec()
