"""How long checking a five-page report takes (pytest --benchmark-enable to measure)."""

from __future__ import annotations

from pathlib import Path

from assistant.check.checker import check
from tests.faulty_docs import make_report

NOTE = (
    "Đơn vị đã tổ chức quán triệt, phổ biến đầy đủ nội dung công văn đến toàn thể cán bộ, "
    "viên chức; phân công cụ thể từng bộ phận theo dõi, đôn đốc và báo cáo kết quả định kỳ."
)
NOTES = 18  # two sections of 18 notes: LibreOffice lays the report out on 5 A4 pages


def test_check_a_five_page_report(benchmark, tmp_path: Path) -> None:
    long_notes = "\n".join(f"{i}) {NOTE}" for i in range(1, NOTES + 1))
    path = make_report(tmp_path, "nd30", implementation=long_notes, difficulties=long_notes)
    result = benchmark(check, path)
    assert result.findings == []


def _anchor(path: Path, out: Path) -> None:
    from docx import Document

    Document(str(path)).save(str(out))


def test_anchor_python_docx_open_and_save(benchmark, tmp_path: Path) -> None:
    """The floor: python-docx reading and writing the same report, no checking."""
    path = make_report(tmp_path, "nd30")
    benchmark(_anchor, path, tmp_path / "copy.docx")


def test_check_a_real_template(benchmark) -> None:
    from tests.conftest import SHARED

    result = benchmark(check, SHARED / "realdocs" / "dth_template_congvan.docx")
    assert result.kind == "cong_van"


def test_fix_a_faulty_report(benchmark, tmp_path: Path) -> None:
    from assistant.check.fix import fix
    from tests.faulty_docs import body_arial, spoil

    source = spoil(make_report(tmp_path, "nd30"), tmp_path / "arial.docx", body_arial)
    changes = benchmark(fix, source, tmp_path / "fixed.docx", None, True)
    assert changes
