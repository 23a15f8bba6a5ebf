"""The answers file: a clerk's answers to one directive, as JSON, and the Report built from it.

The same JSON form is the report's snapshot in the history and the window's draft, so
``report_to_answers(answers_to_report(x))`` gives ``x`` back. Errors name the field and say what
is wrong in Vietnamese.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from assistant.core import vntext
from assistant.core.catalogue import kind as task_kind
from assistant.core.errors import UserError
from assistant.core.figure_table import previous_dates
from assistant.core.figures import figures_from_dict, figures_to_dict
from assistant.core.gate import clean_tree
from assistant.core.model import (
    AgencyProfile,
    BodyKind,
    Directive,
    Period,
    PreviousPeriod,
    Report,
    Signer,
    TaskAnswer,
    TaskStatus,
)
from assistant.core.schemas import first_error

_MESSAGES = {
    "type": "sai kiểu dữ liệu (cần {expected})",
    "minimum": "không được nhỏ hơn {limit}",
    "maximum": "không được lớn hơn {limit}",
    "maxLength": "dài quá {limit} ký tự",
    "maxItems": "có quá {limit} mục",
    "required": "thiếu trường bắt buộc",
    "additionalProperties": "có trường không được hỗ trợ",
    "enum": "giá trị không hợp lệ (chỉ nhận: {choices})",
    "format": "không đúng dạng ngày (cần NNNN-TT-NN, ví dụ 2024-06-30)",
    "minLength": "không được để trống",
    "pattern": "không đúng dạng (chỉ chữ in hoa, số và dấu gạch)",
    "propertyNames": "mã nhiệm vụ không hợp lệ",
}
_LIMITS = ("minimum", "maximum", "maxLength", "maxItems")
_TYPE_NAMES = {
    "integer": "số nguyên",
    "string": "chuỗi chữ",
    "object": "nhóm trường",
    "array": "danh sách",
    "boolean": "đúng/sai",
    "null": "để trống",
}


def _check(instance: object, definition: str, where: str) -> None:
    """Validate against answers.schema.json (or one of its ``$defs``); raise UserError for the
    first error."""
    err = first_error(instance, "answers", definition)
    if err is None:
        return
    path = ".".join(part for part in (where, *map(str, err.path), err.missing) if part)
    expected = err.value
    if isinstance(expected, list):
        expected = " hoặc ".join(_TYPE_NAMES.get(t, str(t)) for t in expected)
    text = _MESSAGES.get(err.keyword, "không hợp lệ").format(
        expected=_TYPE_NAMES.get(expected, expected) if isinstance(expected, str) else expected,
        limit=vntext.number(err.value) if err.keyword in _LIMITS else "",
        choices=", ".join(map(str, err.value)) if err.keyword == "enum" else "",
    )
    raise UserError(f"Trường «{path}» {text}.", f"{path}: {err.message}", field=path)


def profile_from_dict(data: dict) -> AgencyProfile:
    data = clean_tree(data, "profile")
    _check(data, "profile", "profile")
    return AgencyProfile(
        name=data["name"],
        kind=BodyKind(data["kind"]),
        symbol=data["symbol"],
        place=data["place"],
        signer=Signer(**data["signer"]),
        parent=data.get("parent", ""),
        drafting_unit=data.get("drafting_unit", ""),
        format=data.get("format"),
        groups=tuple(data.get("groups", ())),
        short_name=data.get("short_name", ""),
        aliases=tuple(data.get("aliases", ())),
    )


def profile_to_dict(profile: AgencyProfile) -> dict:
    return {
        "name": profile.name,
        "short_name": profile.short_name,
        "parent": profile.parent,
        "kind": profile.kind.value,
        "symbol": profile.symbol,
        "place": profile.place,
        "signer": {
            "collective": profile.signer.collective,
            "authority": profile.signer.authority,
            "title": profile.signer.title,
            "name": profile.signer.name,
        },
        "drafting_unit": profile.drafting_unit,
        "format": profile.format,
        "groups": list(profile.groups),
        "aliases": list(profile.aliases),
    }


def _task_answer(directive: Directive, task_id: str, data: dict) -> TaskAnswer:
    try:
        task = directive.task(task_id)
    except KeyError:
        raise UserError(
            f"Trường «tasks.{task_id}»: công văn {directive.symbol} không có nhiệm vụ này.",
            f"tasks.{task_id}: no such task in {directive.id}",
            field=f"tasks.{task_id}",
        ) from None
    form = task_kind(task.kind).figures
    figures = None
    if "figures" in data:
        where = f"tasks.{task_id}.figures"
        if form is None:
            raise UserError(
                f"Trường «{where}»: nhiệm vụ này không có số liệu riêng; hãy ghi vào «notes».",
                f"{where}: task kind {task.kind} takes no figures",
                field=where,
            )
        _check(data["figures"], form, where)
        figures = figures_from_dict(form, data["figures"])
        problems = figures.problems()  # type: ignore[attr-defined]
        if problems:
            first = problems[0]
            raise UserError(
                f"Trường «{where}.{first.field}»: {first.message}",
                f"{where}.{first.field}: {first.message}",
                field=f"{where}.{first.field}",
            )
    return TaskAnswer(
        status=TaskStatus(data.get("status", "done")), notes=data.get("notes", ""), figures=figures
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _period(data: dict | None) -> Period:
    data = data or {}
    return Period(_date(data.get("start")), _date(data.get("end")), data.get("label", ""))


def _previous_figures(directive: Directive, data: dict) -> PreviousPeriod:
    """The figures of a previous period's answers (``tasks`` and ``period``, schema-checked);
    a task the directive no longer has is left out, as nothing can be compared with it."""
    own = {task.id for task in directive.tasks}
    figures = {}
    for task_id, task in (data.get("tasks") or {}).items():
        if task_id in own and "figures" in task:
            answer = _task_answer(directive, task_id, {"figures": task["figures"]})
            figures[task_id] = answer.figures
    return PreviousPeriod(_period(data.get("period")), figures)


def previous_from_answers(directive: Directive, data: dict) -> PreviousPeriod:
    """The previous period's report, from its answers file (the history's snapshot or the file
    given to ``generate --previous-answers``)."""
    try:
        data = clean_tree(data)
        _check(data, "", "")
        return _previous_figures(directive, data)
    except UserError as exc:
        raise UserError(
            f"Báo cáo kỳ trước: {exc.message}", f"previous answers: {exc.detail}", field=exc.field
        ) from exc


def _follows(period: Period, previous: PreviousPeriod) -> bool:
    """Whether ``previous`` is the period just before ``period``; a period named only by its
    label cannot be told, and is taken at the clerk's word."""
    before = previous_dates(period)
    given = previous.period.start, previous.period.end
    return before is None or None in given or given == before


