"""Builds the per-user Windows installer (packaging/installer.nsi) from a one-folder bundle:

    python packaging/build_installer.py [BUNDLE] [OUT_FOLDER]

BUNDLE defaults to dist/BaoCaoNhanh (PyInstaller's output), OUT_FOLDER to dist. NSIS's makensis
must be on PATH (Windows: ``choco install nsis``; Debian: ``apt install nsis``). Prints the path
of the installer made.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from version_info import numeric, package_version

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def build(bundle: Path, out_folder: Path) -> Path:
    makensis = shutil.which("makensis")
    if makensis is None:
        sys.exit("makensis not found: install NSIS (choco install nsis / apt install nsis)")
    version = package_version()
    out_folder.mkdir(parents=True, exist_ok=True)
    setup = out_folder.resolve() / f"BaoCaoNhanh-{version}-setup.exe"
    defines = {
        "VERSION": version,
        "VERSION4": ".".join(map(str, numeric(version))),
        "SOURCE": str(bundle.resolve()),
        "OUTFILE": str(setup),
    }
    subprocess.run(
        [makensis, "-V2", *(f"-D{k}={v}" for k, v in defines.items()), str(HERE / "installer.nsi")],
        check=True,
    )
    return setup


if __name__ == "__main__":
    bundle = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "BaoCaoNhanh"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dist"
    print(build(bundle, out))
