"""Vietnamese text helpers: dates by NĐ30's rule, numbers, cleaning, and diacritic folding.

NĐ30 (Phụ lục I, II.4b): days below 10 and months 1 and 2 take a leading zero; months 3–12 do
not ("ngày 05 tháng 02 năm 2024", "ngày 29 tháng 6 năm 2019"). Party documents follow the same
rule. Numbers group thousands with "." and use "," as the decimal mark (CLDR's "vi" locale),
rounded half to even as CLDR's patterns are; Python's own format does it, which spares loading a
locale library's data for three patterns (``tests/test_vntext.py`` compares them with Babel's).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

# XML 1.0 forbids C0 controls except tab, newline and carriage return (and a few non-characters).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Half of a UTF-16 pair with no other half (JSON's "\ud800"): no encoder can write it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text: str) -> str:
    """NFC-normalise, drop characters a .docx cannot hold, and mark a lone surrogate with U+FFFD
    (the replacement character) so the clerk sees where something was lost; never raises."""
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return _XML_FORBIDDEN.sub("", unicodedata.normalize("NFC", text))


def paragraphs(text: str) -> list[str]:
    """A clerk's multi-line text as paragraphs: one per non-empty line, trimmed."""
    return [line.strip() for line in clean(text).splitlines() if line.strip()]


def day(d: date) -> str:
    return f"{d.day:02d}"


def month(d: date) -> str:
    return f"{d.month:02d}" if d.month <= 2 else str(d.month)


def date_words(d: date) -> str:
    """ "ngày 05 tháng 02 năm 2024" — the date of a document's place-and-date line."""
    return f"ngày {day(d)} tháng {month(d)} năm {d.year}"


def place_date(place: str, d: date | None) -> str:
    """ "Thái Nguyên, ngày 05 tháng 02 năm 2024"; an unknown date leaves the blanks to fill by hand."""
    if d is None:
        return f"{place}, ngày     tháng     năm     "
    return f"{place}, {date_words(d)}"


def day_month(d: date) -> str:
    """ "ngày 29 tháng 6" — a date within the current year, in running text."""
    return f"ngày {day(d)} tháng {month(d)}"


def short_date(d: date) -> str:
    """ "02/4/2024", "11/3/2024", "05/02/2024" — a cited date in running text, with NĐ30's
    zero-padding of days and of months 1 and 2, as the directives themselves write it."""
    return f"{day(d)}/{month(d)}/{d.year}"


_VI_MARKS = str.maketrans(",.", ".,")  # Python's "1,234.5" → "1.234,5"


def _vi(value: float | int | Decimal, places: int, *, trim: bool) -> str:
    """``value`` rounded half to even to ``places`` decimals, thousands grouped; ``trim`` drops
    the zeros after the mark (the optional "#" places of a CLDR pattern)."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    text = f"{exact.quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN):,f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_VI_MARKS)


def number(value: float | int) -> str:
    """ "12.500", "8,5": up to two decimals, as the pattern #,##0.## writes them."""
    return _vi(value, 2, trim=True)


def percent(share: float) -> str:
    """``share`` in [0, 1] as "8,5%", "4,0%", "15,0%": always one decimal, so that figures
    side by side read alike."""
    return _vi(Decimal(str(share)) * 100, 1, trim=False) + "%"


def limit_percent(share: float) -> str:
    """A rule's threshold as the directive states it: "15%"."""
    return _vi(Decimal(str(share)) * 100, 2, trim=True) + "%"


def fold(text: str) -> str:
    """Lower-case ASCII skeleton for searching: "Đồng" and "dong" both give "dong"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def lower_initial(text: str) -> str:
    """Party trích yếu start lower-case: "Kết quả…" → "kết quả…" (acronyms kept)."""
    first = text.split(" ", 1)[0]
    if not text or (first.isupper() and len(first) > 1):
        return text
    return text[0].lower() + text[1:]


def upper_initial(text: str) -> str:
    return text[:1].upper() + text[1:]