def _named(period: Period) -> str:
    dates = " – ".join(vntext.short_date(day) for day in (period.start, period.end) if day)
    return period.label or dates


def _earlier(directive: Directive, data: dict, period: Period, given: dict | None):
    """The previous period's report: the answers given, which must be of the period just before;
    else the one the snapshot kept, unless it is of another period (a draft made from an older
    report), which is dropped."""
    if given is not None:
        earlier = previous_from_answers(directive, given)
        if not _follows(period, earlier):
            raise UserError(
                f"Báo cáo kỳ trước ({_named(earlier.period)}) không phải của kỳ liền trước kỳ "
                f"báo cáo ({_named(period)}).",
                f"previous answers: period {earlier.period} does not precede {period}",
                field="previous",
            )
        return earlier
    if "previous" not in data:
        return None
    earlier = _previous_figures(directive, data["previous"])
    return earlier if _follows(period, earlier) else None


def with_previous(report: Report, previous_answers: dict | None) -> Report:
    """``report`` with the previous period's report to compare with (None: there is none)."""
    if previous_answers is None:
        return replace(report, previous=None)
    return replace(report, previous=previous_from_answers(report.directive, previous_answers))


def answers_to_report(
    data: dict,
    directive: Directive,
    saved_profile: AgencyProfile | None = None,
    *,
    format_id: str | None = None,
    today: date | None = None,
    previous: dict | None = None,
) -> Report:
    """Build a Report; the answers' own profile wins over the saved one. ``previous``: the
    previous period's answers to compare with; else those the snapshot kept, if any."""
    data = clean_tree(data)
    _check(data, "", "")
    if data.get("directive") and data["directive"] != directive.id:
        raise UserError(
            f"Tệp trả lời dành cho công văn «{data['directive']}», không phải «{directive.id}».",
            f"directive mismatch: {data['directive']} != {directive.id}",
            field="directive",
        )
    profile = profile_from_dict(data["profile"]) if "profile" in data else saved_profile
    if profile is None:
        raise UserError(
            "Chưa có thông tin cơ quan báo cáo. Hãy khai báo bằng lệnh «profile set» "
            "(hoặc trong cửa sổ chương trình), hoặc thêm mục «profile» vào tệp trả lời.",
            "no agency profile: none saved and none in the answers",
            field="profile",
        )
    period = _period(data.get("period"))
    return Report(
        directive=directive,
        profile=profile,
        date=_date(data.get("date")) or today or date.today(),
        answers={tid: _task_answer(directive, tid, t) for tid, t in data.get("tasks", {}).items()},
        period=period,
        number=data.get("number"),
        format_id=format_id or data.get("format"),
        format_confirmed=data.get("format_confirmed", False),
        implementation=data.get("implementation", ""),
        strengths=data.get("strengths", ""),
        difficulties=data.get("difficulties", ""),
        next_steps=data.get("next_steps", ""),
        proposals=data.get("proposals", ""),
        extra_recipients=tuple(data.get("extra_recipients", ())),
        appendix_figures=data.get("appendix_figures", False),
        compare_previous=data.get("compare_previous", False),
        previous=_earlier(directive, data, period, previous),
    )


