"""The JSON schemas of ``resources/schemas`` (answers, directive), loaded with the limits of
:mod:`assistant.core.limits` written in, and the first error of an instance against one of them.

Validation is jsonschema-rs: it imports in about a third of the time of the pure-Python
jsonschema, which was the largest part of what ``generate`` spent before writing a line (issue
13). Its errors carry the failing keyword and where it failed; the callers turn those into
Vietnamese messages. The ``date`` format is checked by the same ``date.fromisoformat`` that later
reads the value, so a date the schema lets through can always be read (year 0000 cannot).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

import jsonschema_rs

from assistant.core.limits import with_limits
from assistant.paths import RESOURCES

SCHEMA_DIR = RESOURCES / "schemas"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class SchemaError:
    """One failure: where in the instance, which keyword, and that keyword's value in the schema
    (the limit, the choices, the expected type); ``message`` is the validator's English, for the
    log."""

    path: tuple[str | int, ...]
    keyword: str
    value: object
    message: str
    missing: str = ""  # for ``required``: the property that is missing


@cache
def schema(name: str) -> dict:
    """``resources/schemas/<name>.schema.json`` with the limits written into it."""
    text = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    return with_limits(json.loads(text))


def _is_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@cache
def _validator(name: str, definition: str) -> jsonschema_rs.Validator:
    whole = schema(name)
    if definition:
        whole = {"$ref": f"#/$defs/{definition}", "$defs": whole["$defs"]}
    return jsonschema_rs.Draft202012Validator(
        whole, validate_formats=True, formats={"date": _is_date}
    )


def _keyword_value(root: dict, location: list) -> object:
    node: object = root
    for step in location:
        node = node[step]  # type: ignore[index]
    return node


def first_error(instance: object, name: str, definition: str = "") -> SchemaError | None:
    """The error nearest the instance's root (then by path) of ``instance`` against the schema
    ``name``, or against its ``$defs/<definition>`` when one is named; None when it is valid."""
    validator = _validator(name, definition)
    errors = list(validator.iter_errors(instance))
    if not errors:
        return None
    err = min(errors, key=lambda e: (len(e.instance_path), list(map(str, e.instance_path))))
    keyword = err.kind.name
    location = list(err.schema_path)
    if keyword == "propertyNames":  # the location names the failing sub-keyword; keep ours
        location = location[: location.index("propertyNames") + 1]
    return SchemaError(
        path=tuple(err.instance_path),
        keyword=keyword,
        value=_keyword_value(schema(name), location),
        message=err.message,
        missing=getattr(err.kind, "property", "") if keyword == "required" else "",
    )
