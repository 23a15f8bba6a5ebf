"""Every bundled directive with its example answers, in both formats: re-opened and checked."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.check.checker import check
from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary
from assistant.generate import generate
from assistant.paths import RESOURCES
from tests.docx_inspect import Doc, has_page_field, mm, run_fonts

SYSTEM_FINDING = {"nd30": "state_title_on_party_body", "hd36": "party_title_on_state_body"}
SEEDS = sorted(p.stem for p in (RESOURCES / "answers").glob("*.json"))


def test_every_bundled_directive_has_example_answers() -> None:
    assert len(SEEDS) == 5
    assert sorted(d.id for d in DirectiveLibrary().all()) == SEEDS


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_report_is_well_formed(tmp_path: Path, seed: str, fmt: str) -> None:
    answers = json.loads((RESOURCES / "answers" / f"{seed}.json").read_text(encoding="utf-8"))
    report = answers_to_report(answers, DirectiveLibrary().get(seed), format_id=fmt)
    natural = report.profile.format_id == fmt
    report = replace(report, format_confirmed=not natural)  # the other system, on purpose
    out = generate(report, tmp_path / f"{seed}-{fmt}.docx").path
    doc = Doc(str(out))
    assert (round(mm(doc.section.page_width)), round(mm(doc.section.page_height))) == (210, 297)
    assert all(
        run_fonts(r)["ascii"] == "Times New Roman" and not run_fonts(r)["theme"]
        for r in doc.all_runs()
    )
    assert doc.section.different_first_page_header_footer and has_page_field(doc.section.header)
    errors = [f.id for f in check(out, fmt).findings if f.severity == "error"]
    # In the other system's format the document is consistent, but its title is not the body's.
    assert errors == ([] if natural else [f"system.{SYSTEM_FINDING[fmt]}"])
