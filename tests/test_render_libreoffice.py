"""Generated reports render with LibreOffice: sane page count, header lines not wrapped."""

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from assistant.core.answers import answers_to_report
from assistant.generate import generate
from tests import factories
from tests.importer_corpus import convert_to_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed"
    ),
]


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(pdf: Path, first: int = 1, last: int = 1) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(first), "-l", str(last), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils is not installed")
def test_both_formats_render(tmp_path: Path) -> None:
    docs = []
    for fmt, profile in (("nd30", factories.STATE_PROFILE), ("hd36", factories.PARTY_PROFILE)):
        report = answers_to_report(
            factories.answers(profile=profile),
            factories.directive(),
            format_id=fmt,
            today=date(2024, 7, 1),
        )
        docs.append(generate(report, tmp_path / f"{fmt}.docx").path)
    nd30, hd36 = convert_to_pdf(docs, tmp_path)
    for pdf in (nd30, hd36):
        assert 2 <= pdf_pages(pdf) <= 4
    page1 = pdf_text(nd30)
    # The Quốc hiệu and the date line each fit on one line of the header table.
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in line for line in page1.splitlines())
    assert any("Thái Nguyên, ngày 28 tháng 6 năm 2024" in line for line in page1.splitlines())
    assert any("ĐẢNG CỘNG SẢN VIỆT NAM" in line for line in pdf_text(hd36).splitlines())
    # No page number on page 1; "2" heads page 2.
    assert pdf_text(nd30, 2, 2).strip().startswith("2")
    assert not page1.strip().startswith("1")
    if os.environ.get("KEEP_RENDERS"):
        shutil.copytree(tmp_path, os.environ["KEEP_RENDERS"], dirs_exist_ok=True)
