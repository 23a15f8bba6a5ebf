"""How long a line of Times New Roman text is, from advance widths shipped in resources/fonts.

The writer sizes the rules under the Tiêu ngữ and the agency name from it; the checker measures
them against it. Unknown characters count as the width of "n".
"""

from __future__ import annotations

import json
import unicodedata
from functools import cache

from assistant.paths import RESOURCES

PT_TO_MM = 25.4 / 72


@cache
def _metrics() -> dict:
    return json.loads((RESOURCES / "fonts" / "times-metrics.json").read_text(encoding="utf-8"))


def text_width_mm(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    style = {(False, False): "regular", (True, False): "bold", (False, True): "italic"}.get(
        (bold, italic), "bold_italic"
    )
    table = _metrics()[style]
    widths, fallback = table["widths"], table["widths"]["n"]
    units = sum(widths.get(c, fallback) for c in unicodedata.normalize("NFC", text))
    return units / table["units_per_em"] * size_pt * PT_TO_MM
