"""«Mở lại chương trình ngay» after the server connection changed: the window closes, saving the
draft, and the program starts again on the same data folder, for real (a detached process)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from assistant.gui.server_dialog import ServerDialog
from tests.conftest import REPO
from tests.test_gui import open_window, with_profile


def test_the_dialog_offers_to_start_again_and_the_window_closes_for_it(
    qtbot, data_dir: Path
) -> None:
    window = open_window(qtbot, with_profile(data_dir))
    dialog = ServerDialog(data_dir, window)
    dialog.show()
    assert not dialog.restart_button.isVisible()
    dialog.use_local()
    assert dialog.restart_button.isVisible() and "từ lần mở sau" in dialog.result.text()
    dialog.restart_button.click()
    assert window.restart_requested and not window.isVisible() and not dialog.isVisible()


def test_the_program_starts_again_on_the_same_folder(data_dir: Path, tmp_path: Path) -> None:
    runs = tmp_path / "runs.txt"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.run(
        [sys.executable, "-m", "tests.restart_child", str(runs), str(with_profile(data_dir))],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    deadline = time.monotonic() + 60  # the second run, detached, closes its window by itself
    while runs.read_text(encoding="utf-8").count("ended") < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert runs.read_text(encoding="utf-8").splitlines() == [
        "started",
        "ended 0",
        "started",
        "ended 0",
    ]
    log = (data_dir / "logs" / "bao-cao-nhanh.log").read_text(encoding="utf-8")
    assert log.count("window shown") == 2 and "started again" in log
