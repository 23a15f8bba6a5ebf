"""Start-up time: process start to the first window shown, for the app and for a bare PySide6 window.

Each round starts a fresh Python process (offscreen) and stops the clock when the process prints
that a top-level window received its show event. Run with
`pytest tests/test_gui_benchmark.py --benchmark-enable` for figures; by default it runs once.
Every process runs with bytecode as an installed program does (``tests/installed.py``).
"""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.core.agency import save_profile
from assistant.core.answers import profile_from_dict
from tests import factories
from tests.installed import WARMUP, installed_env

REPO = Path(__file__).resolve().parent.parent
MARKER = "WINDOW-SHOWN"

# Reports the first top-level show event, then lets the event loop quit.
_WATCH = f"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])

class Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            print("{MARKER}", type(obj).__name__, flush=True)
            QTimer.singleShot(0, app.quit)
        return False

watch = Shown()
app.installEventFilter(watch)
"""
APP = _WATCH + "from assistant.cli import main\nsys.exit(main(sys.argv[1:]))\n"
APP_MAIN = APP.replace("obj.isWindow():", "obj.isWindow() and type(obj).__name__ == 'MainWindow':")
BARE = _WATCH + "from PySide6.QtWidgets import QWidget\nw = QWidget()\nw.show()\napp.exec()\n"


def time_to_window(code: str, *args: str) -> tuple[float, str]:
    env = installed_env(PYTHONPATH=str(REPO))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=REPO,
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    # Stopped as soon as the window is shown: the benchmark times this call, and a program that
    # goes on loading after its first window must not be charged for it here.
    process.kill()
    process.wait(timeout=30)
    assert line.startswith(MARKER), line
    return elapsed, line.split()[1]


@pytest.fixture
def profiled(data_dir: Path) -> Path:
    save_profile(data_dir, profile_from_dict(factories.STATE_PROFILE))
    return data_dir


def test_app_start_to_first_window(benchmark, profiled: Path) -> None:
    """The window the clerk sees first: the start window, where the main window will be."""
    elapsed, window = benchmark.pedantic(
        time_to_window,
        args=(APP, "--data-dir", str(profiled)),
        rounds=5,
        iterations=1,
        warmup_rounds=WARMUP,
    )
    assert window == "StartWindow" and elapsed < 20


def test_app_start_to_main_window(benchmark, profiled: Path) -> None:
    """Until the main window, loaded, has taken the start window's place."""
    elapsed, window = benchmark.pedantic(
        time_to_window,
        args=(APP_MAIN, "--data-dir", str(profiled)),
        rounds=5,
        iterations=1,
        warmup_rounds=WARMUP,
    )
    assert window == "MainWindow" and elapsed < 20


def test_bare_pyside6_window(benchmark) -> None:
    elapsed, window = benchmark.pedantic(
        time_to_window, args=(BARE,), rounds=5, iterations=1, warmup_rounds=WARMUP
    )
    assert window == "QWidget" and elapsed < 20
