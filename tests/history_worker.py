"""A separate process that writes to the history: for the concurrency and kill tests.

python -m tests.history_worker DATA_DIR COUNT TAG   # generate COUNT reports, print their numbers

It prints "ready" once set up and starts when the file DATA_DIR/go appears, so that several
workers really write at the same moment.

``churn``, ``generate_forever`` (the kill tests' writers), ``crash_at``, ``stall_after_reserving``
and ``open_at`` run in processes from ``forks()``.
"""

import multiprocessing
import os
import signal
import sys
import time
from dataclasses import replace
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

from assistant.core.answers import answers_to_report
from assistant.storage import history as history_module
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
            replace(report, proposals=f"lần {i}"), out / f"{os.getpid()}-{i}.docx", entry_id=draft
        )
        if i % 2:
            history.mark_submitted(entry_id)
        else:
            history.reopen(entry_id)
            history.cancel_number(2024, history.get(entry_id).number, "In nhầm")
        i += 1


def big_answers() -> dict:
    """Answers of some 0.7 MB (six long sections), so that one generate lasts about half a second."""
    line = "Nội dung dài có dấu tiếng Việt & ký tự <đặc biệt> " * 20
    long = "\n".join([line] * 90)
    sections = ("implementation", "strengths", "difficulties", "next_steps", "proposals")
    data = factories.answers(number=None, **dict.fromkeys(sections, long))
    data["tasks"]["t4"]["notes"] = long
    return data


# The points of History.generate a crash is tried at, and how each is reached: the real code runs
# up to that point, then the process kills itself.
CRASH_STEPS = ("reserved", "half-written", "written", "published", "finished")


def _die(*_args: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _then_die(owner: object, name: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        original(*args, **kwargs)
        _die()

    setattr(owner, name, wrapper)


def crash_at(step: str, data_dir: Path, out: Path) -> None:
    """Generate one report and SIGKILL this process at ``step``."""
    if step == "reserved":
        _then_die(History, "_reserve")
    elif step == "half-written":
        write = history_module.write_temp
        history_module.write_temp = lambda temp, data: (write(temp, data[: len(data) // 2]), _die())
    elif step == "written":
        _then_die(history_module, "write_temp")
    elif step == "published":
        _then_die(history_module, "publish")
    elif step == "finished":
        _then_die(History, "_finish")
    history = History.open_in(data_dir)
    report = answers_to_report(
        factories.answers(number=None), factories.directive(), today=date(2024, 7, 1)
    )
    history.generate(report, out)


def stall_after_reserving(data_dir: Path, out: Path, reserved: Event, go_on: Event) -> None:
    """Generate one report, pausing (alive, lock held) between reserving and writing."""

    def stall(*args: object) -> None:
        reserved.set()
        go_on.wait(60)
        write(*args)

    write = history_module.write_temp
    history_module.write_temp = stall
    report = answers_to_report(
        factories.answers(number=None), factories.directive(), today=date(2024, 7, 1)
    )
    History.open_in(data_dir).generate(report, out)


def generate_forever(data_dir: Path, tag: str, ready: Connection) -> None:
    """Large reports, one after another under new names, until killed."""
    history = History.open_in(data_dir)
    report = answers_to_report(big_answers(), factories.directive(), today=date(2024, 7, 1))
    ready.send("ready")
    i = 0
    while True:  # until SIGKILL
        history.generate(report, data_dir / "out" / f"{tag}-{i}.docx")
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
