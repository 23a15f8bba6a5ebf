"""The reminder in a real system tray: an X display (Xvfb) with a tray host (trayer), the window
run there on Qt's xcb platform (``tests/tray_child.py``). Offscreen, the other tests see only
the status-bar fallback of a system without a tray."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture
def display():
    """A new X display with a system tray on it: its name (":N")."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=[write], stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as numbers:
        name = f":{numbers.readline().strip()}"
    tray = subprocess.Popen(
        ["trayer"], env={**os.environ, "DISPLAY": name},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    yield name
    for process in (tray, server):
        process.terminate()
        process.wait(timeout=30)


def test_the_reminder_is_a_tray_balloon_and_its_click_shows_what_is_due(
    display: str, data_dir: Path
) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.tray_child", str(data_dir)],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["tray"] and seen["icon_visible"]
    title, text = seen["balloon"]
    assert title == "Báo cáo nhanh: việc cần báo cáo"
    assert text.startswith("1 báo cáo quá hạn:\n– ") and "CV 3270-CV/BTGTU" in text
    assert seen["status"] == ""  # the tray said it: the status bar does not repeat it
    assert seen["due_tab_shown"]
