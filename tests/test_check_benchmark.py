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
