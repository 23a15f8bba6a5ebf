"""A directive file of the clerk's library that cannot be read (cut short, edited by hand, nested
too deep) keeps no other directive from the clerk: the list, the command line and the window show
the rest and name that file, which stays where it is."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.directives import DirectiveLibrary
from assistant.storage.history import History
from tests import factories
from tests.conftest import REPO
from tests.test_gui import Answers, open_window, with_profile

OWN = factories.DIRECTIVE["id"]
DAMAGED = {
    "cut-short.json": '{"id": "cut-short", "kind": "sta',
    "hand-edited.json": json.dumps({"id": "hand-edited", "kind": "state"}),
}


@pytest.fixture
def damaged(data_dir: Path) -> Path:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{OWN}.json").write_text(json.dumps(factories.DIRECTIVE), encoding="utf-8")
    for name, text in DAMAGED.items():
        (folder / name).write_text(text, encoding="utf-8")
    return data_dir


def test_the_library_lists_what_reads_and_names_each_file_that_does_not(damaged: Path) -> None:
    library = DirectiveLibrary(user_dir=damaged / "directives")
    directives, unreadable = library.scan()
    assert OWN in {d.id for d in directives} and len(directives) == 6  # 5 bundled + own
    said = "\n".join(e.message for e in unreadable)
    assert len(unreadable) == 2 and all(name in said for name in DAMAGED)
    assert all((damaged / "directives" / name).read_text() == t for name, t in DAMAGED.items())


def test_the_directives_command_lists_the_rest_and_says_which_files(damaged: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(damaged), "directives", "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert OWN in {row["id"] for row in json.loads(done.stdout)}
    assert "cut-short.json" in done.stderr and "hand-edited.json" in done.stderr
    assert "Traceback" not in done.stderr and "không đọc được" in done.stderr


def test_the_window_opens_says_which_files_and_keeps_a_draft_of_a_lost_directive(
    qtbot, damaged: Path, monkeypatch, tmp_path: Path
) -> None:
    """Even the newest draft's directive unreadable: the window opens, and says so."""
    history = History.open_in(damaged)
    lost = {**factories.DIRECTIVE, "id": "lost"}
    (damaged / "directives" / "lost.json").write_text(json.dumps(lost), encoding="utf-8")
    draft = history.save_draft(
        DirectiveLibrary(user_dir=damaged / "directives").get("lost"), factories.answers()
    )
    history.close()
    (damaged / "directives" / "lost.json").write_text("{", encoding="utf-8")  # damaged since
    clerk = Answers(monkeypatch, tmp_path / "r.docx")
    window = open_window(qtbot, with_profile(damaged))
    qtbot.waitUntil(lambda: "hand-edited.json" in clerk.texts("warn"), timeout=3000)
    warned = clerk.texts("warn")
    assert "cut-short.json" in warned and "lost.json" in warned
    assert window.model.row_of(OWN) is not None and window.model.row_of("lost") is None
    assert window.history.get(draft).status == "draft"  # kept, for when the directive is back
    window.close()
