"""Checks of the whole document: page set-up, fonts, page number, layout tables, leftovers."""

from __future__ import annotations

import re

from assistant.check.context import Context, visible
from assistant.check.docx_model import Paragraph, Section
from assistant.check.findings import (
    DOCUMENT,
    ERROR,
    MARGIN,
    PAGE,
    TABLE,
    WARNING,
    Finding,
    num,
    span,
)
from assistant.core.formats import Element, Range

TEMPLATE_SYNTAX = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
MARGINS = (("top", "lề trên"), ("bottom", "lề dưới"), ("left", "lề trái"), ("right", "lề phải"))


def check_page(ctx: Context) -> list[Finding]:
    fmt, out = ctx.fmt, []
    width = Range(fmt.page_width_mm, fmt.page_width_mm, fmt.page_width_mm)
    height = Range(fmt.page_height_mm, fmt.page_height_mm, fmt.page_height_mm)
    for s in ctx.model.sections:
        where = f"phần {s.index} (bố cục trang)"
        w, h = s.page_width_mm, s.page_height_mm
        if w is not None and h is not None and not (w in width and h in height):
            landscape = w in height and h in width
            out.append(
                ctx.finding(
                    "page.orientation" if landscape else "page.size",
                    PAGE,
                    where,
                    f"{num(w, 1)} × {num(h, 1)} mm",
                    f"A4 đứng {num(fmt.page_width_mm)} × {num(fmt.page_height_mm)} mm",
                    "Trang đang để khổ ngang; chỉ dùng khổ ngang cho bảng biểu."
                    if landscape
                    else "Khổ giấy không phải A4: chọn Bố trí › Kích cỡ › A4.",
                    WARNING if landscape else ERROR,
                )
            )
        for side, name in MARGINS:
            value, allowed = s.margins_mm[side], getattr(fmt, f"margin_{side}_mm")
            if value is not None and value not in allowed:
                out.append(
                    ctx.finding(
                        f"margin.{side}",
                        MARGIN,
                        where,
                        f"{name} {num(value, 1)} mm",
                        f"{name} {span(allowed)} mm",
                        f"Đặt {name} trong khoảng {span(allowed)} mm (Bố trí › Lề › Lề tùy chỉnh).",
                    )
                )
    return out


# -- fonts ----------------------------------------------------------------------------------
def font_problem(run, font: str) -> tuple[str, str] | None:
    for slot in run.fonts:
        if slot.theme:
            return "font.theme", f"phông theo chủ đề ({slot.theme})"
        if slot.name is None:
            return "font.unset", "không đặt phông"
        if slot.name.strip().casefold() != font.casefold():
            return "font.name", slot.name
    return None


def check_fonts(ctx: Context) -> list[Finding]:
    font, elements = ctx.fmt.font, ctx.element_of()
    groups: dict[tuple[str, str], tuple[list[Paragraph], set[str], list[int]]] = {}
    for p in ctx.all_paragraphs():
        for run in visible(p):
            problem = font_problem(run, font)
            if problem is None:
                continue
            element = elements.get(id(p), DOCUMENT)
            paragraphs, found, runs = groups.setdefault((problem[0], element), ([], set(), [0]))
            if not paragraphs or paragraphs[-1] is not p:
                paragraphs.append(p)
            found.add(problem[1])
            runs[0] += 1
    out = []
    for (finding_id, element), (paragraphs, found, runs) in groups.items():
        unset = finding_id == "font.unset"
        out.append(
            ctx.finding(
                finding_id,
                element,
                paragraphs,
                f"{', '.join(sorted(found))} ({runs[0]} đoạn chữ)",
                f"phông {font}",
                f"Chọn phông {font} cho toàn bộ chữ"
                + (" (Word có thể hiển thị phông khác)." if unset else "."),
                WARNING if unset else ERROR,
            )
        )
    return out


def check_page_number(ctx: Context) -> list[Finding]:
    if not ctx.model.sections:
        return []
    return _page_number_findings(ctx, ctx.model.sections[0])


def check_tables(ctx: Context) -> list[Finding]:
    out = []
    for index, finding_id in (
        (ctx.located.header_table, "header.table_borders"),
        (ctx.located.signature_table, "signature.table_borders"),
    ):
        if index is None or not ctx.model.tables[index].visible_borders:
            continue
        name = ctx.places.table(index)
        out.append(
            ctx.finding(
                finding_id,
                TABLE,
                name,
                f"có đường kẻ ({', '.join(ctx.model.tables[index].visible_borders)})",
                "bảng bố cục không có đường kẻ",
                f"Bỏ đường kẻ của {name} (Borders › No Border).",
            )
        )
    return out


def check_template(ctx: Context) -> list[Finding]:
    bad = [p for p in ctx.all_paragraphs() if TEMPLATE_SYNTAX.search(p.text)]
    if not bad:
        return []
    found = "; ".join(sorted({m for p in bad for m in TEMPLATE_SYNTAX.findall(p.text)}))
    return [
        ctx.finding(
            "template.leftover",
            DOCUMENT,
            bad,
            found[:200],
            "không còn mã mẫu {{ … }} hoặc {% … %}",
            "Văn bản còn sót mã của mẫu soạn thảo; thay bằng nội dung thật.",
        )
    ]


# -- page number details ----------------------------------------------------------------------
def _page_number_findings(ctx: Context, section: Section) -> list[Finding]:
    """Where the page number is; its size and style are checked with the other elements'."""
    header = section.headers.get("default")
    if header is None or not header.has_page_field:
        in_footer = any(f.has_page_field for f in section.footers.values())
        return [
            _page(
                ctx,
                "page_number.position" if in_footer else "page_number.missing",
                "ở chân trang" if in_footer else "không có",
                "số trang ở giữa, phía trên đầu trang",
            )
        ]
    first = section.headers.get("first")
    shown_on_first = not section.title_page or (first is not None and first.has_page_field)
    if not shown_on_first or ctx.fmt.page_number_on_first_page:
        return []
    return [_page(ctx, "page_number.first_page", "có số trang ở trang 1", "không đánh số trang 1")]


_PAGE_MESSAGES = {
    "page_number.missing": "Chưa đánh số trang: Chèn › Số trang › Đầu trang, căn giữa.",
    "page_number.position": "Số trang phải ở đầu trang (lề trên), không ở chân trang.",
    "page_number.first_page": "Không hiện số trang ở trang đầu: nhấp đúp vào đầu trang, chọn «Trang đầu khác».",
}


def _page(ctx: Context, finding_id: str, found: str, expected: str, severity=ERROR) -> Finding:
    return ctx.finding(
        finding_id,
        Element.PAGE_NUMBER,
        "đầu trang (phần 1)",
        found,
        expected,
        _PAGE_MESSAGES[finding_id],
        severity,
    )
