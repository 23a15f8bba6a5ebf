"""Reads new incoming directives from .docx, .pdf, .txt or scans.

The public API, for the command line and for the import dialog::

    parsed = import_file(path)        # extract → restore diacritics if needed → parse
    parsed = parse_text(text)         # the same from text already in memory
    parsed.to_json()                  # per-field value and confidence, to show beside the text
    parsed = parsed.with_overrides(subject="…")   # the clerk's corrections
    directive = parsed.to_directive() # a core Directive, for DirectiveLibrary.add

Every problem a clerk can fix raises :class:`assistant.core.errors.UserError`.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from assistant.core.errors import UserError
from assistant.importer.damage import broken_words
from assistant.importer.extract import extract
from assistant.importer.gazetteer import spell_places
from assistant.importer.ocrtidy import tidy
from assistant.importer.parse import Field, ParsedDirective, parse
from assistant.importer.restore import Restored, correct_capitals, restore
from assistant.importer.vitext import fold, squash

__all__ = ["Field", "ParsedDirective", "import_file", "parse_text"]

# A directive shows at least two of: number, date, Kính gửi, tasks, Nơi nhận, signer.
_MIN_EVIDENCE = 2
# Fields whose words went through diacritic restoration are less certain than numbers and dates.
WORDED = {"issuer", "issuer_parent", "place", "subject", "recipients", "implements", "groups",
          "tasks", "report_request", "report_to", "signer", "distribution"}  # fmt: skip
RESTORED_FACTOR = 0.8
PLACED = ("place", "issuer", "issuer_parent")  # fields that name a province, district or ward
OCR_FACTOR = 0.85  # words a scan gave are never shown as certain: the clerk compares with the page
BROKEN_CEILING = 0.5  # words read from a text layer that lost letters are at best a hint
NAME_CEILING = 0.5  # a name in text without diacritics is kept as read, to be checked
MAX_CHARS = 200_000  # a long directive is ~20,000 characters; beyond this it is something else


def import_file(path: str | os.PathLike[str]) -> ParsedDirective:
    """Read, restore and parse one incoming directive file."""
    extracted = extract(path)
    return parse_text(extracted.text, source=Path(path).name, method=extracted.method)


def parse_text(text: str, source: str = "", method: str = "text") -> ParsedDirective:
    """Parse a directive's text, restoring stripped or English-OCR diacritics first."""
    if not text.strip():
        raise UserError("Văn bản rỗng, không có gì để nhập.", "empty text")
    if len(text) > MAX_CHARS:
        raise UserError(
            f"Văn bản quá dài ({len(text):,} ký tự) để là một công văn; hãy tách phần công văn ra.",
            f"{source}: {len(text)} characters > {MAX_CHARS}",
        )
    broken = broken_words(text)
    restored = Restored(text, False) if broken else restore(text)  # lost letters: invent nothing
    scanned = method == "ocr" and not restored.changed  # Vietnamese OCR: marks kept, capitals weak
    capitals = correct_capitals(tidy(text)) if scanned else Restored(restored.text, False)
    parsed = parse(capitals.text, source=source, method=method)
    _refuse_report(parsed, source)
    fields = dict(parsed.fields)
    review = list(restored.review) + list(capitals.review)
    if scanned:
        fields = {
            name: Field(f.value, f.confidence * OCR_FACTOR) if name in WORDED else f
            for name, f in fields.items()
        }
    if restored.changed:
        fields = {
            name: Field(f.value, f.confidence * RESTORED_FACTOR) if name in WORDED else f
            for name, f in fields.items()
        }
        for name in PLACED:  # place names are looked up, not left to the syllable model
            fields[name] = Field(spell_places(fields[name].value), fields[name].confidence)
        fields["signer"], name_note = _signer_as_read(fields["signer"], text)
        review += name_note
    if broken:
        fields = {
            name: Field(f.value, min(f.confidence, BROKEN_CEILING)) if name in WORDED else f
            for name, f in fields.items()
        }
        review.insert(0, "Văn bản bị mất chữ (phông chữ hỏng), ví dụ: " + ", ".join(broken[:8]))
    parsed = dataclasses.replace(
        parsed, fields=fields, restored=restored.changed, review=tuple(review), original=text
    )
    _require_directive(parsed, source)
    return parsed


def _refuse_report(parsed: ParsedDirective, source: str) -> None:
    """A báo cáo is what the clerk writes back, not a directive to answer."""
    if parsed.doc_type == "bao cao":
        name = f"«{source}»" if source else "Văn bản này"
        raise UserError(
            f"{name} là một báo cáo, không phải công văn cần trả lời.",
            f"{source}: type line BÁO CÁO",
        )


def _signer_as_read(signer: Field, original: str) -> tuple[Field, list[str]]:
    """A personal name is in no vocabulary: keep it as the stripped text printed it, and flag it.

    "Tran Thanh Lap" may be "Trần Thanh Lập" or "Trần Thành Lập"; a restored guess would look
    certain and be wrong.
    """
    name = signer.value.name
    if not name:
        return signer, []
    read = next(
        (squash(line) for line in original.splitlines() if fold(squash(line)) == fold(name)), name
    )
    value = dataclasses.replace(signer.value, name=read)
    return Field(value, min(signer.confidence, NAME_CEILING)), [f"Tên người ký: {read}"]


def _require_directive(parsed: ParsedDirective, source: str) -> None:
    evidence = (
        parsed["number"] or parsed["code"],
        parsed["date"],
        parsed["recipients"],
        parsed.confidence("tasks") >= 0.5,
        parsed["distribution"],
        parsed["signer"].name or parsed["signer"].title,
    )
    if sum(bool(e) for e in evidence) < _MIN_EVIDENCE:
        name = f"«{source}» " if source else ""
        raise UserError(
            f"Tệp {name}không giống một công văn: không thấy số, ký hiệu, ngày tháng, "
            "«Kính gửi», các nhiệm vụ hay «Nơi nhận».",
            f"{source}: not a directive (evidence {sum(bool(e) for e in evidence)})",
        )
