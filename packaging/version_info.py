"""The Windows version resource of BaoCaoNhanh.exe (Properties → Details), made from the package
version so that the two never disagree. The spec writes it next to its build files:

    python packaging/version_info.py OUT.txt     # the same file, to look at (on Windows)
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import version
from pathlib import Path

DISTRIBUTION = "bao-cao-nhanh"
LANGUAGE_VI, CODEPAGE_UNICODE = 0x042A, 1200  # Vietnamese, UTF-16


def package_version() -> str:
    return version(DISTRIBUTION)


def numeric(text: str) -> tuple[int, int, int, int]:
    """Four numbers for the fixed part ("0.2.0rc1" → 0, 2, 0, 0): Windows wants integers."""
    parts = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3]]
    return (*parts, *[0] * (4 - len(parts)))  # type: ignore[return-value]


def version_info(text: str):
    """PyInstaller's ``VSVersionInfo`` (imported here: its module needs Windows' win32api)."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = numeric(text)
    strings = {
        "CompanyName": "Báo cáo nhanh",
        "FileDescription": "Báo cáo nhanh — soạn báo cáo trả lời công văn",
        "FileVersion": text,
        "InternalName": "BaoCaoNhanh",
        "LegalCopyright": "MIT License",
        "OriginalFilename": "BaoCaoNhanh.exe",
        "ProductName": "Báo cáo nhanh",
        "ProductVersion": text,
    }
    table = f"{LANGUAGE_VI:04X}{CODEPAGE_UNICODE:04X}"
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable(table, [StringStruct(k, v) for k, v in strings.items()])]),
            VarFileInfo([VarStruct("Translation", [LANGUAGE_VI, CODEPAGE_UNICODE])]),
        ],
    )


def write(path: Path) -> Path:
    """The resource as PyInstaller's text form (what ``EXE(version=…)`` reads)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(str(version_info(package_version())), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write(Path(sys.argv[1])))
