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
from assistant.importer.extract import extract
from assistant.importer.parse import Field, ParsedDirective, parse
from assistant.importer.restore import restore

__all__ = ["Field", "ParsedDirective", "import_file", "parse_text"]

# A directive shows at least two of: number, date, Kính gửi, tasks, Nơi nhận, signer.
_MIN_EVIDENCE = 2
# Fields whose words went through diacritic restoration are less certain than numbers and dates.
WORDED = {"issuer", "issuer_parent", "place", "subject", "recipients", "implements", "groups",
          "tasks", "report_request", "report_to", "signer", "distribution"}  # fmt: skip
RESTORED_FACTOR = 0.8
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
    restored = restore(text)
    parsed = parse(restored.text, source=source, method=method)
    fields = parsed.fields
    if restored.changed:
        fields = {
            name: Field(f.value, f.confidence * RESTORED_FACTOR) if name in WORDED else f
            for name, f in fields.items()
        }
    parsed = dataclasses.replace(
        parsed, fields=fields, restored=restored.changed, review=restored.review, original=text
    )
    _require_directive(parsed, source)
    return parsed


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
