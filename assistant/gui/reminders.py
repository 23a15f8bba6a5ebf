"""Reminders: at start, and once a day while the window stays open, a notification of the reports
overdue or due soon (a tray balloon on Windows). Where the system has no tray (some Linux
desktops, a remote session) the window's status bar says it instead; a reminder never stops the
program.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle, QSystemTrayIcon, QWidget

from assistant.core.due import DueReport, DueState
from assistant.core.errors import UserError
from assistant.due_command import due_list
from assistant.gui.due_tab import HORIZON_DAYS

log = logging.getLogger(__name__)

TITLE = "Báo cáo nhanh: việc cần báo cáo"
CHECK_MS = 60 * 60 * 1000  # hourly: a new day is noticed within the hour, at little cost
SHOWN_ROWS = 3  # a tray balloon shows a few lines only
BALLOON_MS = 15_000


def _row_text(row: DueReport) -> str:
    period = f", kỳ {row.period_text}" if row.period_text else ""
    return f"– {row.deadline:%d/%m/%Y}: CV {row.directive.symbol}{period}"


def reminder_text(rows: Iterable[DueReport]) -> str | None:
    """What to tell the clerk, or None when nothing is overdue or due within 3 working days."""
    rows = [r for r in rows if r.state in (DueState.OVERDUE, DueState.SOON)]
    if not rows:
        return None
    overdue = sum(r.state is DueState.OVERDUE for r in rows)
    counts = [
        f"{n} báo cáo {what}"
        for n, what in ((overdue, "quá hạn"), (len(rows) - overdue, "sắp đến hạn"))
        if n
    ]
    lines = [", ".join(counts).capitalize() + ":"] + [_row_text(r) for r in rows[:SHOWN_ROWS]]
    if len(rows) > SHOWN_ROWS:
        lines.append(f"… và {len(rows) - SHOWN_ROWS} báo cáo khác (xem «Việc cần báo cáo»).")
    return "\n".join(lines)


class Reminders(QObject):
    """Checks ``due(today)`` when started and whenever the day (from ``clock``) changes."""

    clicked = Signal()  # the clerk clicked the notification: show what is due

    def __init__(
        self,
        window: QWidget,
        due: Callable[[date], list[DueReport]],
        show_status: Callable[[str], None],
        clock: Callable[[], date] = date.today,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(window)
        self.window, self.due, self.show_status, self.clock = window, due, show_status, clock
        self.checked_on: date | None = None
        self.shown: list[str] = []  # every reminder given, for the log and the tests
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self, interval=check_ms)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.check()
        self.timer.start()

    def check(self) -> None:
        today = self.clock()
        if today == self.checked_on:
            return
        self.checked_on = today
        try:
            text = reminder_text(self.due(today))
        except UserError as exc:  # a broken holidays file: the due tab explains it
            log.warning("reminder skipped: %s", exc.detail)
            return
        except Exception:  # a reminder runs unasked, from a timer: it must never stop the program
            log.exception("reminder failed")
            return
        if text is not None:
            self.notify(text)

    def notify(self, text: str) -> None:
        self.shown.append(text)
        log.info("reminder: %s", text.replace("\n", " "))
        if not QSystemTrayIcon.isSystemTrayAvailable():
            # one line: the counts, then the first report without its list dash
            self.show_status(" ".join(line.removeprefix("– ") for line in text.splitlines()[:2]))
            return
        if self.tray is None:
            self.tray = QSystemTrayIcon(self._icon(), self)
            self.tray.setToolTip("Báo cáo nhanh")
            self.tray.messageClicked.connect(self.clicked)
            self.tray.activated.connect(lambda _reason: self.clicked.emit())
        self.tray.show()
        self.tray.showMessage(TITLE, text, QSystemTrayIcon.Warning, BALLOON_MS)

    def _icon(self):
        icon = self.window.windowIcon()
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.SP_MessageBoxInformation)
        return icon


def daily_reminders(window: QMainWindow, data_dir: Path) -> Reminders:
    """The window's reminders of the same list as «Việc cần báo cáo», started with the event
    loop."""
    reminders = Reminders(
        window,
        lambda today: due_list(data_dir, today, HORIZON_DAYS),
        window.statusBar().showMessage,
    )
    QTimer.singleShot(0, reminders, reminders.start)  # once the window shows: it opens no later
    return reminders
