"""Validation limits: the one place that says how long a text and how large a number may be.

The JSON schemas (answers, directive) name a field's kind through ``$defs`` (``count``,
``outgoing_number``, ``name``, ``narrative``); :func:`with_limits` writes the limits below into the
schema as it is loaded, and gives every other string, integer and list the default limit. So the
schema, the core and the window refuse the same values, and a field without a limit cannot exist.
File and archive limits are here too: inputs are refused by size before they are parsed.
"""

from __future__ import annotations

import copy

# NĐ30 Điều 15: outgoing numbers restart at 01 each year; no agency sends 100,000 documents a year.
OUTGOING_NUMBER_MIN = 1
OUTGOING_NUMBER_MAX = 99_999
# A count of clips, views, posts or staff: a trillion is beyond any real figure, and keeps every
# sum and share exact in the formatting code.
COUNT_MAX = 10**12

NAME_MAX_CHARS = 300  # an agency, a person, a place, a title
LINE_MAX_CHARS = 5_000  # a subject line, an example, a recipient (the default for any string)
NARRATIVE_MAX_CHARS = 100_000  # a section a clerk writes: some 30 pages
LIST_MAX_ITEMS = 200  # platforms, examples, recipients, tasks

JSON_FILE_MAX_BYTES = 5 * 1024 * 1024  # answers, profile and directive files
# Levels of nesting in those files: ours go six deep (answers → tasks → task → figures →
# platforms → platform). Deeper is not our data, and the gate stops there before Python's own
# recursion limit would end the program.
JSON_MAX_DEPTH = 16
DOCUMENT_FILE_MAX_BYTES = 50 * 1024 * 1024  # a .docx, .pdf or scan given to import or check
# A .docx is a zip: refuse one whose parts would inflate past these before reading any part.
ZIP_MAX_TOTAL_BYTES = 200 * 1024 * 1024
ZIP_MAX_RATIO = 200  # inflated / compressed, for parts over ZIP_RATIO_FLOOR_BYTES
ZIP_RATIO_FLOOR_BYTES = 1024 * 1024
ZIP_MAX_PARTS = 10_000

# The keywords each field kind of the schemas gets.
KINDS: dict[str, dict[str, int]] = {
    "count": {"minimum": 0, "maximum": COUNT_MAX},
    "outgoing_number": {"minimum": OUTGOING_NUMBER_MIN, "maximum": OUTGOING_NUMBER_MAX},
    "name": {"maxLength": NAME_MAX_CHARS},
    "narrative": {"maxLength": NARRATIVE_MAX_CHARS},
}
_DEFAULTS = {
    "string": ("maxLength", LINE_MAX_CHARS),
    "integer": ("maximum", COUNT_MAX),
    "array": ("maxItems", LIST_MAX_ITEMS),
}


def _types(node: dict) -> list[str]:
    kind = node.get("type", [])
    return [kind] if isinstance(kind, str) else list(kind)


def _bound(node: object) -> None:
    if isinstance(node, list):
        for item in node:
            _bound(item)
        return
    if not isinstance(node, dict):
        return
    for kind in _types(node):
        keyword, value = _DEFAULTS.get(kind, (None, None))
        if keyword and keyword not in node:
            node[keyword] = value
    for key, child in node.items():
        if key not in ("enum", "const"):  # their values are data, not schemas
            _bound(child)


def with_limits(schema: dict) -> dict:
    """A copy of ``schema`` with the limits of each field kind written into it."""
    bounded = copy.deepcopy(schema)
    for name, keywords in KINDS.items():
        if name in bounded.get("$defs", {}):
            bounded["$defs"][name].update(keywords)
    _bound(bounded)
    return bounded
