"""One source for the limits: every field of both schemas is bounded, by the numbers of limits.py."""

from assistant.core import limits
from assistant.core.schemas import schema


def _unbounded(node: object, where: str = "") -> list[str]:
    if isinstance(node, list):
        return [p for i, item in enumerate(node) for p in _unbounded(item, f"{where}/{i}")]
    if not isinstance(node, dict):
        return []
    kinds = node.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    needed = {"string": "maxLength", "integer": "maximum", "array": "maxItems"}
    found = [f"{where} ({kind})" for kind in kinds if kind in needed and needed[kind] not in node]
    return found + [
        p
        for key, child in node.items()
        if key != "enum"
        for p in _unbounded(child, f"{where}/{key}")
    ]


def test_every_string_number_and_list_of_both_schemas_has_a_limit() -> None:
    assert _unbounded(schema("answers")) == []
    assert _unbounded(schema("directive")) == []


def test_the_field_kinds_carry_the_numbers_of_the_limits_module() -> None:
    defs = schema("answers")["$defs"]
    assert defs["count"]["maximum"] == limits.COUNT_MAX
    assert (defs["outgoing_number"]["minimum"], defs["outgoing_number"]["maximum"]) == (1, 99_999)
    assert defs["narrative"]["maxLength"] == limits.NARRATIVE_MAX_CHARS
    assert defs["name"]["maxLength"] == limits.NAME_MAX_CHARS
    assert schema("directive")["$defs"]["narrative"]["maxLength"] == (limits.NARRATIVE_MAX_CHARS)
