"""``python -m assistant import``: in-process through ``register`` and as a real subprocess.

The subprocess tests need "assistant.importer.command" in ``cli.COMMAND_MODULES``; until it is
wired they are skipped with that reason.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.importer import command
from tests.importer_corpus import SPECS, render_text, write_docx

WIRED = "assistant.importer.command" in cli.COMMAND_MODULES


def _parser() -> argparse.ArgumentParser:
    common = cli._common_options()
    parser = argparse.ArgumentParser(parents=[common])
    sub = parser.add_subparsers(dest="command")
    command.register(sub, common)
    return parser


def _run(*argv: str) -> int:
    args = _parser().parse_args(list(argv))
    return args.run(args)


def test_json_output_has_value_and_confidence_per_field(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_docx(SPECS[0], tmp_path / "cv.docx")
    assert _run("import", str(file), "--json", "--data-dir", str(data_dir)) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id"] == "512-cv-bdvtu-2024"
    assert data["fields"]["number"] == {"value": "512", "confidence": 0.95}
    assert data["fields"]["date"]["value"] == "2024-05-07"
    assert data["saved"] is None
    assert not list(data_dir.glob("directives/*.json"))


def test_human_output_is_vietnamese(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "cv.txt"
    file.write_text(render_text(SPECS[1]), encoding="utf-8")
    assert _run("import", str(file), "--data-dir", str(data_dir)) == 0
    out = capsys.readouterr().out
    assert "Cơ quan ban hành: Sở Thông tin và Truyền thông" in out
    assert "Ngày ban hành: 12/09/2024" in out


def test_save_adds_to_the_users_library(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_docx(SPECS[3], tmp_path / "cv.docx")
    assert _run("import", str(file), "--save", "--data-dir", str(data_dir)) == 0
    saved = DirectiveLibrary(user_dir=data_dir / "directives").get("78-cv-tu-2023")
    assert saved.subject == "Tăng cường quản lý thông tin trên không gian mạng"
    assert saved.source == "cv.docx"
    assert "Đã lưu vào thư viện" in capsys.readouterr().out


def test_bad_file_raises_user_error_and_saves_nothing(tmp_path: Path, data_dir: Path) -> None:
    file = tmp_path / "empty.pdf"
    file.write_bytes(b"")
    with pytest.raises(UserError):
        _run("import", str(file), "--save", "--data-dir", str(data_dir))
    assert not list(data_dir.glob("directives/*.json"))


def _subprocess(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "import", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(not WIRED, reason="assistant.importer.command is not in cli.COMMAND_MODULES")
def test_subprocess_import_and_save(tmp_path: Path, data_dir: Path) -> None:
    file = write_docx(SPECS[0], tmp_path / "cv.docx")
    result = _subprocess(str(file), "--json", "--save", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["saved"]
    assert (data_dir / "directives" / "512-cv-bdvtu-2024.json").exists()


@pytest.mark.skipif(not WIRED, reason="assistant.importer.command is not in cli.COMMAND_MODULES")
@pytest.mark.parametrize("content", [b"", b"not a word file", b"\0" * 100])
def test_subprocess_bad_file_exits_2_without_traceback(
    tmp_path: Path, data_dir: Path, content: bytes
) -> None:
    file = tmp_path / "bad.docx"
    file.write_bytes(content)
    result = _subprocess(str(file), "--save", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("Lỗi: ")
    assert "Traceback" not in result.stderr
    assert not list(data_dir.glob("directives/*.json"))
