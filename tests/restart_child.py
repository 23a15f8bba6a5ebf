"""Run by ``tests/test_gui_restart.py``: the window of ``python -m assistant``, which asks to start
again the first time and closes the second. Each run adds a line to the log file given."""

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from assistant.cli import main

runs, data = Path(sys.argv[1]), sys.argv[2]
earlier = runs.read_text(encoding="utf-8").count("started") if runs.exists() else 0
with runs.open("a", encoding="utf-8") as log:
    log.write("started\n")
app = QApplication(sys.argv[:1])


def act() -> None:
    shown = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.isVisible()]
    if not shown:
        QTimer.singleShot(100, act)
        return
    if earlier == 0:
        shown[0].restart()
    else:
        shown[0].close()


QTimer.singleShot(100, act)
code = main(["--data-dir", data])
with runs.open("a", encoding="utf-8") as log:
    log.write(f"ended {code}\n")
sys.exit(code)
