"""Rebuild resources/fonts/times-metrics.json: advance widths of Times New Roman's letters.

Liberation Serif has the same advance widths as Times New Roman (it is metric-compatible), so its
widths tell how long a line of Vietnamese text is in a .docx, which sets the length of the rules
under the Tiêu ngữ and the agency name. Run from the repository root, on Linux with
fonts-liberation2 and the `dev` extra (fonttools) installed:

    python scripts/build_font_metrics.py
"""

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold_italic": "BoldItalic"}
CHARS = (
    [chr(c) for c in range(0x20, 0x7F)]
    + [chr(c) for c in range(0xC0, 0x250)]
    + [chr(c) for c in range(0x1EA0, 0x1EFA)]
    + list("–—‘’“”…•№")
)


def widths(path: Path) -> dict:
    font = TTFont(path)
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    units = font["head"].unitsPerEm
    return {
        "units_per_em": units,
        "widths": {c: hmtx[cmap[ord(c)]][0] for c in CHARS if ord(c) in cmap},
    }


def main() -> None:
    data = {
        style: widths(FONT_DIR / f"LiberationSerif-{name}.ttf") for style, name in STYLES.items()
    }
    out = Path("resources/fonts/times-metrics.json")
    out.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(f"wrote {out}: {sum(len(v['widths']) for v in data.values())} widths")


if __name__ == "__main__":
    main()