def report_to_answers(report: Report) -> dict:
    """The full snapshot of a report as an answers file (profile included)."""
    tasks = {}
    for task_id, answer in report.answers.items():
        entry: dict = {"status": answer.status.value, "notes": answer.notes}
        if answer.figures is not None:
            entry["figures"] = figures_to_dict(answer.figures)
        tasks[task_id] = entry
    data = {
        "directive": report.directive.id,
        "profile": profile_to_dict(report.profile),
        "number": report.number,
        "date": report.date.isoformat(),
        "period": period_answers(report.period),
        "implementation": report.implementation,
        "tasks": tasks,
        "strengths": report.strengths,
        "difficulties": report.difficulties,
        "next_steps": report.next_steps,
        "proposals": report.proposals,
        "extra_recipients": list(report.extra_recipients),
    }
    if report.format_id:
        data["format"] = report.format_id
    if report.format_confirmed:
        data["format_confirmed"] = True
    # The options only when on, so that a report without them keeps its snapshot as it was.
    for option in ("appendix_figures", "compare_previous"):
        if getattr(report, option):
            data[option] = True
    if report.previous is not None:
        data["previous"] = {
            "period": period_answers(report.previous.period),
            "tasks": {
                task_id: {"figures": figures_to_dict(figures)}
                for task_id, figures in report.previous.figures.items()
            },
        }
    return data


NARRATIVE = ("implementation", "strengths", "difficulties", "next_steps", "proposals")


def period_answers(period: Period) -> dict:
    """A period as the answers JSON holds it."""
    return {
        "start": period.start.isoformat() if period.start else None,
        "end": period.end.isoformat() if period.end else None,
        "label": period.label,
    }


def for_new_period(answers: dict, start: date, end: date) -> dict:
    """The last period's report as the start of the next one: its narrative, and each task's
    status and notes, kept for the clerk to rewrite; every figure cleared (they are the new
    period's to give), and the number and date left to be given again."""
    data = json.loads(json.dumps(answers))  # a deep copy of plain JSON
    data.update(number=None, date=None)
    data.pop("previous", None)  # the new period has a previous period of its own
    data["period"] = period_answers(Period(start, end))
    for task in data.get("tasks", {}).values():
        task.pop("figures", None)
    return data
