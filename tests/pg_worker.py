"""A PC of the agency, as a process: generates reports with numbers on the shared server.

python -m tests.pg_worker URL DATA_DIR TAG COUNT [STEP]

Writes DATA_DIR/out/TAG-<i>.docx for i below COUNT, skipping those already written, so that a
worker killed and started again finishes its share. Opening the history first settles what an
earlier, killed worker of this PC left. With STEP (``reserved`` or ``published``) the worker
kills itself at that point of its fifth report, so that the test surely meets both outcomes.
"""

import os
import signal
import sys
from datetime import date
from pathlib import Path

from assistant.core.answers import answers_to_report
from assistant.storage import history as history_module
from assistant.storage.history import History
from tests import factories

CRASH_AFTER = 5


def _die_at(owner: object, name: str) -> None:
    """SIGKILL this process right after the CRASH_AFTER-th call of ``owner.name``."""
    original, calls = getattr(owner, name), []

    def wrapper(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)
        calls.append(1)
        if len(calls) == CRASH_AFTER:
            os.kill(os.getpid(), signal.SIGKILL)
        return result

    setattr(owner, name, wrapper)


def main() -> None:
    url, data_dir, tag, count = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    step = sys.argv[5] if len(sys.argv) > 5 else ""
    if step == "reserved":
        _die_at(History, "_reserve")
    elif step == "published":
        _die_at(history_module, "publish")
    history = History.open_in(data_dir, url)
    report = answers_to_report(
        factories.answers(number=None), factories.directive(), today=date(2024, 7, 1)
    )
    for i in range(count):
        out = data_dir / "out" / f"{tag}-{i}.docx"
        if not out.exists():
            history.generate(report, out)
    history.close()


if __name__ == "__main__":
    main()
