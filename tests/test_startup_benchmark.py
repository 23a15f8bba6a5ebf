"""Whole-process speed of the command line beside its anchors, each a fresh Python process:

- ``generate`` of an example report, against docxtpl rendering a template of the same shape
  (every paragraph and cell of that report, as a placeholder) and python-docx opening and saving
  the finished file;
- ``directives --json``;
- the window started in smoke-test mode (shown, then closed), beside a bare PySide6 window shown
  and closed. Start to first window shown is in ``tests/test_gui_benchmark.py``.

Run with ``pytest tests/test_startup_benchmark.py --benchmark-enable`` for figures (ratios in the
closing note of issue 13); by default each runs once as a test. Every process runs with bytecode
as an installed program does (``tests/installed.py``).
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

from assistant.core.agency import save_profile
from assistant.core.answers import profile_from_dict
from tests import factories
from tests.conftest import REPO
from tests.installed import WARMUP, installed_env

SEED = "3270-cv-btgtu-2024"
ANSWERS = REPO / "resources" / "answers" / f"{SEED}.json"
DOCXTPL = (
    "import json, sys\nfrom docxtpl import DocxTemplate\n"
    "t = DocxTemplate(sys.argv[1])\n"
    "t.render(json.load(open(sys.argv[2], encoding='utf-8')))\nt.save(sys.argv[3])\n"
)
OPEN_SAVE = "import sys\nfrom docx import Document\nDocument(sys.argv[1]).save(sys.argv[2])\n"
BARE_WINDOW = (
    "from PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\nw = QWidget()\nw.show()\nQTimer.singleShot(0, w.close)\napp.exec()\n"
)


def _run(*args: str, **env: str) -> None:
    subprocess.run(
        [sys.executable, *args], check=True, capture_output=True, cwd=REPO, timeout=120,
        env=installed_env(**env),
    )  # fmt: skip


def _paragraphs(doc):
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("startup")
    _run("-m", "assistant", "--data-dir", str(folder / "data"), "generate", "--directive", SEED,
         "--answers", str(ANSWERS), "--out", str(folder / "report.docx"), "--no-history")  # fmt: skip
    return folder


@pytest.fixture(scope="module")
def template(made: Path) -> tuple[Path, Path]:
    """The finished report with each paragraph's text turned into a placeholder, and the
    context that fills them back in: a docxtpl job of the same shape as the report."""
    doc = Document(str(made / "report.docx"))
    texts = []
    for paragraph in _paragraphs(doc):
        if paragraph.runs and paragraph.text:
            texts.append(paragraph.text)
            paragraph.runs[0].text = f"{{{{ p[{len(texts) - 1}] }}}}"
            for run in paragraph.runs[1:]:
                run.text = ""
    doc.save(str(made / "template.docx"))
    (made / "context.json").write_text(json.dumps({"p": texts}, ensure_ascii=False), "utf-8")
    return made / "template.docx", made / "context.json"


def test_cli_generate(benchmark, made: Path) -> None:
    out = made / "again.docx"
    benchmark.pedantic(
        _run, args=("-m", "assistant", "--data-dir", str(made / "data"), "generate", "--directive",
                    SEED, "--answers", str(ANSWERS), "--out", str(out), "--no-history"),
        rounds=5, iterations=1, warmup_rounds=WARMUP,
    )  # fmt: skip
    assert Document(str(out)).paragraphs


def test_docxtpl_render_of_the_same_shape(benchmark, template, made: Path) -> None:
    out = made / "docxtpl.docx"
    benchmark.pedantic(
        _run,
        args=("-c", DOCXTPL, str(template[0]), str(template[1]), str(out)),
        rounds=5,
        iterations=1,
        warmup_rounds=WARMUP,
    )
    expected = [p.text for p in _paragraphs(Document(str(made / "report.docx"))) if p.text]
    assert [p.text for p in _paragraphs(Document(str(out))) if p.text] == expected


def test_python_docx_open_and_save(benchmark, made: Path) -> None:
    out = made / "resaved.docx"
    benchmark.pedantic(
        _run,
        args=("-c", OPEN_SAVE, str(made / "report.docx"), str(out)),
        rounds=5,
        iterations=1,
        warmup_rounds=WARMUP,
    )
    assert out.stat().st_size > 10_000


def test_cli_directives(benchmark) -> None:
    benchmark.pedantic(
        _run,
        args=("-m", "assistant", "directives", "--json"),
        rounds=5,
        iterations=1,
        warmup_rounds=WARMUP,
    )


def test_window_shown_and_closed(benchmark, data_dir: Path) -> None:
    save_profile(data_dir, profile_from_dict(factories.STATE_PROFILE))
    benchmark.pedantic(
        _run, args=("-m", "assistant", "--data-dir", str(data_dir)),
        kwargs={"BAO_CAO_NHANH_SMOKE_TEST": "1"}, rounds=5, iterations=1, warmup_rounds=WARMUP,
    )  # fmt: skip
    assert "window shown" in (data_dir / "logs" / "bao-cao-nhanh.log").read_text(encoding="utf-8")


def test_bare_window_shown_and_closed(benchmark) -> None:
    benchmark.pedantic(_run, args=("-c", BARE_WINDOW), rounds=5, iterations=1, warmup_rounds=WARMUP)
