"""Render page 1 of two example reports for the README: a state one (NĐ30) and a Party one (HD36).

    .venv/bin/python scripts/render_examples.py      # needs LibreOffice (soffice) and pdftoppm

Each report is generated from a bundled directive and its example answers, converted to PDF by
LibreOffice and its first page to PNG, into docs/report-nd30.png and docs/report-hd36.png.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary
from assistant.generate import generate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = {"nd30": "3270-cv-btgtu-2024", "hd36": "1483-cv-btgtu-2024"}


def render(fmt: str, directive_id: str, folder: Path) -> Path:
    answers = json.loads((ROOT / "resources" / "answers" / f"{directive_id}.json").read_text())
    report = answers_to_report(answers, DirectiveLibrary().get(directive_id))
    assert report.effective_format == fmt, (directive_id, report.effective_format)
    docx = generate(report, folder / f"report-{fmt}.docx").path
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    stem = folder / f"report-{fmt}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", f"{stem}.pdf", stem],
        check=True,
        timeout=60,
    )
    return stem.with_suffix(".png")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, directive_id in EXAMPLES.items():
            png = render(fmt, directive_id, Path(tmp))
            shutil.copy(png, ROOT / "docs" / png.name)
            print(ROOT / "docs" / png.name)


if __name__ == "__main__":
    main()
