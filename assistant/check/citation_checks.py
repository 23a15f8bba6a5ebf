"""Citations left with a blank: "Công văn số …-CV/TU", "ngày …/…/2024".

A cited document is identified by its number, symbol, date and issuer (NĐ30 Phụ lục I, II.6b);
dots where one of them belongs leave the reader unable to find it. Only the report's own text is
read (trích yếu, Kính gửi, body): the header's blank "Số:    /BC-…" is the unissued number.
"""

from __future__ import annotations

import re

from assistant.check.context import Context
from assistant.check.docx_model import Paragraph
from assistant.check.elements import BODY_ELEMENTS, squeeze
from assistant.check.findings import MAX_PLACES, Finding
from assistant.core.formats import Element

CITATION_SOURCE = "NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.6b"
_BLANK = r"(?:…|\.{2,})"
# Each pattern is a blank where a citation's number or date belongs. "ngày …" must be followed
# by something of a date, and not be "hằng ngày…", which ends many an ordinary list.
_EVERY_DAY = "(?<!hằng )(?<!hàng )(?<!mỗi )"
PLACEHOLDERS = re.compile(
    "|".join(
        (
            rf"(?i:\bsố)\s*:?\s*{_BLANK}",  # "số …", "số: ...", "số…-CV/TU"
            r"(?i:\bsố)\s+[-/][A-ZĐ]",  # "số -CV/TU", "số /BC-UBND": the number left out
            rf"{_BLANK}[-/][A-ZĐ]{{2,}}",  # "…-CV/TU", "…/KH-UBND": a symbol without its number
            # "ngày … tháng", "ngày …/4/2024", "ngày … của"
            rf"{_EVERY_DAY}(?i:\bngày)\s*{_BLANK}\s*(?:tháng|/|\d|của\b|,)",
        )
    )
)
CHECKED = (Element.SUBJECT, Element.KINH_GUI, *BODY_ELEMENTS)
START = 40  # characters of a paragraph's opening that name it in a finding


def _start(text: str) -> str:
    return text if len(text) <= START else text[:START].rsplit(" ", 1)[0] + "…"


def check_citation_placeholders(ctx: Context) -> list[Finding]:
    position = ctx.order()
    lines = [p for e in CHECKED for p in ctx.located.at.get(e, [])]
    bad: list[tuple[Paragraph, str]] = []
    for p in sorted(lines, key=lambda q: (position.get(id(q.xml), 0), q.line_of)):
        text = squeeze(p.text)
        if match := PLACEHOLDERS.search(text):
            bad.append((p, f"«{_start(text)}» (chỗ trống «{match.group().strip()}»)"))
    if not bad:
        return []
    return [
        ctx.finding(
            "citation.placeholder",
            Element.BODY,
            [p for p, _ in bad],
            "; ".join(found for _, found in bad[:MAX_PLACES])[:300],
            "văn bản được viện dẫn ghi đủ tên loại, số, ký hiệu, ngày tháng năm, "
            "cơ quan ban hành và trích yếu",
            "Văn bản được trích dẫn phải ghi đúng số, ký hiệu, ngày ban hành và cơ quan ban hành "
            "thật; không để dấu «…» thay cho số hoặc ngày.",
            rule_source=CITATION_SOURCE,
        )
    ]
