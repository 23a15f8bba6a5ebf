"""The input gate: every JSON value entering the core (answers, agency profile, directive) passes
here before its schema is checked.

Texts come out NFC, without characters a .docx cannot hold (:func:`vntext.clean`); a number with a
fraction, NaN or infinity is refused with a Vietnamese message naming the field, since every number
a report holds is a whole count; nesting deeper than ``JSON_MAX_DEPTH`` is refused. The ranges and
lengths of each field are then the schema's, bounded by :mod:`assistant.core.limits`.
"""

from __future__ import annotations

from assistant.core.errors import UserError
from assistant.core.limits import JSON_MAX_DEPTH
from assistant.core.vntext import clean


def _field(where: str, key: object) -> str:
    return f"{where}.{key}" if where else str(key)


def clean_tree(value: object, where: str = "", depth: int = 0) -> object:
    """A copy of a parsed JSON value with every string cleaned; refuses non-integer numbers and
    nesting deeper than ``JSON_MAX_DEPTH``."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict | list) and depth >= JSON_MAX_DEPTH:
        raise UserError(
            f"Trường «{where or '(gốc)'}» lồng nhau quá {JSON_MAX_DEPTH} tầng; đây không phải dữ "
            "liệu của chương trình.",
            f"{where}: nested deeper than {JSON_MAX_DEPTH} levels",
            field=where,
        )
    if isinstance(value, dict):
        return {
            clean(str(k)): clean_tree(v, _field(where, clean(str(k))), depth + 1)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [clean_tree(v, _field(where, i), depth + 1) for i, v in enumerate(value)]
    if isinstance(value, float):
        raise UserError(
            f"Trường «{where or '(gốc)'}» phải là số nguyên (không có phần thập phân).",
            f"{where}: {value!r} is not an integer",
            field=where,
        )
    return value  # int, bool, None
