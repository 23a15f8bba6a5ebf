"""The checks that depend on the kind of document: which elements it must show, the lines its
body must hold, its ký hiệu in the Số, its "Kính gửi" (the kinds are data: core/doc_kinds.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.check import details
from assistant.check.context import Context
from assistant.check.elements import BODY_ELEMENTS, squeeze
from assistant.check.findings import DOCUMENT, WARNING, Finding, element_label
from assistant.core.doc_kinds import DocKind, KinhGui, common_elements, subject_rule
from assistant.core.formats import Element, FormatProfile, RuleKind

NOT_ADMINISTRATIVE = "document.not_administrative"


def kind_profile(fmt: FormatProfile, kind: DocKind | None) -> FormatProfile:
    """The profile with this kind's own rules: a công văn's trích yếu stands under its Số in
    smaller type, with no line under it."""
    if kind is None or not kind.subject_under_number:
        return fmt
    text = {**fmt.text, Element.SUBJECT: subject_rule(kind, fmt)}
    return replace(fmt, text=text, under_subject=RuleKind.NONE)


def not_administrative(ctx: Context) -> Finding:
    return ctx.finding(
        NOT_ADMINISTRATIVE,
        DOCUMENT,
        "toàn văn bản",
        "không có số, ký hiệu «Số: …» ở phần đầu và không có «Nơi nhận»",
        "văn bản hành chính có tên cơ quan ban hành, số và ký hiệu, nơi nhận",
        "Tệp này không phải văn bản hành chính (có thể là đơn, tờ khai, hợp đồng, tài liệu "
        "hướng dẫn); không kiểm tra thể thức.",
        WARNING,
    )


def check_kind(ctx: Context) -> list[Finding]:
    located = ctx.located
    if located.kind is not None:
        return []
    seen = located.kind_line[:60] or "không có"
    return [
        ctx.finding(
            "kind.unknown",
            Element.DOC_TYPE,
            "sau phần đầu văn bản",
            seen,
            "tên loại văn bản (QUYẾT ĐỊNH, KẾ HOẠCH, BÁO CÁO…) hoặc trích yếu «V/v …» dưới số "
            "của công văn",
            "Không nhận ra loại văn bản; chỉ kiểm tra các thành phần chung.",
            WARNING,
        )
    ]


def check_presence(ctx: Context) -> list[Finding]:
    fmt, kind = ctx.fmt, ctx.located.kind
    required = list(kind.elements(fmt) if kind else common_elements(fmt))
    if ctx.located.signature_table is not None:
        required.append(Element.SIGNER_NAME)
    return [
        ctx.finding(
            "element.missing",
            element,
            "toàn văn bản",
            "không tìm thấy",
            _what(kind, element),
            f"Không tìm thấy «{element_label(element, fmt)}» trong văn bản.",
            rule_source=kind.template if kind else "",
        )
        for element in required
        if element not in ctx.located.at
    ]


def _what(kind: DocKind | None, element: Element) -> str:
    if kind is None:
        return "thành phần bắt buộc"
    if element is Element.SUBJECT and kind.subject_under_number:
        return f"{kind.name.lower()} có trích yếu «V/v …» dưới số, ký hiệu"
    return f"thành phần bắt buộc của {kind.name.lower()}"


def check_body_marks(ctx: Context) -> list[Finding]:
    """A Quyết định's "Căn cứ", "QUYẾT ĐỊNH:" and "Điều 1." (Mẫu 1.2–1.3)."""
    kind = ctx.located.kind
    if kind is None or not kind.body_marks or Element.DOC_TYPE not in ctx.located.at:
        return []
    lines = [squeeze(p.text) for e in BODY_ELEMENTS for p in ctx.located.at.get(e, [])]
    if any("{{" in line for line in lines):  # a template: its body is still to be written
        return []
    return [
        ctx.finding(
            "kind.body_part_missing",
            Element.BODY,
            "nội dung",
            "không có",
            mark.label,
            f"{kind.name} phải có {mark.label}.",
            rule_source=kind.template,
        )
        for mark in kind.body_marks
        if not any(re.match(mark.pattern, line) for line in lines)
    ]


def check_number_symbol(ctx: Context) -> list[Finding]:
    """The ký hiệu of the kind in the Số: "Số: 12/KH-UBND" on a Kế hoạch."""
    kind, p = ctx.located.kind, ctx.located.one(Element.NUMBER)
    if kind is None or p is None or not kind.symbol or kind.subject_under_number:
        return []
    match = details.number_match(ctx.fmt, p)
    if match is None or not match["type"] or match["type"] == kind.symbol:
        return []
    return [
        ctx.finding(
            "number.kind_symbol",
            Element.NUMBER,
            [p],
            squeeze(p.text),
            f"ký hiệu «{kind.symbol}» của {kind.name.lower()}",
            f"Ký hiệu trong số của {kind.name.lower()} là «{kind.symbol}».",
            WARNING,
            rule_source=kind.template,
        )
    ]


def check_kinh_gui(ctx: Context) -> list[Finding]:
    kind, present = ctx.located.kind, Element.KINH_GUI in ctx.located.at
    if kind is None:
        return []
    if kind.kinh_gui is KinhGui.EXPECTED and not present:
        return [
            ctx.finding(
                "kinh_gui.missing",
                Element.KINH_GUI,
                "sau trích yếu",
                "không có",
                f"«Kính gửi:» ({kind.name.lower()} gửi cơ quan nhận)",
                f"{kind.name} gửi cơ quan cấp trên hoặc cơ quan nhận cần dòng «Kính gửi:».",
                WARNING,
            )
        ]
    if kind.kinh_gui is KinhGui.NOT_USED and present:
        return [
            ctx.finding(
                "kinh_gui.unexpected",
                Element.KINH_GUI,
                ctx.located.at[Element.KINH_GUI][:1],
                "có dòng Kính gửi",
                f"{kind.name.lower()} không có «Kính gửi»; nơi nhận ghi ở mục Nơi nhận",
                f"{kind.name} của Đảng không dùng «Kính gửi»; ghi cơ quan nhận ở «Nơi nhận».",
                WARNING,
            )
        ]
    return []
