"""Parse time per format on the layout corpus (run with ``--benchmark-enable`` to measure).

With benchmarks disabled (the default) each case runs once, as a smoke test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.importer import import_file
from tests.layouts_corpus import build


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    made = build(tmp_path_factory.mktemp("layouts-bench"), scans=False)
    by_format: dict[str, Path] = {}
    for item in made:
        if item.cls == "ke-hoach" or item.fmt == "portal":
            by_format.setdefault(item.fmt, item.path)
    return by_format


@pytest.mark.parametrize("fmt", ["txt", "stripped", "docx", "pdf", "portal"])
def test_layout_parse_time(benchmark, files: dict[str, Path], fmt: str) -> None:
    if fmt not in files:
        pytest.skip(f"cannot make a {fmt} file here (tool missing)")
    parsed = benchmark.pedantic(import_file, args=(files[fmt],), rounds=5, iterations=1)
    assert parsed["tasks"]
