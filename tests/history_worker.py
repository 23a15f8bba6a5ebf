"""A separate process that writes to the history: for the concurrency and kill tests.

python -m tests.history_worker DATA_DIR COUNT TAG   # generate COUNT reports, print their numbers

It prints "ready" once set up and starts when the file DATA_DIR/go appears, so that several
workers really write at the same moment.

``churn`` (the kill test's writer) and ``open_at`` run in processes from ``forks()``.
"""

import multiprocessing
import sys
import time
from dataclasses import replace
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

from assistant.core.answers import answers_to_report
from assistant.storage.history import History
from tests import factories


def forks() -> multiprocessing.context.ForkServerContext:
    """Processes forked from a clean server with the history code already imported: they start
    in milliseconds, and never inherit the test process's threads (Qt) or open databases."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.history_worker"])
    return context


def open_at(data_dir: Path, go: Event, opened: Queue) -> None:
    """Open the history when ``go`` is set; report "ok" or the error."""
    go.wait()
    try:
        History.open_in(data_dir).close()
        opened.put("ok")
    except Exception as exc:
        opened.put(repr(exc))


def churn(data_dir: Path, ready: Connection) -> None:
    """Every kind of write, in a loop, until killed; says "ready" once the history is open."""
    history = History.open_in(data_dir)
    ready.send("ready")
    directive = factories.directive()
    report = answers_to_report(factories.answers(number=None), directive, today=date(2024, 7, 1))
    out = data_dir / "out"
    i = 0
    while True:  # until SIGKILL
        draft = history.save_draft(directive, factories.answers(number=None, proposals=f"lần {i}"))
        history.save_draft(directive, factories.answers(number=None, proposals=f"lần {i}b"), draft)
        entry_id, _ = history.generate(
            replace(report, proposals=f"lần {i}"), out / f"r{i % 3}.docx", entry_id=draft
        )
        if i % 2:
            history.mark_submitted(entry_id)
        else:
            history.reopen(entry_id)
            history.cancel_number(2024, history.get(entry_id).number, "In nhầm")
        i += 1


def main() -> None:
    data_dir, count, tag = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    history = History.open_in(data_dir)
    report = answers_to_report(
        factories.answers(number=None), factories.directive(), today=date(2024, 7, 1)
    )
    print("ready", flush=True)
    while not (data_dir / "go").exists():
        time.sleep(0.002)
    for i in range(count):
        entry_id, _ = history.generate(report, data_dir / "out" / f"{tag}-{i}.docx")
        print(history.get(entry_id).number, flush=True)


if __name__ == "__main__":
    main()
