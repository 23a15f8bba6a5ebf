"""Qt's ICU data cut down to what the program uses, for the Linux one-folder bundle.

PySide6's Linux wheels carry ICU with the data of every locale and character set: libicudata is
32 MB, the largest file of the bundle. Qt asks ICU for collation (QCollator sorts Vietnamese
names), time-zone names, case mapping and legacy character sets; the program speaks Vietnamese,
and Qt falls back to English. So the data kept are those of the root, Vietnamese and English
locales, the Vietnamese code pages (windows-1258), normalisation, and the break rules with their
dictionaries; the rest (other locales, translit, other code pages, character names, spoof
checking) are removed with ICU's own tools — ``icupkg`` edits the data package, ``genccode`` turns
it back into the library's one symbol — the way ICU documents packaging its data. A test
(``tests/test_bundle.py``) compares Qt's results on the cut data with the full data.

Windows builds need none of this: Qt uses Windows' own ICU there, and PySide6 ships none.

    python packaging/icu_data.py LIBICUDATA OUT_DIR   # writes OUT_DIR/<same name>
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

KEPT_LOCALES = {"root", "vi", "vi_VN", "en", "en_US", "en_US_POSIX"}
KEPT_CODE_PAGES = ("ibm-1258_", "ibm-5354_")  # Vietnamese: windows-1258 and its IBM twin
DROPPED_TREES = ("translit/",)
DROPPED_FILES = ("unames.icu", "confusables.cfu")  # character names; spoof checking
# A locale's data file, in the package's root or a tree (coll/, zone/, curr/ …); "res_index"
# and "pool" are each tree's index and shared strings, always kept.
_LOCALE_FILE = re.compile(r"(?:[a-z]{2,3}(?:_\w*)?|root)\.res")
# readelf's row for the data symbol: value, size (decimal, or hex when large), section, name.
_SYMBOL_ROW = re.compile(
    r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+(icudt\d+_dat)"
)


def unused(item: str) -> bool:
    """Whether the program never needs ``item`` (a name inside the data package)."""
    name = item.rsplit("/", 1)[-1]
    if item.startswith(DROPPED_TREES) or name in DROPPED_FILES:
        return True
    if name.endswith(".cnv"):
        return not name.startswith(KEPT_CODE_PAGES)
    if _LOCALE_FILE.fullmatch(name) and name not in {"res_index.res", "pool.res"}:
        return name.removesuffix(".res") not in KEPT_LOCALES
    return False


def _run(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """The library's data symbol (``icudt73_dat``): its name, file offset and size."""
    symbols = _run("readelf", "-W", "--dyn-syms", library)
    found = _SYMBOL_ROW.search(symbols)
    if not found:
        raise SystemExit(f"{library}: no icudt*_dat symbol")
    address, size, section, name = found.groups()
    sections = _run("readelf", "-W", "-S", library)
    row = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not row:
        raise SystemExit(f"{library}: section {section} not found")
    section_address, section_offset = (int(v, 16) for v in row.groups())
    return name, int(address, 16) - section_address + section_offset, int(size, 0)


def slim(library: Path, out_dir: Path) -> Path:
    """Write ``out_dir/<library's name>``: the same library with the unused data removed."""
    symbol, offset, size = _data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: the package name, little-endian
    work = out_dir / "icu-work"
    (work / "slim").mkdir(parents=True, exist_ok=True)
    with library.open("rb") as handle:
        handle.seek(offset)
        (work / f"{package}.dat").write_bytes(handle.read(size))
    items = _run("icupkg", "-l", work / f"{package}.dat").split()
    (work / "unused.txt").write_text("".join(f"{i}\n" for i in items if unused(i)))
    # icupkg names the items after the output file: it must keep the package's own name.
    slim_dat = work / "slim" / f"{package}.dat"
    slim_dat.unlink(missing_ok=True)
    _run("icupkg", "-r", work / "unused.txt", work / f"{package}.dat", slim_dat)
    _run("genccode", "-q", "-e", symbol.removesuffix("_dat"), "-a", "gcc", "-d", work, "-f",
         "icudata", slim_dat)  # fmt: skip
    target = out_dir / library.name
    _run("gcc", "-shared", "-nostdlib", "-o", target, work / "icudata.S",
         f"-Wl,-soname,{library.name}")  # fmt: skip
    return target


if __name__ == "__main__":
    print(slim(Path(sys.argv[1]), Path(sys.argv[2])))
