"""Field accuracy of the importer on every layout class of directive-layouts.md, by format.

Targets: ≥ 95 % per field on txt, docx, PDF and portal copies; ≥ 85 % on scans (image-only PDFs
of every page, read by Tesseract) and stripped text; of the values shown at ≥ 0.9 confidence,
≥ 97 % right. The table prints with ``-s``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

import pytest

from assistant.core.errors import UserError
from assistant.core.request import Periodicity, PeriodRule
from assistant.importer import import_file, parse_text
from assistant.importer.parse import ParsedDirective
from tests.layouts_corpus import LOST_LETTERS, REPORT, SPECS, LayoutFile, build, render_text

FIELDS = {  # measured name → parsed field
    "number": "number", "code": "code", "date": "date", "issuer": "issuer",
    "parent": "issuer_parent", "kind": "kind", "place": "place", "subject": "subject",
    "recipients": "recipients", "tasks": "tasks", "signer": "signer", "deadline": "report_deadline",
}  # fmt: skip
EXACT = ("txt", "docx", "pdf", "portal")
NOISY = ("scan", "stripped")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[LayoutFile]:
    return build(tmp_path_factory.mktemp("layouts"))


@pytest.fixture(scope="session")
def parsed(corpus: list[LayoutFile]) -> list[tuple[LayoutFile, ParsedDirective]]:
    return [(item, import_file(item.path)) for item in corpus]


def _norm(value: object) -> object:
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value).casefold()
    return " ".join(re.sub(r"\bubnd\b", "ủy ban nhân dân", text).split())


def got(parsed: ParsedDirective, name: str) -> object:
    value = parsed[FIELDS[name]]
    if name in ("recipients", "tasks"):
        return len(value)
    if name == "signer":
        return (value.authority, value.title, value.name)
    return _norm(value.value if name == "kind" else value)


def right(parsed: ParsedDirective, item: LayoutFile, name: str) -> bool:
    expected = item.truth[name]
    return got(parsed, name) == (tuple(expected) if name == "signer" else _norm(expected))


def table(rows: dict[str, dict[str, list[bool]]]) -> str:
    head = f"{'':22} {'n':>3} " + " ".join(f"{f[:7]:>7}" for f in FIELDS)
    lines = [head]
    for key, fields in sorted(rows.items()):
        n = len(fields["number"])
        cells = " ".join(f"{100 * sum(v) / len(v):6.0f}%" for v in fields.values())
        lines.append(f"{key:22} {n:>3} {cells}")
    return "\n".join(lines)


def _score(parsed) -> tuple[dict, dict, list[bool], list[str]]:
    by_format: dict = defaultdict(lambda: defaultdict(list))
    by_class: dict = defaultdict(lambda: defaultdict(list))
    confident, misses = [], []
    for item, result in parsed:
        for name in FIELDS:
            ok = right(result, item, name)
            by_format[item.fmt][name].append(ok)
            by_class[item.cls][name].append(ok)
            if result.confidence(FIELDS[name]) >= 0.9:
                confident.append(ok)
            if not ok:
                misses.append(f"{item.path.name:28} {name:10} {got(result, name)!r}")
    return by_format, by_class, confident, misses


def _below(by_format: dict, formats: tuple[str, ...], target: float) -> list[tuple[str, str]]:
    return [
        (fmt, name)
        for fmt in formats
        for name, values in by_format.get(fmt, {}).items()
        if sum(values) / len(values) < target
    ]


@pytest.mark.slow
def test_layout_accuracy_and_calibration(parsed) -> None:
    assert len(parsed) >= 40
    by_format, by_class, confident, misses = _score(parsed)
    calibration = sum(confident) / len(confident)
    print("\nField accuracy by format:\n" + table(by_format))
    print("\nField accuracy by class:\n" + table(by_class))
    print(f"\nCalibration: {sum(confident)}/{len(confident)} = {100 * calibration:.1f} % right "
          "of the values shown at ≥ 0.9")  # fmt: skip
    print("Misses:\n  " + "\n  ".join(misses))
    assert _below(by_format, EXACT, 0.95) == []
    assert _below(by_format, NOISY, 0.85) == []
    assert calibration >= 0.97


# What is reached now, above the targets, so that none slips back: every field right on every
# text, docx, PDF, portal and stripped copy; on scans 92 % for date, deadline and issuer
# (Tesseract reads one year "2046", shown at low confidence as a date after today, and doubles a
# letter of a ward's name), every other field right.
FLOORS = {"txt": 1.0, "docx": 1.0, "pdf": 1.0, "portal": 1.0, "stripped": 1.0, "scan": 0.9}


@pytest.mark.slow
def test_every_format_keeps_what_was_reached(parsed) -> None:
    by_format = _score(parsed)[0]
    assert [
        miss for fmt, floor in FLOORS.items() for miss in _below(by_format, (fmt,), floor)
    ] == []


def test_report_request_parts() -> None:
    by_key = {s.key: parse_text(render_text(s)) for s in SPECS}
    cv = by_key["cv-ubnd-tinh"]
    assert (cv["report_to"], cv["report_via"]) == (
        "Sở Thông tin và Truyền thông",
        "Phòng Thông tin – Báo chí – Xuất bản",
    )
    assert by_key["party-ban"]["report_periods"] == (PeriodRule(Periodicity.QUARTERLY, 20, 0),)
    assert by_key["ke-hoach"]["report_periods"] == (
        PeriodRule(Periodicity.HALF_YEARLY, 15, 0),
        PeriodRule(Periodicity.YEARLY, 15, 0),
    )
    assert by_key["huong-dan"]["report_periods"] == (PeriodRule(Periodicity.MONTHLY, 5, 1),)
    assert by_key["cv-bo"]["report_periods"] == () and by_key["cv-bo"]["report_deadline"] is None
    directive = by_key["cv-ubnd-tinh"].to_directive()
    assert directive.report_via and directive.report_deadline == cv["report_deadline"]


def test_plan_aims_are_not_tasks_and_organisation_items_are_groups() -> None:
    plan = parse_text(render_text(SPECS[5]))
    texts = [t.text for t in plan["tasks"]]
    assert not any("Nâng cao chất lượng" in t for t in texts)
    assert [g.label for g in plan["groups"]][-2:] == [
        "Trung tâm Văn hóa, Thể thao và Truyền thông",
        "Ủy ban nhân dân các xã, thị trấn",
    ]


def test_a_report_is_refused() -> None:
    with pytest.raises(UserError) as caught:
        parse_text(REPORT, source="bc.txt")
    assert "là một báo cáo, không phải công văn cần trả lời" in caught.value.message


def test_lost_letters_are_reported_not_invented() -> None:
    parsed = parse_text(LOST_LETTERS)
    assert parsed.review and "mất chữ" in parsed.review[0]
    assert not parsed.restored
    assert all(parsed.confidence(f) <= 0.5 for f in ("issuer", "subject", "signer"))


@pytest.mark.slow
def test_stripped_signer_is_kept_as_read_and_flagged(parsed) -> None:
    for item, result in parsed:
        if item.fmt == "stripped" and result["signer"].name:
            assert result["signer"].name.isascii()
            assert result.confidence("signer") < 0.9
            assert any(result["signer"].name in note for note in result.review)
