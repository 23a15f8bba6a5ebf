"""Run by ``tests/test_gui_tray.py`` on a real X display with a system tray: the window with a
report overdue, its reminder in the tray, the balloon clicked. Prints what it saw as JSON."""

import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSystemTrayIcon

from assistant.gui.app import application
from assistant.gui.main_window import MainWindow
from tests.test_gui import with_profile
from tests.test_gui_due import write_directive


def main(data: Path) -> None:
    app = application()
    deadline = time.monotonic() + 20
    while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.1)  # the tray host is still starting
    write_directive(with_profile(data), report_deadline=f"{date.today() - timedelta(days=2)}")
    window = MainWindow(data, open_results=False)
    window.show()
    seen: dict = {"tray": QSystemTrayIcon.isSystemTrayAvailable()}

    def balloon():
        return next(
            (w for w in app.topLevelWidgets() if w.metaObject().className() == "QBalloonTip"), None
        )

    def look() -> None:
        tip = balloon()
        seen["icon_visible"] = bool(window.reminders.tray and window.reminders.tray.isVisible())
        seen["status"] = window.statusBar().currentMessage()
        seen["balloon"] = [] if tip is None else [label.text() for label in tip.findChildren(
            type(window.status_label)) if label.text()]  # fmt: skip
        window.tabs.setCurrentWidget(window.compose)
        if tip is not None:
            QTest.mouseClick(tip, Qt.LeftButton, pos=QPoint(10, 10))
        QTimer.singleShot(500, finish)

    def finish() -> None:
        seen["due_tab_shown"] = window.tabs.currentWidget() is window.due_tab
        print(json.dumps(seen, ensure_ascii=False), flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(3000, look)
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
