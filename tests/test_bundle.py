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
    assert not (inside / "babel").exists()
    assert not (inside / "jsonschema").exists()
    assert not list(inside.rglob("*.qm"))
    assert not list(inside.rglob("*virtualkeyboard*"))
    assert not (inside / "PIL").exists()
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    print(f"bundle size: {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")  # -s shows it


# What Qt asks of ICU, run on the bundle's cut ICU data and on the full data PySide6 ships:
# Vietnamese collation, a time zone's Vietnamese name, case mapping, windows-1258.
QT_ICU_USES = """
from PySide6.QtCore import QCollator, QDateTime, QLocale, QStringDecoder, QTimeZone
vi = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)
names = ["Đồng Nai", "Điện Biên", "An Giang", "Ân Thi", "Ăn Sáng", "dong", "Đà Nẵng", "Ô Môn", "ơi"]
print(sorted(names, key=QCollator(vi).sortKey))
zone = QTimeZone(b"Asia/Ho_Chi_Minh")
print(zone.displayName(QDateTime(2026, 1, 1, 0, 0, 0), QTimeZone.NameType.LongName, vi))
print(vi.toUpper("đồng nai ợ"), vi.toLower("ĐỒNG"))
print(QStringDecoder("windows-1258").isValid())
print(next(line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line))
"""


def test_the_bundles_icu_data_answers_qt_as_the_full_data_does(bundle: Path, tmp_path) -> None:
    icu = next((bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"))
    assert icu.stat().st_size < 10_000_000  # PySide6's own is 32 MB
    (tmp_path / "slim").mkdir()
    (tmp_path / "slim" / icu.name).write_bytes(icu.read_bytes())

    def run(**env: str) -> tuple[str, str]:
        """Qt's answers, and the ICU data library the process loaded."""
        done = subprocess.run(
            [sys.executable, "-c", QT_ICU_USES], capture_output=True, text=True, check=True,
            encoding="utf-8", timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        )  # fmt: skip
        answers, _, loaded = (done.stdout + done.stderr).strip().rpartition("\n")
        return answers, loaded

    full, loaded = run()
    assert "Giờ Đông Dương" in full and "True" in full and "slim" not in loaded
    # The loader looks in LD_LIBRARY_PATH before the libraries' own RUNPATH ($ORIGIN).
    assert run(LD_LIBRARY_PATH=str(tmp_path / "slim")) == (full, str(tmp_path / "slim" / icu.name))
