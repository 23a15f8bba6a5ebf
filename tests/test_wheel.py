"""The built wheel carries its data: installed into a fresh virtual environment outside the source
tree, the `bao-cao-nhanh` command lists, generates, checks and imports, and the window starts."""

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.importer_corpus import SPECS, write_docx

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with only the wheel (and its dependencies from the package index) installed."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "-w",
            str(root / "dist"),
            str(REPO),
        ],
        check=True,
        timeout=600,
    )
    (wheel,) = (root / "dist").glob("bao_cao_nhanh-*.whl")
    venv.create(root / "env", with_pip=True)
    env_python = root / "env" / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run(
        [str(env_python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(wheel)],
        check=True,
        timeout=900,
    )
    return env_python


def _run(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "BAO_CAO_NHANH_DATA": str(cwd / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    command = python.parent / ("bao-cao-nhanh.exe" if os.name == "nt" else "bao-cao-nhanh")
    return subprocess.run(
        [str(command), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def test_the_installed_command_does_the_whole_job(installed: Path, tmp_path: Path) -> None:
    listed = _run(installed, tmp_path, "directives", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 5  # the bundled library, from inside the wheel
    located = subprocess.run(
        [str(installed), "-c", "import assistant.paths as p; print(p.RESOURCES)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    resources = Path(located.stdout.strip())
    assert "site-packages" in resources.parts and REPO not in resources.parents
    answers = resources / "answers" / "3270-cv-btgtu-2024.json"
    out = tmp_path / "bao-cao.docx"
    made = _run(
        installed, tmp_path, "generate", "--directive", "3270-cv-btgtu-2024",
        "--answers", str(answers), "--out", str(out),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    checked = _run(installed, tmp_path, "check", str(out))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    docx = write_docx(SPECS[0], tmp_path / "cv.docx")
    imported = _run(installed, tmp_path, "import", str(docx), "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["fields"]["number"]["value"] == "512"


def test_the_installed_window_starts(installed: Path, tmp_path: Path) -> None:
    code = (
        "from assistant.gui.app import application; from assistant.gui.main_window import "
        "MainWindow; from pathlib import Path; app = application(); "
        f"w = MainWindow(Path({str(tmp_path / 'data')!r})); w.show(); app.processEvents(); "
        "print(w.list.model().rowCount(), app.windowIcon().isNull()); w.close()"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [str(installed), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env,
        timeout=120,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip().splitlines()[-1] == "5 False"  # the library, and the icon


def test_a_damaged_installation_says_so(installed: Path, tmp_path: Path) -> None:
    located = subprocess.run(
        [str(installed), "-c", "import assistant.paths as p; print(p.RESOURCES)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the source tree, whose package "-c" would import instead
        check=True,
    )
    schema = Path(located.stdout.strip()) / "schemas" / "answers.schema.json"
    assert REPO not in schema.parents
    hidden = schema.with_suffix(".hidden")
    schema.rename(hidden)
    try:
        done = _run(installed, tmp_path, "directives")
    finally:
        hidden.rename(schema)
    assert done.returncode == 2
    assert "thiếu dữ liệu đi kèm" in done.stderr and "answers.schema.json" in done.stderr
