"""Text layers that lost letters: a PDF font that maps Vietnamese letters to nothing turns "Phú
Thọ" into "Ph Th". The letters are gone, not only their marks, so nothing may be restored; the
clerk is told which words are broken.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = set("aeiouyAEIOUY")
MIN_BROKEN = 5  # a few vowelless words ("km") are normal; a lost-letter layer has dozens
MIN_SHARE = 0.03


def broken_words(text: str) -> list[str]:
    """Words with no vowel left, when there are enough of them to mean a damaged text layer.

    Abbreviations are capitals ("UBND", "VT") and are not counted; English-model OCR keeps
    look-alike letters ("é", "¢") in place of the lost ones, so text that still has non-ASCII
    letters is damaged differently (restore.py handles it).
    """
    words = _WORD.findall(text)
    if not words or any(not w.isascii() for w in words):
        return []
    broken = [w for w in words if not w.isupper() and not _VOWELS.intersection(w)]
    if len(broken) < MIN_BROKEN or len(broken) < MIN_SHARE * len(words):
        return []
    return list(dict.fromkeys(broken))
