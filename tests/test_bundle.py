"""The PyInstaller one-folder program, built from the spec: run outside the source tree, it lists,
generates and checks (python-docx's own data files included)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(root / "dist"), "--workpath", str(root / "build"),
         str(REPO / "packaging" / "bao-cao-nhanh.spec")],
        check=True,
        timeout=900,
    )  # fmt: skip
    return root / "dist" / "BaoCaoNhanh" / "BaoCaoNhanh"


def _run(program: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(program), "--data-dir", str(cwd / "data"), *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )  # fmt: skip


def test_the_bundled_program_generates_and_checks(program: Path, tmp_path: Path) -> None:
    listed = _run(program, tmp_path, "directives", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 5
    answers = program.parent / "_internal" / "resources" / "answers" / "3270-cv-btgtu-2024.json"
    out = tmp_path / "bao-cao.docx"
    made = _run(program, tmp_path, "generate", "--directive", "3270-cv-btgtu-2024",
                "--answers", str(answers), "--out", str(out))  # fmt: skip
    assert made.returncode == 0, made.stderr
    checked = _run(program, tmp_path, "check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert _run(program, tmp_path, "due").returncode == 0
