"""The foot of a directive: Nơi nhận and the signature block.

Both sit side by side in a borderless table; English OCR merges them per line ("Noi nhan: T/M BAN
THUONG VU", "- Nhu trén, PHO BI THU THUONG TRUC"), so a trailing run of capitals is cut off each
line and goes to the signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from assistant.core.model import Signer
from assistant.importer.body import strip_item
from assistant.importer.vitext import ITEM, fold, is_upper_text, squash
from assistant.paths import RESOURCES

_NOI_NHAN = re.compile(r"^\W{0,2}n\S{1,2}i\s*nh\S{1,3}n\s*:?", re.IGNORECASE)
_AUTHORITY = re.compile(r"(?<!\S)(K/T|KT\.?|T/M|TM\.?|T/L|TL\.?|TUQ\.|Q\.)\s*(?=[^\W\d_a-z])")
_UPPER_TOKEN = re.compile(r"^[^\W\d_]*[./]?[^\W\d_]+[.]?$")


@dataclass
class Footer:
    """What the importer reads after the body: the signer and the distribution list."""

    distribution: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    signer_confidence: float = 0.0
    start: int = 0


def footer_start(lines: list[str], body_start: int) -> int:
    """Index of "Nơi nhận", else of the signer's authority line near the end, else the end."""
    for i in range(body_start, len(lines)):
        if _NOI_NHAN.match(fold(lines[i].strip())):
            return i
    for i in range(max(body_start, len(lines) - 15), len(lines)):
        if _AUTHORITY.match(lines[i].strip()):
            return i
    return len(lines)


def parse_footer(lines: list[str], start: int) -> Footer:
    footer = Footer(start=start)
    signer_lines: list[str] = []
    items: list[str] = []
    for raw in lines[start:]:
        line = squash(raw)
        head = _NOI_NHAN.match(fold(line))
        if head:
            line = line[head.end() :].strip()
        left, right = _split_signature(line)
        if right:
            signer_lines.append(right)
        if not left:
            continue
        if ITEM.match(left):
            items.append(left)
        elif items and left[:1].islower():
            items[-1] += " " + left  # a wrapped recipient line
        else:
            signer_lines.append(left)
    footer.distribution = [d for d in (strip_item(i) for i in items) if d]
    footer.signer, footer.signer_confidence = _signer(signer_lines)
    return footer


def _split_signature(line: str) -> tuple[str, str]:
    """Cut an authority ("T/M …") or a trailing run of two or more capitalised words off a line."""
    authority = _AUTHORITY.search(line)
    if authority and authority.start() > 0:
        return line[: authority.start()].strip(), line[authority.start() :].strip()
    if authority or not ITEM.match(line):
        return ("", line) if is_upper_text(line) else (line, "")
    tokens = line.split()
    cut = len(tokens)
    while cut > 1 and _is_title_word(tokens[cut - 1]):
        cut -= 1
    if len(tokens) - cut >= 2:
        return " ".join(tokens[:cut]), " ".join(tokens[cut:])
    # The signer's name sits level with the last recipient: "- Lưu: VT. Hoàng Văn Sơn".
    named = _TRAILING_NAME.search(line)
    if named and _looks_like_name(named.group(1)) and fold(named.group(2)) in _surnames():
        return line[: named.start(1)].strip(), named.group(1)
    return line, ""


@cache
def _surnames() -> frozenset[str]:
    """Folded family names (the first line of names.txt): a unit's name is not taken for one."""
    path = RESOURCES / "restore" / "names.txt"
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and x[0] != "#"]
    return frozenset(fold(name) for name in lines[0].split())


_TRAILING_NAME = re.compile(r"[.;,]\s+(([^\W\d_]+)(?:\s+[^\W\d_]+){1,4})\s*$")


def _is_title_word(token: str) -> bool:
    return is_upper_text(token) and bool(_UPPER_TOKEN.match(token)) and token[-1] not in ",;:"


def _signer(lines: list[str]) -> tuple[Signer, float]:
    authority = title = name = ""
    for line in lines:
        if not authority and not title and _AUTHORITY.match(line):
            authority = _normalise_authority(line)
        elif is_upper_text(line) and not name and not title:
            title = line
        elif _looks_like_name(line):
            name = line
    if not (authority or title or name):
        return Signer(), 0.0
    found = sum(bool(v) for v in (authority, title, name))
    return Signer(authority, title, name), 0.3 * found


def _normalise_authority(line: str) -> str:
    return re.sub(r"^(K/T|KT\.?|T/M|TM\.?|T/L|TL\.?|TUQ\.|Q\.)\s*", r"\1 ", squash(line))


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= 5
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
        and not _NOI_NHAN.match(fold(line))
    )
