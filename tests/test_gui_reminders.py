"""Reminders of reports overdue or due soon: the text, the daily check driven by an injected
clock, and the window's status bar where the system has no tray (pytest-qt, offscreen)."""

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from assistant.core.due import DueReport, DueState, due_reports
from assistant.core.errors import UserError
from assistant.gui.reminders import Reminders, reminder_text
from tests import factories
from tests.test_gui import open_window
from tests.test_gui_due import write_directive

DEADLINE = date(2026, 12, 15)  # a Tuesday


def _row(state: DueState, day: date, number: str = "3270") -> DueReport:
    return DueReport(replace(factories.directive(), number=number), day, state)


def test_the_text_lists_what_is_overdue_then_what_is_due_soon() -> None:
    rows = [
        _row(DueState.OVERDUE, date(2026, 11, 20), "11"),
        _row(DueState.SOON, date(2026, 12, 2), "12"),
        _row(DueState.DONE, date(2026, 12, 2), "13"),
        _row(DueState.OPEN, date(2026, 12, 30), "14"),
    ]
    assert reminder_text(rows) == (
        "1 báo cáo quá hạn, 1 báo cáo sắp đến hạn:\n"
        "– 20/11/2026: CV 11-CV/BTGTU\n"
        "– 02/12/2026: CV 12-CV/BTGTU"
    )
    assert reminder_text(rows[2:]) is None
    many = [_row(DueState.OVERDUE, date(2026, 11, n), str(n)) for n in range(1, 6)]
    text = reminder_text(many)
    assert text.startswith("5 báo cáo quá hạn:") and text.count("\n– ") == 3
    assert text.endswith("… và 2 báo cáo khác (xem «Việc cần báo cáo»).")


def test_a_new_day_brings_a_new_reminder(qtbot) -> None:
    directive = replace(factories.directive(), report_deadline=DEADLINE)
    today = [date(2026, 12, 7)]  # six working days before: nothing to say yet
    asked: list[date] = []
    said: list[str] = []

    def due(day: date) -> list[DueReport]:
        asked.append(day)
        return due_reports([directive], [], day)

    window = QWidget()
    qtbot.addWidget(window)
    reminders = Reminders(window, due, said.append, clock=lambda: today[0], check_ms=5)
    reminders.start()
    assert asked == [date(2026, 12, 7)] and reminders.shown == []
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen: the status bar speaks

    reminders.timer.timeout.emit()  # a tick on the same day asks nothing again
    assert asked == [date(2026, 12, 7)]

    today[0] = date(2026, 12, 10)  # Thursday: three working days left
    qtbot.waitUntil(lambda: len(reminders.shown) == 1)
    assert reminders.shown[0].startswith("1 báo cáo sắp đến hạn:")
    assert said == ["1 báo cáo sắp đến hạn: 15/12/2026: CV 3270-CV/BTGTU"]

    today[0] = DEADLINE + timedelta(days=1)
    qtbot.waitUntil(lambda: len(reminders.shown) == 2)
    assert reminders.shown[1].startswith("1 báo cáo quá hạn:")
    assert asked == [date(2026, 12, 7), date(2026, 12, 10), date(2026, 12, 16)]


def test_the_window_reminds_at_start(qtbot, data_dir: Path) -> None:
    overdue = date.today() - timedelta(days=2)
    write_directive(data_dir, report_deadline=overdue.isoformat())
    window = open_window(qtbot, data_dir)
    qtbot.waitUntil(lambda: len(window.reminders.shown) == 1)
    said = window.statusBar().currentMessage()
    assert "1 báo cáo quá hạn" in said and "\n" not in said and ": –" not in said
    assert window.reminders.timer.isActive()
    window.tabs.setCurrentIndex(1)
    window.reminders.clicked.emit()
    assert window.tabs.currentWidget() is window.due_tab
    assert window.tabs.tabText(window.tabs.indexOf(window.figures_tab)) == "Số liệu"


def test_a_failing_check_is_logged_not_raised(qtbot, caplog) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    said: list[str] = []
    for error in (UserError("Tệp ngày nghỉ hỏng.", "holidays.json: bad"), RuntimeError("locked")):

        def due(day: date, error=error) -> list[DueReport]:
            raise error

        reminders = Reminders(window, due, said.append, clock=lambda: DEADLINE)
        reminders.start()
        assert reminders.shown == [] and said == []
    assert "holidays.json: bad" in caplog.text and "reminder failed" in caplog.text
