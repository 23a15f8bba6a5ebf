"""Place names looked up, not guessed: the header of a copy that lost its marks.

"PHUONG PHAN DINH PHUNG" restored by the syllable model gives "phường Phần Định Phụng": the
model knows common words, not the 2,860 ward names (counting them into it costs 0.5–1 point of
accuracy on running text). The place, and the unit name after "phường", "huyện", "Tỉnh ủy" … in
the issuer, are looked up instead in the gazetteers of ``resources/restore`` (provinces,
districts, wards) by their skeleton; a skeleton that two names share is left as restored.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.importer.vitext import fold
from assistant.paths import RESOURCES

FILES = ("places.txt", "districts.txt", "wards.txt")


@cache
def names() -> dict[str, str]:
    """Folded name → its spelling, for names of two words or more that no other name shares."""
    spellings: dict[str, set[str]] = {}
    for file in FILES:
        for line in (RESOURCES / "restore" / file).read_text(encoding="utf-8").splitlines():
            name = line.strip()
            if name and name[0] != "#" and len(name.split()) > 1:
                spellings.setdefault(fold(name), set()).add(name)
    return {key: next(iter(found)) for key, found in spellings.items() if len(found) == 1}


# The unit word before a place name: "Ủy ban nhân dân phường …", "Huyện ủy …", "Đảng bộ tỉnh …".
_UNIT = re.compile(r"\b(?:tinh|huyen|quan|thi xa|thanh pho|phuong|xa|thi tran|uy)\s+(?=\S)")


def spell_places(text: str) -> str:
    """``text`` with the place it names spelled as the gazetteer does: the whole text ("Phan
    Đình Phùng"), or what follows its unit word ("Huyện ủy Kim Bảng"); else ``text`` unchanged."""
    known = names()
    whole = known.get(fold(text.strip()))
    if whole:
        return whole
    folded = fold(text)  # as long as ``text``: offsets carry over
    for unit in _UNIT.finditer(folded):
        proper = known.get(folded[unit.end() :].strip())
        if proper:
            return text[: unit.end()] + proper
    return text
