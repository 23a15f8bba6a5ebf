"""Parse time per format on the layout corpus (run with ``--benchmark-enable`` to measure), beside
anchors: python-docx, pypdf and Tesseract alone on the same files.

With benchmarks disabled (the default) each case runs once, as a smoke test.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.importer import import_file
from tests.importer_corpus import have
from tests.layouts_corpus import build, scanned_pdf


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("layouts-bench")
    made = build(root, scans=False)
    by_format: dict[str, Path] = {}
    for item in made:
        if item.cls == "ke-hoach" or item.fmt == "portal":
            by_format.setdefault(item.fmt, item.path)
    if "pdf" in by_format and have("pdftoppm") and have("tesseract"):
        by_format["scan"] = scanned_pdf(by_format["pdf"], root)  # two pages through Tesseract
    return by_format


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "stripped", "docx", "pdf", "portal", "scan"])
def test_layout_parse_time(benchmark, files: dict[str, Path], fmt: str) -> None:
    if fmt not in files:
        pytest.skip(f"cannot make a {fmt} file here (tool missing)")
    rounds = 2 if fmt == "scan" else 5  # a scan takes seconds a page
    parsed = benchmark.pedantic(import_file, args=(files[fmt],), rounds=rounds, iterations=1)
    assert parsed["tasks"]


# Anchors: what the libraries alone take on the same files, so the importer's share shows.
def _bare_docx(path: Path) -> int:
    from docx import Document

    return len(Document(str(path)).paragraphs)


def _bare_pdf(path: Path) -> int:
    from pypdf import PdfReader

    return sum(len(page.extract_text() or "") for page in PdfReader(str(path)).pages)


def _bare_ocr(path: Path) -> int:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory() as folder:
        render = ["pdftoppm", "-r", "300", "-gray", "-png", str(path), f"{folder}/p"]
        subprocess.run(render, check=True, timeout=120)
        read = [["tesseract", str(p), "stdout", "-l", "vie"] for p in Path(folder).glob("p*.png")]
        return sum(len(subprocess.run(cmd, env=env, capture_output=True).stdout) for cmd in read)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "bare"), [("docx", _bare_docx), ("pdf", _bare_pdf), ("scan", _bare_ocr)]
)
def test_layout_parse_anchor(benchmark, files: dict[str, Path], fmt: str, bare) -> None:
    if fmt not in files:
        pytest.skip(f"cannot make a {fmt} file here (tool missing)")
    rounds = 2 if fmt == "scan" else 5
    assert benchmark.pedantic(bare, args=(files[fmt],), rounds=rounds, iterations=1) > 0
