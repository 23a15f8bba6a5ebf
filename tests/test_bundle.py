"""The PyInstaller one-folder program, built from the spec: run outside the source tree by
``packaging/smoke_test.py`` (as CI does on Windows), it lists, declares the agency, generates,
checks, exports to PDF (python-docx's own data files included), and its window shows and closes;
what the spec leaves out (GTK, other locales, Qt's translations) stays out."""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundle")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
         "--distpath", str(root / "dist"), "--workpath", str(root / "build"),
         str(REPO / "packaging" / "bao-cao-nhanh.spec")],
        check=True,
        timeout=900,
    )  # fmt: skip
    return root / "dist" / "BaoCaoNhanh"


def test_the_bundled_program_does_the_job_and_its_window_starts(bundle: Path, tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "smoke_test.py"), str(bundle), "--pdf"],
        capture_output=True, text=True, cwd=tmp_path, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "smoke test passed" in done.stdout


def test_the_bundled_program_reaches_for_a_server_with_psycopg_binary(
    bundle: Path, tmp_path: Path
) -> None:
    """A port nothing listens on: the bundled libpq (psycopg_binary) tries it and the clerk reads
    why in Vietnamese; without psycopg in the bundle this would be an unexpected error (exit 3)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    program = bundle / ("bao-cao-nhanh.exe" if sys.platform == "win32" else "BaoCaoNhanh")
    done = subprocess.run(
        [str(program), "--data-dir", str(tmp_path / "data"), "server", "set", "--host",
         "127.0.0.1", "--port", str(port), "--db-name", "bcn", "--user", "van_thu", "--check"],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
        env={**os.environ, "PSYCOPG_IMPL": "binary"},
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "không tới được máy chủ «127.0.0.1»" in done.stderr


def test_the_bundle_leaves_out_what_is_unused(bundle: Path) -> None:
    inside = bundle / "_internal"
    names = {p.name for p in inside.rglob("*")}
    assert not any(n.startswith(("libgtk-3", "libgdk-3", "libpango", "libcairo")) for n in names)
    assert sorted(p.name for p in (inside / "babel" / "locale-data").iterdir()) == [
        "root.dat",
        "vi.dat",
    ]
    assert not list(inside.rglob("*.qm"))
    assert not list(inside.rglob("*virtualkeyboard*"))
    assert not (inside / "PIL").exists()
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    print(f"bundle size: {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")  # -s shows it
