"""Checks a .docx against a format profile: ``check(path, format_id=None) -> CheckResult``.

Every number comes from the profile (assistant/core/formats.py). Each check is a function of a
:class:`Context` returning findings; one failing check becomes a "check.internal" warning and the
others still run, so a strange document never stops the report.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from assistant.check.body_checks import check_body, check_recipients
from assistant.check.citation_checks import check_citation_placeholders
from assistant.check.context import Context
from assistant.check.docx_model import DocModel, open_document, read_model
from assistant.check.element_checks import (
    check_date,
    check_motto,
    check_number,
    check_rules_under,
    check_text_rules,
)
from assistant.check.elements import Located, detect, locate
from assistant.check.findings import (
    CHECKER,
    FORMAT,
    OTHER_LABELS,
    WARNING,
    CheckResult,
    Finding,
    Places,
)
from assistant.check.kind_checks import (
    check_body_marks,
    check_kind,
    check_kinh_gui,
    check_number_symbol,
    check_presence,
    kind_profile,
    not_administrative,
)
from assistant.check.page_checks import (
    check_fonts,
    check_page,
    check_page_number,
    check_tables,
    check_template,
)
from assistant.check.system_checks import check_signing_prefix, check_system
from assistant.core.errors import UserError
from assistant.core.formats import ND30, FormatProfile, profile

log = logging.getLogger(__name__)

CHECKS: tuple[Callable[[Context], list[Finding]], ...] = (
    check_page,
    check_kind,
    check_presence,
    check_fonts,
    check_text_rules,
    check_motto,
    check_rules_under,
    check_number,
    check_number_symbol,
    check_date,
    check_kinh_gui,
    check_body,
    check_body_marks,
    check_recipients,
    check_page_number,
    check_tables,
    check_template,
    check_system,
    check_signing_prefix,
    check_citation_placeholders,
)


def _internal(step: str, exc: Exception) -> Finding:
    log.error("check step %s failed", step, exc_info=exc)
    return Finding(
        id="check.internal",
        severity=WARNING,
        element=CHECKER,
        label=OTHER_LABELS[CHECKER],
        found=f"{type(exc).__name__}: {exc}"[:200],
        expected="",
        where=step,
        message="Một bước kiểm tra không chạy được trên tệp này; các bước khác vẫn chạy.",
    )


def _run(check_fn: Callable[[Context], list[Finding]], ctx: Context) -> list[Finding]:
    try:
        return check_fn(ctx)
    except Exception as exc:  # one broken check must not hide the others' findings
        return [_internal(check_fn.__name__, exc)]


def _locate(model: DocModel, fmt: FormatProfile, result: CheckResult) -> Located:
    """The elements; if finding them fails, the page, font and leftover checks still run."""
    try:
        return locate(model, fmt)
    except Exception as exc:
        result.findings.append(_internal("locate", exc))
        return Located()


def choose(model: DocModel, format_id: str | None) -> tuple[FormatProfile, bool]:
    if format_id:
        return profile(format_id), False
    found = detect(model)
    return (found, True) if found is not None else (ND30, False)


def check(path: str | Path, format_id: str | None = None) -> CheckResult:
    document = open_document(Path(path))
    try:
        model = read_model(document)
    except Exception as exc:  # python-docx opened it, yet its XML is not what Word writes
        raise UserError(
            f"Không đọc được cấu trúc của tệp «{Path(path).name}». Hãy mở bằng Word và lưu lại.",
            f"{path}: {type(exc).__name__}: {exc}",
        ) from exc
    fmt, detected = choose(model, format_id)
    result = CheckResult(fmt.id, detected)
    located = _locate(model, fmt, result)
    places = Places(model, located.header_table, located.signature_table)
    ctx = Context(model, kind_profile(fmt, located.kind), located, places)
    result.kind = located.kind.id if located.kind else ""
    if not located.administrative:  # a form or a contract: one finding, not thirty
        result.findings = [not_administrative(ctx)]
        return result
    if not format_id and not detected:
        result.findings.append(
            Finding(
                "format.unknown",
                WARNING,
                FORMAT,
                OTHER_LABELS[FORMAT],
                "không có Quốc hiệu hay tiêu đề Đảng",
                f"kiểm tra theo {fmt.name}",
                "toàn văn bản",
                "Không nhận ra thể thức; đã kiểm tra theo thể thức nhà nước (dùng --format để chọn).",
            )
        )
    for check_fn in CHECKS:
        result.findings.extend(_run(check_fn, ctx))
    return result
