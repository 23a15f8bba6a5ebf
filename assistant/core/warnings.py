"""Things a clerk should know before sending a report, though it can still be generated."""

from __future__ import annotations

from assistant.core import vntext
from assistant.core.figures import NEGATIVE_LIMIT, ContentRatioFigures
from assistant.core.model import Report


def report_warnings(report: Report) -> list[str]:
    found = []
    for task_id, answer in report.answers.items():
        figures = answer.figures
        if isinstance(figures, ContentRatioFigures) and figures.over_limit:
            found.append(
                f"Nhiệm vụ {task_id}: tỷ lệ thông tin tiêu cực là {vntext.percent(figures.share)}, "
                f"không đạt yêu cầu dưới {vntext.limit_percent(NEGATIVE_LIMIT)}; báo cáo đã ghi rõ điều này."
            )
    if report.number is None:
        found.append("Chưa có số văn bản đi: dòng «Số» để trống để điền tay.")
    return found
