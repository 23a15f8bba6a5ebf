"""Checks of the header and title elements: their text rules, lines, Số and date."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.check import details
from assistant.check.context import Context, pt, visible
from assistant.check.docx_model import Paragraph
from assistant.check.elements import BODY_ELEMENTS
from assistant.check.findings import (
    ERROR,
    WARNING,
    Finding,
    element_label,
    id_prefix,
    span,
)
from assistant.core.formats import Case, Element, FormatProfile

# Elements whose paragraphs are one text broken by hand: only the first line has an initial.
WRAPPED = (Element.ISSUER, Element.SUBJECT, Element.SIGNER_TITLE)


# How each kind of fault reads, after the element's name: "Quốc hiệu phải in đậm."
STYLE_MESSAGES = {
    "size": "phải có {expected}.",
    "case": "phải viết {expected}.",
    "align": "phải căn lề {expected}.",
}


def style_problems(
    p: Paragraph, element: Element, fmt: FormatProfile, continued: bool = False
) -> Iterable[tuple[str, str, str]]:
    """(id suffix, found, expected) for each way ``p`` breaks its element's rule.

    ``continued``: ``p`` goes on from the line above, so the rule's initial letter is not its own.
    """
    rule = fmt.text[element]
    case = Case.ANY if continued and rule.case is not Case.UPPER else rule.case
    runs = visible(p)
    sizes = sorted({r.size for r in runs}, key=lambda s: s or 0)
    if any(s is None or s not in rule.size for s in sizes):
        yield "size", "cỡ " + ", ".join(pt(s) for s in sizes), f"cỡ chữ {span(rule.size)} pt"
    for attr, on, off in details.STYLES:
        wanted = getattr(rule, attr)
        if any(getattr(r, attr) != wanted for r in runs):
            yield attr, *((off, on) if wanted else (on, off))
    shown = "".join(r.text.upper() if r.caps else r.text for r in runs)
    # a template's "{{ co_quan }}" has no case of its own; template.leftover names it
    if "{{" not in shown and not details.case_ok(shown, case):
        yield "case", shown.strip(), details.CASE_NAMES[case]
    if element not in BODY_ELEMENTS and not details.align_ok(p.align, rule.align):
        found = details.ALIGN_NAMES.get(p.align, p.align)
        yield "align", found, details.ALIGN_NAMES.get(rule.align, rule.align)


def check_text_rules(ctx: Context) -> list[Finding]:
    """One finding per element and kind of fault, naming every paragraph concerned."""
    groups: dict[str, tuple[Element, list[Paragraph], set[str], str]] = {}
    for element, paragraphs in ctx.located.at.items():
        if element not in ctx.fmt.text:
            continue
        for index, p in enumerate(paragraphs):
            continued = index > 0 and element in WRAPPED
            for suffix, found, expected in style_problems(p, element, ctx.fmt, continued):
                key = f"{id_prefix(element)}.{suffix}"
                entry = groups.setdefault(key, (element, [], set(), expected))
                entry[1].append(p)
                entry[2].add(found)
    out = []
    for key, (element, paragraphs, found, expected) in groups.items():
        suffix = key.rsplit(".", 1)[1]
        message = STYLE_MESSAGES.get(suffix, "phải {expected}.").format(expected=expected)
        if expected.startswith("không "):  # "không in đậm": say "không được in đậm"
            message = f"không được {expected.removeprefix('không ')}."
        out.append(
            ctx.finding(
                key,
                element,
                paragraphs,
                "; ".join(sorted(found))[:200],
                expected,
                f"{element_label(element, ctx.fmt)} {message}",
                WARNING if suffix == "align" else ERROR,
            )
        )
    return out


def check_motto(ctx: Context) -> list[Finding]:
    p, motto = ctx.located.one(Element.MOTTO), ctx.fmt.motto
    if p is None or details.squeeze(p.text) == motto:
        return []
    text = details.squeeze(p.text)
    case_only = text.casefold() == motto.casefold()
    return [
        ctx.finding(
            "motto.case" if case_only else "motto.hyphens",
            Element.MOTTO,
            [p],
            text,
            f"«{motto}»",
            "Tiêu ngữ viết hoa chữ đầu mỗi cụm."
            if case_only
            else "Giữa các cụm từ của Tiêu ngữ là gạch nối (-) có cách chữ hai bên.",
        )
    ]


def check_rules_under(ctx: Context) -> list[Finding]:
    fmt, out = ctx.fmt, []
    for element, kind in (
        (Element.NATIONAL_TITLE, fmt.under_national_title),
        (Element.MOTTO, fmt.under_motto),
        (Element.ISSUER, fmt.under_issuer),
        (Element.SUBJECT, fmt.under_subject),
    ):
        paragraphs = ctx.located.at.get(element)
        if paragraphs:
            out.extend(details.rule_findings(ctx, element, kind, paragraphs))
    return out


# -- Số and date ----------------------------------------------------------------------------
def check_number(ctx: Context) -> list[Finding]:
    p = ctx.located.one(Element.NUMBER)
    return [] if p is None else details.number_findings(ctx, p)


def check_date(ctx: Context) -> list[Finding]:
    p = ctx.located.one(Element.PLACE_DATE)
    return [] if p is None else details.date_findings(ctx, p)
