"""The issuing body and its parent from the left header column (directive-layouts.md §1).

A header prints one or two bodies, each possibly wrapped over two lines ("ỦY BAN NHÂN DÂN" /
"TỈNH HÀ NAM"; "SỞ VĂN HÓA, THỂ THAO" / "VÀ DU LỊCH"). Position says nothing about where a name
ends, so lines are joined by meaning: a line that starts with a body's head word ("SỞ", "BAN",
"HUYỆN ỦY" …) starts a new name, any other line continues the name above it.
"""

from __future__ import annotations

import re

from assistant.importer.vitext import agency_case, fold, squash

# Head words a body's own name begins with (folded). "tinh"/"huyen" alone are not heads: "TỈNH
# HÀ NAM" under "ỦY BAN NHÂN DÂN" continues that name; "TỈNH ỦY HÀ NAM" starts one.
_HEAD = re.compile(
    r"^(uy ban|ubnd|hoi dong|hdnd|so|bo|ban|phong|trung tam|cuc|chi cuc|tong cuc|vu|vien|"
    r"van phong|thanh tra|(tinh|huyen|thanh|quan|thi|xa|phuong) uy|dang uy|dang bo|dang doan|"
    r"chi bo|hoi|dai|bao|tap chi|cong an|bo chi huy|mat tran|doan|truong)\b"
)
# Bodies whose name after the head word is a field of work, capitalised per component
# ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Văn hóa và Thông tin").
_FIELD_HEAD = re.compile(r"^(so|bo|phong|trung tam|cuc|chi cuc|tong cuc|vu|vien) ")
_COMPONENT = re.compile(r", | va | - | – ")
# An administrative unit or a Party committee: the words after it are a proper name.
_UNIT = re.compile(
    r"(?<![a-z])(?:(?:tinh|huyen|thanh|quan|thi|xa|phuong) uy|dang bo(?: tinh| huyen| thanh pho)?"
    r"|tinh|huyen|quan|thanh pho|thi xa|thi tran|xa|phuong)(?! uy)(?= \S)"
)


def split_bodies(lines: list[str]) -> list[str]:
    """Header capitals → one string per body, wrapped lines joined."""
    bodies: list[str] = []
    for line in (squash(raw) for raw in lines):
        if not line:
            continue
        continues = bodies and (
            not _HEAD.match(fold(line))
            or bodies[-1].endswith(",")
            or fold(bodies[-1]).endswith(" va")
        )
        if continues:
            bodies[-1] = f"{bodies[-1]} {line}"
        else:
            bodies.append(line)
    return bodies


def issuer_of(lines: list[str], places: frozenset[str]) -> tuple[str, str, float]:
    """(issuer, parent, confidence): the last body issues, the one above it is its parent.

    The confidence is high only when every name begins with a known head word; a name that does
    not ("BAN" lost to a stamp, OCR debris) is a guess.
    """
    bodies = split_bodies(lines)
    if not bodies:
        return "", "", 0.0
    clear = all(_HEAD.match(fold(b)) for b in bodies) and len(bodies) <= 2
    issuer = name_case(bodies[-1], places)
    parent = name_case(bodies[-2], places) if len(bodies) > 1 else ""
    if _BARE.match(fold(issuer)):  # a portal dropped the "TỈNH …" line: which one is a guess
        return issuer, parent, BARE_CONFIDENCE
    return issuer, parent, 0.9 if clear else 0.6


# "ỦY BAN NHÂN DÂN" with no unit under it names no particular body.
_BARE = re.compile(r"^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$")
BARE_CONFIDENCE = 0.5


def name_case(upper: str, places: frozenset[str]) -> str:
    """ "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch"."""
    name = agency_case(upper, places)
    folded = fold(name)
    chars = list(name)
    unit = _UNIT.search(folded)
    end = unit.start() if unit else len(name)
    head = _FIELD_HEAD.match(folded)
    if head:
        starts = [head.end()] + [m.end() for m in _COMPONENT.finditer(folded, head.end(), end)]
        for pos in starts:
            chars[pos] = chars[pos].upper()
    if unit:
        rest = name[unit.end() :]
        if re.match(r"\s*\d", rest):  # "Quận 3": a numbered unit's name includes the unit word
            chars[unit.start()] = chars[unit.start()].upper()
        for word in re.finditer(r"\S+", rest):
            chars[unit.end() + word.start()] = chars[unit.end() + word.start()].upper()
    return "".join(chars)
