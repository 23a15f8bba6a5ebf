"""The per-user NSIS installer script compiles (makensis, as on the Windows CI runner) around a
program folder, and says what the spec and the data folder need it to say."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = REPO / "packaging" / "installer.nsi"


def test_the_installer_compiles_around_a_program_folder(tmp_path: Path) -> None:
    program = tmp_path / "BaoCaoNhanh"
    (program / "_internal").mkdir(parents=True)
    (program / "BaoCaoNhanh.exe").write_bytes(b"MZ stand-in for the bundled program")
    (program / "_internal" / "resources.txt").write_text("bundled data", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build_installer.py"), str(program), str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    setup = Path(done.stdout.strip().splitlines()[-1])
    assert setup.parent == (tmp_path / "out").resolve() and setup.name.endswith("-setup.exe")
    data = setup.read_bytes()
    assert data[:2] == b"MZ" and b"Nullsoft" in data


def test_the_installer_is_per_user_and_keeps_the_data_folder() -> None:
    lines = [line.strip() for line in SCRIPT.read_text(encoding="utf-8").splitlines()]
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP}"' in lines
    assert not any("HKLM" in line or "$PROGRAMFILES" in line for line in lines)
    # What the installer and the uninstaller remove is inside the program folder (or the
    # Start-menu entry), never the data folder %LOCALAPPDATA%\BaoCaoNhanh (assistant/paths.py).
    removed = [
        re.search(r'"([^"]+)"', line)[1] for line in lines if line.startswith(("RMDir", "Delete "))
    ]
    assert removed and all(p.startswith(("$INSTDIR", "$SMPROGRAMS\\")) for p in removed), removed
    assert 'StrCmp $INSTDIR "$LOCALAPPDATA\\${APP}" 0 done' in lines  # refused as a target


def _version_info():
    spec = importlib.util.spec_from_file_location(
        "version_info", REPO / "packaging" / "version_info.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("0.2.0rc1", (0, 2, 0, 0)),
        ("2.0.1+local", (2, 0, 1, 0)),
    ],
)
def test_windows_gets_four_numbers_of_the_version(text: str, numbers: tuple) -> None:
    assert _version_info().numeric(text) == numbers
