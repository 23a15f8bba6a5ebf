"""Small text tools for parsing: a length-keeping fold, casing of agency names, paragraphs.

The parser matches keywords on ``fold(line)`` (ASCII, lower case, same length as ``line``) and
cuts values out of the original line at the same offsets, so one regex works for clean text,
NFD-damaged text and restored OCR text alike.
"""

from __future__ import annotations

import re
import unicodedata

# A list item: "1." / "2)" numbered, or a dash bullet ("-Cử cán bộ": typists drop the space).
ITEM = re.compile(r"^(?:(?P<num>\d{1,2})\s*[.)/]|(?P<dash>[-–•+]))(?:\s+|(?=[^\W\d_]))")
# A heading that stands alone: "II. NỘI DUNG", "KẾ HOẠCH", "Điều 2."
HEADING = re.compile(r"^([IVX]{1,5}\s*[.)/-]\s|Điều \d+\.)")
TRAIL = " ;,.:_"  # punctuation that ends list items and is not part of their text

# Letters English-model OCR puts where Vietnamese letters were: fold them like the letter meant.
_OCR_FOLD = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch.translate(_OCR_FOLD))[:1] or ch
    return base.lower() if len(base.lower()) == 1 else base


def fold(text: str) -> str:
    """ASCII lower-case skeleton of ``text`` with exactly one output character per input one."""
    return "".join(fold_char(ch) for ch in text)


def is_upper_text(text: str) -> bool:
    """True for "TỈNH ỦY THÁI NGUYÊN" or "UBND TỈNH"; symbols and digits do not count."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def squash(text: str) -> str:
    """Collapse runs of white space to one space and trim."""
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str, sep: str = "-") -> str:
    """ "3270 CV/BTGTU 2024" → "3270-cv-btgtu-2024"; ASCII lower case, digits and ``sep``."""
    ascii_text = "".join(c for c in fold(text) if c.isascii())
    return re.sub(r"[^a-z0-9]+", sep, ascii_text).strip(sep)


# Common nouns of agency names that stay lower case after the first word ("Ban Tuyên giáo Tỉnh ủy"
# keeps "Tỉnh ủy" capitalised because it names a specific body; "các huyện" does not).
_AGENCY_CASING = {
    "tinh uy": "Tỉnh ủy",
    "huyen uy": "Huyện ủy",
    "thanh uy": "Thành ủy",
    "ban tuyen giao": "Ban Tuyên giáo",
    "ban dan van": "Ban Dân vận",
    "ban to chuc": "Ban Tổ chức",
    "ban thuong vu": "Ban Thường vụ",
    "so thong tin va truyen thong": "Sở Thông tin và Truyền thông",
    "so van hoa, the thao va du lich": "Sở Văn hóa, Thể thao và Du lịch",
    "so van hoa the thao va du lich": "Sở Văn hóa, Thể thao và Du lịch",
    "uy ban nhan dan": "Ủy ban nhân dân",
    "dang uy": "Đảng ủy",
    "van phong": "Văn phòng",
    "trung uong": "Trung ương",
}
_ADMIN_UNITS = {"tinh": "tỉnh", "huyen": "huyện", "thanh pho": "thành phố", "xa": "xã"}


def agency_case(upper: str, places: set[str] = frozenset()) -> str:
    """Header capitals to running-text casing: "TỈNH ỦY THÁI NGUYÊN" → "Tỉnh ủy Thái Nguyên".

    Known agency names come from a table; the rest is lower case with the first word capitalised
    and the words of a known place name (``places``, folded) capitalised.
    """
    # Header capitals abbreviate "UBND"; running text writes it out. Expanding first keeps every
    # later replacement the same length as what it replaces, so offsets stay valid.
    text = re.sub(r"\bUBND\b", "ỦY BAN NHÂN DÂN", squash(upper))
    folded = fold(text)
    out = text.lower()
    out = out[:1].upper() + out[1:]
    for key, proper in _AGENCY_CASING.items():
        for m in re.finditer(rf"(?<![a-z]){re.escape(key)}(?![a-z])", folded):
            out = out[: m.start()] + proper + out[m.end() :]
    for place in sorted(places, key=len, reverse=True):
        for m in re.finditer(rf"(?<![a-z]){re.escape(place)}(?![a-z])", folded):
            out = out[: m.start()] + text[m.start() : m.end()].title() + out[m.end() :]
    for key, unit in _ADMIN_UNITS.items():
        for m in re.finditer(rf"(?<=[a-z] ){re.escape(key)}(?= [a-z])", folded):
            out = out[: m.start()] + unit + out[m.end() :]
    return out


def paragraphs(lines: list[str], starts_item: re.Pattern[str]) -> list[str]:
    """Join wrapped lines into paragraphs.

    A paragraph ends at a blank line, before a list item, or where a line ends a sentence and the
    next starts with a capital (OCR wraps lines without blank lines between paragraphs).
    """
    result: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        ends_sentence = bool(current) and (current[-1][-1:] in ".:;!?" or _heading(current[-1]))
        new = not stripped or starts_item.match(stripped) or _heading(stripped)
        if new or (ends_sentence and stripped[:1].isupper()):
            if current:
                result.append(squash(" ".join(current)))
            current = [stripped] if stripped else []
        else:
            current.append(stripped)
    if current:
        result.append(squash(" ".join(current)))
    return result


def _heading(line: str) -> bool:
    return bool(HEADING.match(line)) or (is_upper_text(line) and len(line.split()) >= 2)
