"""The window's "Xuất PDF…", "In…", Help → "Giới thiệu" and "Mở thư mục dữ liệu", and what an
unexpected error in the window does: a Vietnamese message naming the log file, the traceback in
that file (pytest-qt, offscreen)."""

import argparse
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

import assistant
from assistant import cli
from assistant.core.agency import save_profile
from assistant.core.answers import profile_from_dict
from assistant.export.pdf import NO_ENGINE, SOFFICE_ENV
from assistant.gui import export_actions, messages
from assistant.gui.about_dialog import show_about
from assistant.gui.app import ErrorReporter
from assistant.gui.main_window import MainWindow
from tests import factories
from tests.conftest import REPO


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The message boxes the window showed, answered at once."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "inform", lambda p, t, x: said.append(("inform", x)))
    monkeypatch.setattr(messages, "warn", lambda p, t, x: said.append(("warn", x)))
    return said


@pytest.fixture
def window(qtbot, data_dir: Path) -> MainWindow:
    save_profile(data_dir, profile_from_dict(factories.STATE_PROFILE))
    main = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(main)
    main.show()
    return main


def _menu_texts(window: MainWindow) -> dict[str, list[str]]:
    return {
        m.text(): [a.text() for a in m.menu().actions() if a.text()]
        for m in window.menuBar().actions()
    }


def test_the_menus_offer_pdf_printing_and_where_things_are(window: MainWindow) -> None:
    menus = _menu_texts(window)
    assert menus["&Công cụ"][-2:] == ["Xuất PDF…", "In…"]
    assert menus["Trợ &giúp"] == ["Giới thiệu…", "Mở thư mục dữ liệu"]
    assert {"Xuất PDF…", "In…"} <= set(window.history_tab.buttons)


def test_the_version_is_the_package_metadata() -> None:
    assert version("bao-cao-nhanh") == assistant.__version__


def test_about_says_where_things_are(qtbot, window: MainWindow, data_dir: Path) -> None:
    dialog = show_about(window, data_dir)
    qtbot.addWidget(dialog)
    texts = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert assistant.__version__ in texts and "MIT" in texts
    assert str(data_dir) in texts and str(data_dir / cli.LOG_FILE) in texts
    printed = subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "about"],
        capture_output=True, text=True, cwd=REPO, check=True,
    )  # fmt: skip
    assert (
        str(data_dir / cli.LOG_FILE) in printed.stdout and assistant.__version__ in printed.stdout
    )


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_shown_and_logged(
    qtbot, window: MainWindow, data_dir: Path, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", ErrorReporter())

    def broken_slot() -> None:
        raise ZeroDivisionError("a bug in a slot")

    args = argparse.Namespace(data_dir=str(data_dir), verbose=False)
    with cli._logging(args) as log_path:  # the command line's rotating log, as for the window
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(shown))
    assert window.isVisible()  # the window carries on
    kind, text = shown[0]
    assert kind == "warn" and "sự cố ngoài dự kiến" in text and str(log_path) in text
    logged = log_path.read_text(encoding="utf-8")
    assert "unexpected error in the window" in logged and "ZeroDivisionError" in logged


def _docx(folder: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Báo cáo kết quả thực hiện")
    path = folder / "báo cáo.docx"
    doc.save(str(path))
    return path


@pytest.mark.slow
def test_export_pdf_from_the_window(
    qtbot, window: MainWindow, tmp_path: Path, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "gửi e-office.pdf"
    monkeypatch.setattr(export_actions, "ask_pdf_path", lambda parent, proposed: str(target))
    export_actions.export_pdf(window, _docx(tmp_path))
    qtbot.waitUntil(lambda: bool(shown), timeout=120_000)
    assert shown == [("inform", f"Đã xuất bản PDF:\n{target}")]
    assert "Báo cáo kết quả" in PdfReader(target).pages[0].extract_text()


def test_without_an_office_suite_the_window_says_so(
    qtbot, window: MainWindow, tmp_path: Path, shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SOFFICE_ENV, str(tmp_path / "no-soffice"))
    monkeypatch.setattr(export_actions, "ask_pdf_path", lambda parent, proposed: str(proposed))
    monkeypatch.setattr(export_actions, "ask_printer", lambda parent: ("Máy in phòng", 2))
    docx = _docx(tmp_path)
    export_actions.export_pdf(window, docx)
    qtbot.waitUntil(lambda: len(shown) == 1)
    export_actions.print_report(window, docx)
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown == [("warn", NO_ENGINE), ("warn", NO_ENGINE)]
    assert not docx.with_suffix(".pdf").exists()


def test_a_draft_without_a_file_is_not_exported(window: MainWindow, shown, monkeypatch) -> None:
    class Draft:
        output_path = None

    monkeypatch.setattr(window.history_tab, "selected", lambda: Draft())
    window.history_tab.buttons["Xuất PDF…"].click()
    assert shown == [("inform", "Báo cáo này chưa có tệp (còn là bản nháp).")]
