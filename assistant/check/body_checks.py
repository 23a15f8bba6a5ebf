"""Checks of the body, Kính gửi and Nơi nhận."""

from __future__ import annotations

from collections.abc import Callable

from assistant.check import details
from assistant.check.context import Context, visible
from assistant.check.docx_model import Paragraph
from assistant.check.elements import BODY_ELEMENTS
from assistant.check.findings import (
    WARNING,
    Finding,
    num,
    span,
)
from assistant.core.formats import Element


def line_spacing_pt(p: Paragraph, rule_factor: float, default_size: float) -> float:
    if p.line_rule != "auto":
        return p.line_value
    sizes = [r.size for r in visible(p) if r.size]
    return p.line_value * rule_factor * (max(sizes) if sizes else default_size)


def check_body(ctx: Context) -> list[Finding]:
    fmt, rule = ctx.fmt, ctx.fmt.body
    paragraphs = ctx.located.at.get(Element.BODY, [])
    size = fmt.text[Element.BODY].size.default
    align = details.ALIGN_NAMES[rule.align]
    tests: list[tuple[str, Callable[[Paragraph], str | None], str, str]] = [
        (
            "body.justify",
            lambda p: None if p.align == rule.align else details.ALIGN_NAMES.get(p.align, p.align),
            align,
            f"Đoạn văn phải căn {align}.",
        ),
        (
            "body.first_line_indent",
            lambda p: details.outside(p.first_line_cm, rule.first_line_indent_cm, "cm"),
            f"lùi đầu dòng {span(rule.first_line_indent_cm)} cm",
            "Lùi đầu dòng thứ nhất của mỗi đoạn.",
        ),
        (
            "body.spacing",
            lambda p: details.outside(p.space_after_pt, rule.space_after_pt, "pt"),
            f"cách đoạn sau {span(rule.space_after_pt)} pt",
            f"Khoảng cách giữa các đoạn tối thiểu {num(rule.space_after_pt.low)} pt.",
        ),
        (
            "body.line_spacing",
            lambda p: details.outside(
                line_spacing_pt(p, rule.single_line_factor, size), rule.line_spacing_pt, "pt"
            ),
            f"giãn dòng {span(rule.line_spacing_pt)} pt",
            "Khoảng cách giữa các dòng không đúng quy định.",
        ),
    ]
    out = []
    for finding_id, test, expected, message in tests:
        bad = [(p, found) for p in paragraphs if (found := test(p)) is not None]
        if bad:
            found = "; ".join(sorted({f for _, f in bad}))[:200]
            out.append(
                ctx.finding(finding_id, Element.BODY, [p for p, _ in bad], found, expected, message)
            )
    return out + end_mark(ctx)


def end_mark(ctx: Context) -> list[Finding]:
    lines = [p for e in BODY_ELEMENTS for p in ctx.located.at.get(e, [])]
    if not lines:
        return []
    position = ctx.order()
    last = max(lines, key=lambda p: (position[id(p.xml)], p.line_of))
    mark = ctx.fmt.end_mark
    if last.text.rstrip().endswith(mark):
        return []
    return [
        ctx.finding(
            "body.end_mark",
            Element.BODY,
            [last],
            _tail(last.text),
            f"kết thúc bằng «{mark}»",
            f"Đoạn cuối của nội dung kết thúc bằng «{mark}».",
            WARNING,
        )
    ]


def _tail(text: str, length: int = 30) -> str:
    """The end of a paragraph, from a word boundary: "…Đài Phát thanh và Truyền hình"."""
    text = text.rstrip()
    if len(text) <= length:
        return text
    return "…" + text[-length:].split(" ", 1)[-1]


def check_recipients(ctx: Context) -> list[Finding]:
    fmt = ctx.fmt
    items = ctx.located.at.get(Element.RECIPIENTS_ITEM, [])
    if Element.RECIPIENTS_LABEL not in ctx.located.at:
        return []
    last = items[-1] if items else None
    text = "" if last is None else details.squeeze(last.text).lstrip("-– ").strip()
    after = text[len(fmt.archive_prefix) : len(fmt.archive_prefix) + 1]
    if text.startswith(fmt.archive_prefix) and after in (fmt.archive_joiner[:1], "."):
        return []
    return [
        ctx.finding(
            "recipients.archive",
            Element.RECIPIENTS_ITEM,
            [last] if last else ctx.located.at[Element.RECIPIENTS_LABEL],
            text or "không có",
            f"dòng cuối «- {fmt.archive_line('<đơn vị>')}»",
            f"Dòng cuối của Nơi nhận là dòng lưu: «- {fmt.archive_line('<đơn vị>')}».",
            WARNING,
        )
    ]
