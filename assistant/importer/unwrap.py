"""Header lines a web portal or a narrow table cell broke inside a word group, put back together.

Legal-text portals print each header cell at a fixed width, so a fixed phrase or a place name
breaks anywhere: "ỦY" / "BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", "Số:" /
"33/2009/QĐ-UBND", "Bà Rịa - Vũng" / "Tàu, ngày 08 tháng 01 năm 2023". Page sources copied as
JSON keep "\\r\\n" as literal characters. Only the header is touched: a body line break means
nothing to the fields read from it.
"""

from __future__ import annotations

import re

from assistant.importer.vitext import fold, is_upper_text

# Fixed phrases of a letterhead (folded); a line holding only their first words was wrapped.
_PHRASES = (
    "uy ban nhan dan",
    "hoi dong nhan dan",
    "cong hoa xa hoi chu nghia viet nam",
    "dang cong san viet nam",
    "doc lap - tu do - hanh phuc",
)
_NUMBER_ALONE = re.compile(r"^\s*s\S{1,2}\s*:?\s*$")  # "Số:" with its number on the next line
# "Tàu, ngày …": a place-date line whose first word is the end of a wrapped place name.
_PLACE_TAIL = re.compile(r"^\s*[A-ZĐ]\S*\s*,\s*ng\S{1,2}\b")
_ESCAPED_BREAK = re.compile(r"(?:\\r)?\\n")
HEADER_LINES = 45  # letterhead, number, place-date and a portal's site lines fit in this


def unescape_breaks(text: str) -> str:
    """Literal "\\r\\n" of a copied page source → line breaks, when the text is full of them."""
    if len(_ESCAPED_BREAK.findall(text)) < 3:
        return text
    return _ESCAPED_BREAK.sub("\n", text)


def unwrap_header(lines: list[str]) -> list[str]:
    """``lines`` with the broken letterhead phrases, "Số:" lines and place names joined again."""
    head, body = list(lines[:HEADER_LINES]), lines[HEADER_LINES:]
    out: list[str] = []
    last = -1  # the last line with text: a .docx puts a blank line between paragraphs
    for line in head:
        if last >= 0 and line.strip() and _joins(out[last], line):
            out[last:] = [f"{out[last].rstrip()} {line.strip()}"]
            continue
        out.append(line)
        if line.strip():
            last = len(out) - 1
    return out + body


def _joins(prev: str, line: str) -> bool:
    folded_prev = " ".join(fold(prev).split())
    if _NUMBER_ALONE.match(folded_prev):
        return bool(re.match(r"\s*\d+\s*[/-]", line))
    if is_upper_text(prev) and is_upper_text(line):
        joined = " ".join(fold(f"{prev} {line}").split())
        return any(_wrapped(folded_prev, joined, phrase) for phrase in _PHRASES)
    return bool(_PLACE_TAIL.match(line)) and _place_head(prev)


def _wrapped(prev: str, joined: str, phrase: str) -> bool:
    """``prev`` is the phrase cut short and the next line carries it on."""
    if len(prev) >= len(phrase) or not phrase.startswith(prev + " "):
        return False
    return joined.startswith(phrase) or phrase.startswith(joined)


def _place_head(prev: str) -> bool:
    """ "Bà Rịa - Vũng", "Mỹ": one to three title-case words, no digits, not capitals."""
    words = [w for w in prev.split() if w not in ("-", "–")]
    if not 1 <= len(words) <= 3 or any(c.isdigit() for c in prev) or is_upper_text(prev):
        return False
    return all(w[:1].isupper() for w in words) and not prev.rstrip().endswith((".", ":", ";"))
