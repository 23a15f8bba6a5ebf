"""Tidying Vietnamese-model OCR output before it is parsed.

Tesseract's Vietnamese model reads body text well but leaves three kinds of damage in a letterhead:
specks of the rules under the header become leading junk (": ‹ - - Hậu Giang, ngày …"); the
motto wrapped in its column ends up as "VIỆT" on one line and "; Ạ NAM" a few lines down; and
capitals lose or change their marks ("TĨNH HẠU GIANG", "PHONG VAN HOA"). The first two are cut
here, with Roman numerals read as letters ("il. MỤC ĐÍCH"); capitals are corrected by the
restoration model (``restore.correct_capitals``).
"""

from __future__ import annotations

import re

from assistant.importer.vitext import is_upper_text

_ITEM_MARKS = {"-", "–", "+", "•", "*"}


def tidy(text: str) -> str:
    lines = [_roman_heading(_strip_leading_junk(line)) for line in text.split("\n")]
    return "\n".join(_join_motto(lines))


_ROMAN_MISREAD = re.compile(r"^([IlL|i1][IlL|i1]{0,3})([.)]?\s+)(?=\S)")


def _roman_heading(line: str) -> str:
    """ "IL. MỤC ĐÍCH", "il. NỘI DUNG": a Roman numeral whose strokes OCR read as i, l, L, 1 or |."""
    match = _ROMAN_MISREAD.match(line)
    if not match or match[1].isdigit() or not is_upper_text(line[match.end() :]):
        return line
    return "I" * len(match[1]) + match[2] + line[match.end() :]


def _is_junk(token: str) -> bool:
    """A token of no letter or digit, or a lone letter (a speck read as "Ạ" or "ñ")."""
    return not any(c.isalnum() for c in token) or (len(token) == 1 and token.isalpha())


def _strip_leading_junk(line: str) -> str:
    """ "‹ - - : Hậu Giang" → "Hậu Giang"; an item's one dash ("- Như trên") stays."""
    tokens = line.split()
    run = 0
    while run < len(tokens) - 1 and _is_junk(tokens[run]):
        run += 1
    symbols = [t for t in tokens[:run] if not t.isalpha()]
    if not symbols or (run == 1 and tokens[0] in _ITEM_MARKS):
        return line
    return " ".join(tokens[run:])


def _join_motto(lines: list[str]) -> list[str]:
    """ "… CHỦ NGHĨA VIỆT" + later "32 vyY , đ NAM" → the motto whole, the junk line gone."""
    out: list[str] = []
    for line in lines:
        words = line.split()
        last = next((i for i in range(len(out) - 1, -1, -1) if out[i].strip()), None)
        rest = " ".join(words[:-1])
        if (
            words
            and words[-1] == "NAM"
            and last is not None
            and out[last].rstrip().endswith("VIỆT")
            and not is_upper_text(rest)
        ):
            out[last] = out[last].rstrip() + " NAM"
            continue
        out.append(line)
    return out
