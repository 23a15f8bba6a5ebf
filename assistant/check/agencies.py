"""Which system an agency belongs to, read from its name: a Party body or a state body.

The format follows the issuer (spec/formatting.md §1), so a name in the header tells which title
the document must carry. The names are data: a pattern, and the system it marks. Many names are
unknown here (mass organisations, the Đoàn, the Công đoàn, newspapers); unknown means no verdict.
"""

from __future__ import annotations

import re
import unicodedata

PARTY = "party"
STATE = "state"

# A cấp ủy: "HUYỆN ỦY ĐỊNH HÓA", and inside its organs' names: "BAN TỔ CHỨC TỈNH ỦY",
# "VĂN PHÒNG HUYỆN ỦY". "(?! BAN)" keeps "… HUYỆN ỦY BAN …" from reading as a cấp ủy.
_COMMITTEE = r"\b(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG) ỦY\b(?! BAN)"

# (pattern, system). Patterns anchored with "^" are generic words that name a state body only
# when the name opens with them ("SỞ …", but not "ĐẢNG ỦY SỞ …"); the others may stand anywhere.
# The match that starts first wins, the longer one on a tie ("BỘ CHÍNH TRỊ" over "BỘ"), and a
# pattern with no system makes the name ambiguous, so the parent line decides.
NAME_PATTERNS: tuple[tuple[str, str | None], ...] = (
    (_COMMITTEE, PARTY),
    (r"\b(?:ĐẢNG|CHI) BỘ\b", PARTY),
    (r"\bĐẢNG ĐOÀN\b", PARTY),
    (r"^BAN CÁN SỰ ĐẢNG\b", PARTY),
    (r"^BAN (?:TUYÊN GIÁO|DÂN VẬN)\b", PARTY),
    # the Công đoàn and the mass organisations have their own Ủy ban kiểm tra
    (r"^ỦY BAN KIỂM TRA\b(?! (?:CÔNG ĐOÀN|LIÊN ĐOÀN|LĐLĐ|HỘI|ĐOÀN)\b)", PARTY),
    (r"^BỘ CHÍNH TRỊ\b", PARTY),
    # the Đoàn's central committee is "BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN …"
    (r"^BAN CHẤP HÀNH TRUNG ƯƠNG(?: ĐẢNG\b.*)?$", PARTY),
    (r"^VĂN PHÒNG TRUNG ƯƠNG ĐẢNG\b", PARTY),
    (r"ỦY BAN NHÂN DÂN|\bUBND\b", STATE),
    (r"HỘI ĐỒNG NHÂN DÂN|\bHĐND\b", STATE),
    (r"\bCHÍNH PHỦ\b", STATE),
    (
        r"^(?:BỘ|SỞ|PHÒNG|CỤC|TỔNG CỤC|CHI CỤC|TRUNG TÂM|TRƯỜNG|BỆNH VIỆN|ĐÀI|VIỆN"
        r"|BAN QUẢN LÝ|THANH TRA|KHO BẠC|TÒA ÁN|CÔNG AN)\b",
        STATE,
    ),
    # schools and centres of political training sit between the cấp ủy and the chính quyền
    # (spec §1 [verify]): their parent line decides
    (r"^(?:TRUNG TÂM (?:BỒI DƯỠNG )?CHÍNH TRỊ|TRƯỜNG CHÍNH TRỊ)\b", None),
    # "BÁO …" is absent on purpose: a provincial Party newspaper is a Party body (spec §1), a
    # ministry's newspaper a state one, so its parent line decides.
)
_COMPILED = tuple((re.compile(pattern), system) for pattern, system in NAME_PATTERNS)

# Older typing puts the tone mark on the other vowel ("HUYỆN UỶ", HD36's own example); the
# patterns are written in the NĐ30 spelling.
_OLD_TONES = {"UỶ": "ỦY", "UÝ": "ÚY", "UỲ": "ÙY", "UỸ": "ŨY", "UỴ": "ỤY"}


def normalise(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name).upper().split())
    for old, new in _OLD_TONES.items():
        text = text.replace(old, new)
    return text


def system_of(name: str) -> str | None:
    """PARTY, STATE, or None when the name does not tell."""
    text = normalise(name)
    found = [
        (match.start(), -len(match.group()), index, system)
        for index, (pattern, system) in enumerate(_COMPILED)
        if (match := pattern.search(text))
    ]
    return min(found)[3] if found else None


def decide(issuer: str, parent: str) -> tuple[str, str] | None:
    """(system, the name that told it): the issuer decides; its parent only when it cannot."""
    for name in (issuer, parent):
        system = system_of(name) if name else None
        if system is not None:
            return system, name
    return None
