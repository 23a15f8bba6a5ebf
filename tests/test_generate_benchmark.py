"""How long `generate` takes, beside a bare python-docx open + save of the same document.

Run with `pytest tests/test_generate_benchmark.py --benchmark-enable` for figures; by default the
benchmarks run once as ordinary tests.
"""

import io
import itertools
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from docx import Document

from assistant.core.answers import answers_to_report
from assistant.generate import generate
from assistant.storage.history import History
from tests import factories


def _report():
    return answers_to_report(factories.answers(), factories.directive(), today=date(2024, 7, 1))


def test_generate_report(benchmark, tmp_path: Path) -> None:
    report = _report()
    result = benchmark(generate, report, tmp_path / "r.docx")
    assert result.path.stat().st_size > 10_000


def test_bare_python_docx_open_and_save(benchmark, tmp_path: Path) -> None:
    source = tmp_path / "r.docx"
    generate(_report(), source)

    def open_and_save() -> int:
        buffer = io.BytesIO()
        Document(str(source)).save(buffer)
        return buffer.tell()

    assert benchmark(open_and_save) > 10_000


def test_generate_through_the_history(benchmark, tmp_path: Path) -> None:
    """The same report with its number reserved, written, and recorded (two commits, fsyncs)."""
    directives = tmp_path / "data" / "directives"
    directives.mkdir(parents=True)
    (directives / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    history = History.open_in(tmp_path / "data")
    report = replace(_report(), number=None)
    names = itertools.count()
    entry_id, _ = benchmark(lambda: history.generate(report, tmp_path / f"{next(names)}.docx"))
    assert history.get(entry_id).status == "generated"
    history.close()
