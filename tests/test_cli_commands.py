"""The command table: running a command imports only the module that registers it, so the table
must say, for every command, the module that really registers it."""

import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli

REPO = Path(__file__).resolve().parent.parent


def _registered(parser) -> list[str]:
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    return list(sub.choices)


def test_every_command_is_registered_by_the_module_the_table_names() -> None:
    assert _registered(cli.build_parser(["--help"])) == list(cli.COMMANDS)
    assert _registered(cli.build_parser(["nonsense"])) == list(cli.COMMANDS)
    assert _registered(cli.build_parser(["--data-dir", "d"])) == []  # the window needs none
    for command, module in cli.COMMANDS.items():
        assert command in _registered(cli.build_parser([command])), (command, module)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["generate", "x.json"], "generate"),
        (["--data-dir", "history", "due"], "due"),
        (["-v", "--database", "check", "check", "a.docx"], "check"),
        (["--data-dir", "d"], None),
        (["nonsense"], "nonsense"),
    ],
)
def test_the_command_word_is_not_an_options_value(argv: list[str], command) -> None:
    assert cli._command_named(argv) == command


def test_a_command_does_not_import_the_other_commands_modules(tmp_path: Path) -> None:
    probe = (
        "import sys; from assistant import cli; cli.main(['--data-dir', sys.argv[1], 'about']);"
        "print(sorted(m for m in sys.modules if m.startswith('assistant.') and "
        "(m.endswith('command') or m.endswith('commands'))))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "['assistant.about_command']"
