"""A copy from a legal-text web portal: the site's own lines before the letterhead.

Portals print the title again, "Nội dung toàn văn …", related laws and a metadata table ("Số
hiệu:", "Loại văn bản:", "Nơi ban hành:", "Người ký:", "Ngày ban hành:" …) before the document.
Those lines are cut off so the header is read from the letterhead; the metadata fills the fields
the letterhead does not show (some copies have no letterhead at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.importer.vitext import fold, is_upper_text, squash

# Metadata labels, folded, and the field each gives.
_LABELS = {
    "so hieu": "symbol",
    "loai van ban": "type",
    "co quan ban hanh": "issuer",
    "noi ban hanh": "issuer",
    "nguoi ky": "signer",
    "ngay ban hanh": "date",
    "ngay hieu luc": "",
    "ngay cong bao": "",
    "so cong bao": "",
    "tinh trang": "",
    "tinh trang hieu luc": "",
    "linh vuc": "",
}
_LABEL = re.compile(r"^\s*(?P<label>" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*:")
# Where the letterhead begins: a body's name in capitals, or a motto.
_LETTERHEAD = re.compile(
    r"^(uy ban|ubnd|so |bo |ban |phong |trung tam|tinh uy|huyen uy|thanh uy|dang uy|dang bo|"
    r"cong hoa xa hoi|dang cong san)"
)
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_SCAN_LIMIT = 80  # site lines come first; a directive's own lines never hold these labels


@dataclass
class Preamble:
    """The lines a portal puts before a directive's text, and what they say of it."""

    start: int = 0  # index of the first line of the document itself
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def date(self) -> date | None:
        match = _NUMERIC_DATE.search(self.meta.get("date", ""))
        if not match:
            return None
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            return None


def read_preamble(lines: list[str]) -> Preamble:
    """The site's lines before the letterhead, with the metadata they hold."""
    cells = [[squash(c) for c in re.split(r"\t+|\s\|\s", line)] for line in lines[:_SCAN_LIMIT]]
    preamble = Preamble()
    last = -1
    for i, row in enumerate(cells):
        for k, cell in enumerate(row):
            label = _LABEL.match(fold(cell))
            if not label:
                continue
            value = cell[label.end() :].strip()
            last = i
            if not value:
                value, below = _next_value(cells, i, k)
                last = i + below
            key = _LABELS[label["label"]]
            if key and value and key not in preamble.meta:
                preamble.meta[key] = value
    if last < 0:
        return preamble
    preamble.start = last + 1
    for i in range(last + 1, min(len(lines), last + 15)):
        line = lines[i].strip()
        if is_upper_text(line) and _LETTERHEAD.match(fold(line)):
            preamble.start = i
            break
    return preamble


def _next_value(cells: list[list[str]], i: int, k: int) -> tuple[str, int]:
    """A value printed in the next cell (0), or on the next line (1), after its label."""
    if k + 1 < len(cells[i]) and not _LABEL.match(fold(cells[i][k + 1])):
        return cells[i][k + 1], 0
    if i + 1 < len(cells) and cells[i + 1][0] and not _LABEL.match(fold(cells[i + 1][0])):
        return cells[i + 1][0], 1
    return "", 0
