"""Rendered by LibreOffice, long names and the trích yếu break where a văn thư breaks them."""

import copy
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary, directive_from_dict
from assistant.core.layout import build_layout
from assistant.generate import generate
from tests import factories
from tests.conftest import REPO
from tests.importer_corpus import convert_to_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("soffice") and shutil.which("pdftotext")),
        reason="LibreOffice (soffice) or poppler-utils (pdftotext) is not installed",
    ),
]

STATE = {
    **factories.STATE_PROFILE,
    "name": "Đài Phát thanh và Truyền hình Thái Nguyên",
    "parent": "Ủy ban nhân dân tỉnh Thái Nguyên",
}
PARTY = {
    **factories.PARTY_PROFILE,
    "name": "Ban Tuyên giáo Tỉnh ủy Kiên Giang",
    "parent": "Đảng bộ tỉnh Kiên Giang",
    "place": "Kiên Giang",
    "symbol": "BTGTU",
}
# A line ending with one of these words has cut a name, a compound or a locality from its place.
CUT = {"TRUYỀN", "PHÁT", "THÁI", "KIÊN", "TUYÊN", "BAN", "HUYỆN", "TỈNH", "NHÂN", "ĐẢNG", "số"}
CUT |= {"Ban", "Tuyên", "Tỉnh", "Thái", "Kiên", "ngày"}


def report(profile: dict, fmt: str, directive_issuer: str):
    data = copy.deepcopy(factories.DIRECTIVE)
    data["issuer"] = directive_issuer
    return answers_to_report(
        factories.answers(profile=profile),
        directive_from_dict(data),
        format_id=fmt,
        today=date(2024, 7, 1),
    )


def head_segments(pdf: Path, stop: str) -> list[str]:
    """Page 1's text pieces down to ``stop``: each line split where the header columns part."""
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    segments = []
    for line in text.splitlines():
        if stop in line:
            break
        segments += [s.strip() for s in re.split(r"\s{3,}", line) if s.strip()]
    return segments


def test_names_and_trich_yeu_break_between_groups(tmp_path: Path) -> None:
    docs = [
        generate(
            report(STATE, "nd30", "Ban Tuyên giáo Tỉnh ủy Thái Nguyên"), tmp_path / "nd30.docx"
        ).path,
        generate(
            report(PARTY, "hd36", "Ban Tuyên giáo Tỉnh ủy Kiên Giang"), tmp_path / "hd36.docx"
        ).path,
    ]
    nd30, hd36 = convert_to_pdf(docs, tmp_path)

    state = head_segments(nd30, "Kính gửi")
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH THÁI NGUYÊN", "ĐÀI PHÁT THANH VÀ"):
        assert line in state, state
    assert "TRUYỀN HÌNH THÁI NGUYÊN" in state, state
    assert any(s.startswith("của Ban Tuyên giáo Tỉnh ủy Thái Nguyên") for s in state), state

    party = head_segments(hd36, "-----")
    for line in ("ĐẢNG BỘ TỈNH KIÊN GIANG", "BAN TUYÊN GIÁO", "TỈNH ỦY KIÊN GIANG"):
        assert line in party, party
    assert any(s.startswith("của Ban Tuyên giáo Tỉnh ủy Kiên Giang") for s in party), party

    for segment in state + party:
        assert segment.split()[-1] not in CUT, f"line ends inside a name: «{segment}»"


def test_every_bundled_example_keeps_the_lines_it_was_given(tmp_path: Path) -> None:
    """Each bundled directive answered in the agency's own format: LibreOffice wraps none of the
    header or trích yếu lines further (each is whole on the page) and none ends inside a name."""
    examples = sorted((REPO / "resources" / "answers").glob("*.json"))
    reports = [
        answers_to_report(
            json.loads(path.read_text(encoding="utf-8")), DirectiveLibrary().get(path.stem)
        )
        for path in examples
    ]
    docs = [
        generate(r, tmp_path / f"{p.stem}.docx").path
        for r, p in zip(reports, examples, strict=True)
    ]
    for report_, pdf in zip(reports, convert_to_pdf(docs, tmp_path), strict=True):
        layout = build_layout(report_)
        stop = "Kính gửi" if layout.kinh_gui else "-----"
        segments = head_segments(pdf, stop)
        for text in (layout.parent_body, layout.issuer, layout.subject):
            for line in filter(None, text.split("\n")):
                assert line in segments, (pdf.name, line, segments)
        for segment in segments:
            assert segment.split()[-1] not in CUT, f"{pdf.name}: «{segment}»"
