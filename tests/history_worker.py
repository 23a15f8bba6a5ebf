"""A separate process that writes to the history: for the concurrency and kill tests.

python -m tests.history_worker DATA_DIR generate COUNT   # reserve COUNT numbers, print them
python -m tests.history_worker DATA_DIR churn            # drafts and reports until killed
"""

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from assistant.core.answers import answers_to_report
from assistant.storage.history import History
from tests import factories


def main() -> None:
    data_dir, mode = Path(sys.argv[1]), sys.argv[2]
    history = History.open_in(data_dir)
    directive = factories.directive()
    report = answers_to_report(factories.answers(number=None), directive, today=date(2024, 7, 1))
    out = data_dir / "out"
    if mode == "generate":
        for i in range(int(sys.argv[3])):
            entry_id, _ = history.generate(report, out / f"{Path(sys.argv[1]).name}-{i}.docx")
            print(history.get(entry_id).number, flush=True)
        return
    i = 0
    while True:  # until SIGKILL
        draft = history.save_draft(directive, factories.answers(number=None, proposals=f"lần {i}"))
        history.save_draft(directive, factories.answers(number=None, proposals=f"lần {i}b"), draft)
        history.generate(
            replace(report, proposals=f"lần {i}"), out / f"r{i % 3}.docx", entry_id=draft
        )
        i += 1


if __name__ == "__main__":
    main()
