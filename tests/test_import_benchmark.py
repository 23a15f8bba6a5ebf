"""Time to import one directive, by format (run with ``--benchmark-enable`` to measure).

With benchmarks disabled (the default) each case still runs once, as a smoke test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.importer import import_file
from tests.importer_corpus import (
    SEEDS,
    SPECS,
    convert_to_pdf,
    have,
    render_text,
    scan_of,
    strip_diacritics,
    write_docx,
)

SPEC = SPECS[1]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bench")
    text = render_text(SPEC)
    made = {"txt": folder / "cv.txt", "txt-stripped": folder / "cv-ascii.txt"}
    made["txt"].write_text(text, encoding="utf-8")
    made["txt-stripped"].write_text(strip_diacritics(text), encoding="utf-8")
    made["docx"] = write_docx(SPEC, folder / "cv.docx")
    seed = SEEDS / "002_c857531e67fead1f.txt"
    if seed.exists():
        made["txt-english-ocr"] = seed
    if have("soffice"):
        made["pdf"] = convert_to_pdf([made["docx"]], folder)[0]
        if have("tesseract") and have("pdftoppm"):
            made["png-scan"] = scan_of(made["pdf"], folder)
    return made


@pytest.mark.parametrize(
    "fmt", ["txt", "txt-stripped", "txt-english-ocr", "docx", "pdf", "png-scan"]
)
def test_import_time(benchmark, files: dict[str, Path], fmt: str) -> None:
    if fmt not in files:
        pytest.skip(f"cannot make a {fmt} file here (tool missing)")
    rounds = 1 if fmt == "png-scan" else 5  # OCR takes seconds per page
    parsed = benchmark.pedantic(import_file, args=(files[fmt],), rounds=rounds, iterations=1)
    assert parsed["tasks"]
