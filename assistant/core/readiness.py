"""Whether a report may be generated: what a văn thư would otherwise send back to the drafter.

A report states only what the clerk gave (NĐ30 Điều 10, 13: the drafter and the signer answer for
every word), so the program asks instead of filling in:

- every task of the directive that concerns the agency is answered, or marked by the clerk as not
  the agency's (``not_applicable``) or as left out of this report (``not_reported``);
- a task marked done has its result (a note or figures);
- a task partly done or not done says what was done and why not the rest;
- a format of the other system (a state body in the Party layout, or the reverse) was confirmed.

Sections with nothing typed are simply left out of the report by the wording templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core.concern import split_tasks
from assistant.core.errors import UserError
from assistant.core.figures import figures_to_dict
from assistant.core.formats import profile as format_profile
from assistant.core.model import STATUS_LABELS_VI, BodyKind, Report, TaskAnswer, TaskStatus


@dataclass(frozen=True)
class Gap:
    """Something the report must state and does not yet: the field and what to do."""

    field: str  # dotted path in the answers: "tasks.t3.notes", "format"
    message: str  # Vietnamese, for the clerk


def _has_result(answer: TaskAnswer) -> bool:
    figures = figures_to_dict(answer.figures) if answer.figures is not None else {}
    return bool(answer.notes.strip()) or any(v not in ("", [], {}) for v in figures.values())


def _task_gaps(report: Report) -> list[Gap]:
    gaps = []
    mine, _ = split_tasks(report.directive, report.profile)
    for task in report.directive.tasks:
        answer = report.answers.get(task.id)
        title = f"«{task.title or task.text[:60]}»"
        name = (
            f"Nhiệm vụ {title}" if task.label in ("", "-") else f"Nhiệm vụ {task.label} ({title})"
        )
        where = f"tasks.{task.id}"
        if answer is None:
            if task in mine:
                gaps.append(
                    Gap(
                        where,
                        f"{name} chưa có câu trả lời: hãy ghi kết quả, hoặc chọn tình trạng "
                        f"«{STATUS_LABELS_VI[TaskStatus.NOT_APPLICABLE]}» hay "
                        f"«{STATUS_LABELS_VI[TaskStatus.NOT_REPORTED]}».",
                    )
                )
        elif answer.status is TaskStatus.DONE and not _has_result(answer):
            gaps.append(
                Gap(f"{where}.notes", f"{name} đã thực hiện: hãy ghi kết quả hoặc số liệu.")
            )
        elif answer.status in (TaskStatus.PARTLY, TaskStatus.NOT_DONE) and not answer.notes.strip():
            gaps.append(
                Gap(
                    f"{where}.notes",
                    f"{name} «{STATUS_LABELS_VI[answer.status].lower()}»: hãy ghi rõ phần đã làm "
                    "và lý do chưa hoàn thành.",
                )
            )
    return gaps


def _format_gap(report: Report) -> list[Gap]:
    fmt = format_profile(report.effective_format)
    party_body = report.profile.kind is BodyKind.PARTY
    if fmt.party == party_body or report.format_confirmed:
        return []
    body = "cơ quan của Đảng" if party_body else "cơ quan nhà nước"
    return [
        Gap(
            "format",
            f"{report.profile.name} là {body}, nhưng báo cáo đang theo thể thức {fmt.name}. "
            "Hãy chọn thể thức của cơ quan, hoặc xác nhận dùng thể thức này "
            "(dòng lệnh: --confirm-format).",
        )
    ]


def gaps(report: Report) -> list[Gap]:
    """Everything that stops ``report`` from being generated; empty when it is ready."""
    return _format_gap(report) + _task_gaps(report)


def require_ready(report: Report) -> None:
    found = gaps(report)
    if not found:
        return
    lines = "\n".join(f"- {gap.message}" for gap in found)
    raise UserError(
        f"Báo cáo chưa đủ để tạo:\n{lines}",
        "report not ready: " + "; ".join(gap.field for gap in found),
        field=found[0].field,
    )
