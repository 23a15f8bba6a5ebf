"""``fix``: every fault the rules govern is repaired; the text and the other parts are kept."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from assistant.check.checker import check
from assistant.check.fix import fix
from assistant.core.errors import UserError
from tests.conftest import REPO, SHARED
from tests.faulty_docs import FAULTS, make_report, spoil
from tests.kinds_corpus import KIND_FAULTS, make_kind

# Faults whose repair needs words only the clerk has (a number, the archive line, a missing
# line of text, a line typed as characters): fix leaves them, and check still names them.
NEEDS_WORDS = {
    "no_archive_line",
    "no_kinh_gui",
    "template_leftover",
    "party_archive_vt",
    "quyet_dinh_no_basis",
    "party_quyet_dinh_no_article",
    "to_trinh_no_kinh_gui",
    "party_thong_bao_symbol",
}
# the lines fix may retype: the Tiêu ngữ, the date, the number's padding and colon
RETYPED = ("Độc lập", "Thái Nguyên, ngày", "Số")
# XML parts a fix may rewrite; every other part must come out byte for byte.
GOVERNED = ("word/document.xml", "word/styles.xml", "word/header", "word/footer", "word/_rels/")
GOVERNED_EXACT = ("[Content_Types].xml", "word/settings.xml")


@pytest.fixture(scope="module")
def faulty(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("faulty")
    reports = {fmt: make_report(folder, fmt) for fmt in ("nd30", "hd36")}
    out = {
        name: spoil(reports[fmt], folder / f"{name}.docx", fault) for name, fmt, fault, _ in FAULTS
    }
    kinds = {(fmt, kind): make_kind(folder, fmt, kind) for _, fmt, kind, _, _ in KIND_FAULTS}
    for name, fmt, kind, fault, _ in KIND_FAULTS:
        out[name] = spoil(kinds[fmt, kind], folder / f"{name}.docx", fault)
    return out


ALL = [f[0] for f in FAULTS] + [f[0] for f in KIND_FAULTS]
WANTED = {f[0]: f[3] for f in FAULTS} | {f[0]: f[4] for f in KIND_FAULTS}


def _texts(path: Path) -> list[str]:
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        out += [p.text for row in table.rows for c in row.cells for p in c.paragraphs]
    # a rule typed as hyphens becomes a drawn line (an empty paragraph), the Party's "*" and
    # "-----" are marks: none is text; fix may add the end mark and change an initial's case
    return [
        t.removesuffix("./.").lower()
        for t in out
        if t.strip() and not t.startswith(RETYPED) and set(t) - set("-_*")
    ]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            n: archive.read(n)
            for n in archive.namelist()
            if not n.startswith(GOVERNED) and n not in GOVERNED_EXACT
        }


@pytest.mark.parametrize("name", ALL)
def test_fix_repairs_what_the_rules_govern(faulty, tmp_path, name) -> None:
    source = faulty[name]
    before = source.read_bytes()
    out = tmp_path / "fixed.docx"
    changes = fix(source, out)
    assert source.read_bytes() == before  # the original is never written
    left = check(out).ids()
    if name in NEEDS_WORDS:
        assert WANTED[name] in left and changes == changes
    else:
        assert changes and check(out).errors == [], left
    assert _texts(out) == _texts(source)
    assert _parts(out) == _parts(source)


def test_fix_refuses_the_original_an_existing_file_and_a_form(faulty, tmp_path) -> None:
    source = faulty["letter_paper"]
    with pytest.raises(UserError, match="tệp gốc"):
        fix(source, source)
    existing = tmp_path / "x.docx"
    existing.write_bytes(b"x")
    with pytest.raises(UserError, match="đã có"):
        fix(source, existing)
    fix(source, existing, force=True)
    assert check(existing).errors == []
    form = SHARED / "realdocs" / "mha_04_Don_dang_ky_thuong_tru.docx"
    with pytest.raises(UserError, match="không sửa"):
        fix(form, tmp_path / "form.docx")
    assert not (tmp_path / "form.docx").exists()


def test_fix_from_the_command_line_lists_the_changes(faulty, tmp_path) -> None:
    out = tmp_path / "fixed.docx"
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "fix", str(faulty["body_arial"]), str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "Phông chữ Times New Roman" in run.stdout
    again = subprocess.run(
        [sys.executable, "-m", "assistant", "fix", str(faulty["body_arial"]), str(out)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert again.returncode != 0 and "đã có" in again.stderr + again.stdout
