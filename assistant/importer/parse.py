"""A directive's text → fields with a confidence each → a core :class:`Directive`.

Nothing is invented: a field the text does not show stays None or empty with confidence 0, and
:meth:`ParsedDirective.to_directive` refuses to build a Directive while a required field is
missing, so the clerk is asked for it (``with_overrides``) instead.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from assistant.core.errors import UserError
from assistant.core.model import BodyKind, Directive
from assistant.importer.body import Body, parse_body
from assistant.importer.footer import Footer, footer_start, parse_footer
from assistant.importer.header import Header, parse_header
from assistant.importer.vitext import agency_case, fold, slug, squash
from assistant.paths import RESOURCES

_PARTY_ISSUER = re.compile(r"^(tinh uy|huyen uy|thanh uy|dang uy|ban |chi bo|van phong .*uy)")
FIELDS = (
    "kind", "issuer", "issuer_parent", "number", "code", "date", "place", "subject", "recipients",
    "implements", "groups", "tasks", "report_request", "report_deadline", "report_to", "signer",
    "distribution",
)  # fmt: skip


@dataclass(frozen=True)
class Field:
    """One parsed value and how sure the parser is of it (0 = not found, 1 = given by the clerk)."""

    value: Any
    confidence: float


@dataclass(frozen=True)
class ParsedDirective:
    """Everything read from one incoming directive, ready to show, correct and save."""

    fields: dict[str, Field]
    text: str  # the (restored) text the fields were read from
    source: str = ""
    method: str = ""  # how the text was obtained: docx, pdf, txt-utf-8, ocr …
    restored: bool = False  # diacritics were restored from stripped or English-OCR text
    review: tuple[str, ...] = ()  # restored words the clerk should check
    original: str = ""  # the text as extracted, before restoration (to show beside the fields)

    def __getitem__(self, name: str) -> Any:
        return self.fields[name].value

    def confidence(self, name: str) -> float:
        return self.fields[name].confidence

    def with_overrides(self, **values: Any) -> ParsedDirective:
        """A copy with fields the clerk corrected; they get confidence 1."""
        unknown = set(values) - set(FIELDS)
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        changed = {**self.fields, **{k: Field(v, 1.0) for k, v in values.items()}}
        return dataclasses.replace(self, fields=changed)

    @property
    def directive_id(self) -> str:
        """ "3270-cv-btgtu-2024"; "unknown-cv-tu-2021" when the number is hidden."""
        when = self["date"]
        parts = [self["number"] or "unknown", self["code"] or "", str(when.year) if when else ""]
        return slug(" ".join(p for p in parts if p)) or "unknown"

    def missing(self) -> list[str]:
        """Required fields still empty: a Directive cannot be saved without them."""
        required = ("issuer", "code", "subject", "tasks")
        return [name for name in required if not self[name]]

    def to_directive(self) -> Directive:
        missing = self.missing()
        if missing:
            raise UserError(
                "Chưa đọc được " + ", ".join(FIELD_LABELS_VI[m] for m in missing)
                + " của công văn; hãy nhập bổ sung trước khi lưu.",
                f"missing required fields: {', '.join(missing)}",
                field=missing[0],
            )  # fmt: skip
        return Directive(
            id=self.directive_id,
            kind=self["kind"],
            issuer=self["issuer"],
            issuer_parent=self["issuer_parent"],
            number=self["number"],
            code=self["code"],
            date=self["date"],
            place=self["place"],
            subject=self["subject"],
            recipients=tuple(self["recipients"]),
            groups=tuple(self["groups"]),
            tasks=tuple(self["tasks"]),
            report_to=self["report_to"] or self["issuer"],
            signer=self["signer"],
            text=self.text,
            implements=tuple(self["implements"]),
            report_request=self["report_request"],
            distribution=tuple(self["distribution"]),
            source=self.source,
        )

    def to_json(self) -> dict:
        """Per-field value and confidence, JSON-able, for ``--json`` and for a dialog."""
        return {
            "id": self.directive_id,
            "source": self.source,
            "method": self.method,
            "restored": self.restored,
            "review": list(self.review),
            "missing": self.missing(),
            "fields": {
                name: {"value": _jsonable(f.value), "confidence": round(f.confidence, 2)}
                for name, f in self.fields.items()
            },
            "text": self.text,
            "original": self.original,
        }


FIELD_LABELS_VI = {
    "kind": "loại cơ quan (Đảng/Nhà nước)",
    "issuer": "cơ quan ban hành",
    "issuer_parent": "cơ quan chủ quản",
    "number": "số",
    "code": "ký hiệu",
    "date": "ngày ban hành",
    "place": "địa danh",
    "subject": "trích yếu",
    "recipients": "nơi gửi (Kính gửi)",
    "implements": "văn bản được thực hiện",
    "groups": "nhóm đối tượng",
    "tasks": "nhiệm vụ",
    "report_request": "yêu cầu báo cáo",
    "report_deadline": "hạn báo cáo",
    "report_to": "nơi nhận báo cáo",
    "signer": "người ký",
    "distribution": "nơi nhận",
}


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, BodyKind):
        return value.value
    if dataclasses.is_dataclass(value):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


@cache
def places() -> frozenset[str]:
    """Folded province names, to capitalise them in agency names."""
    path = RESOURCES / "restore" / "places.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip() and line[0] != "#")


def parse_lines(text: str) -> tuple[Header, Body, Footer]:
    lines = text.split("\n")
    header = parse_header(lines)
    foot = footer_start(lines, header.end)
    year = header.date.year if header.date else None
    body = parse_body(lines, header.end, foot, year)
    return header, body, parse_footer(lines, foot)


def build_fields(header: Header, body: Body, footer: Footer) -> dict[str, Field]:
    issuer, parent = _issuer(header.issuer_lines)
    kind, kind_conf = _kind(header, issuer, parent)
    if kind is BodyKind.PARTY and parent and issuer.startswith("Ban "):
        issuer = f"{issuer} {_level(parent)}".strip()  # "Ban Tuyên giáo" of "Tỉnh ủy X"
    subject = squash(" ".join(header.subject_lines)).rstrip(" .")
    subject = subject[:1].upper() + subject[1:]
    issuer_conf = 0.9 if issuer else 0.0
    return {
        "kind": Field(kind, kind_conf),
        "issuer": Field(issuer, issuer_conf),
        "issuer_parent": Field(parent, issuer_conf if parent else 0.0),
        "number": Field(header.number, header.symbol_confidence if header.number else 0.0),
        "code": Field(header.code, header.symbol_confidence),
        "date": Field(header.date, header.date_confidence),
        "place": Field(header.place, 0.9 if header.place else 0.0),
        "subject": Field(subject, (0.9 if header.subject_prefixed else 0.75) if subject else 0.0),
        "recipients": Field(tuple(body.recipients), body.recipients_confidence),
        "implements": Field(tuple(body.implements), 0.8 if body.implements else 0.0),
        "groups": Field(tuple(body.groups), 0.7 if body.groups else 0.0),
        "tasks": Field(tuple(body.tasks), body.tasks_confidence),
        "report_request": Field(body.report_request, 0.7 if body.report_request else 0.0),
        "report_deadline": Field(body.report_deadline, 0.8 if body.report_deadline else 0.0),
        "report_to": Field(body.report_to, 0.7 if body.report_to else 0.0),
        "signer": Field(footer.signer, footer.signer_confidence),
        "distribution": Field(tuple(footer.distribution), 0.8 if footer.distribution else 0.0),
    }


# Words an issuing body's own name starts with, under its parent's name ("SỞ …", "BAN …").
_AGENCY_HEAD = re.compile(
    r"^(so|ban|van phong|phong|trung tam|dai|bao|cuc|chi cuc|ubnd|uy ban|hoi|tap chi|dang uy)\b"
)


def _issuer(lines: list[str]) -> tuple[str, str]:
    """(issuer, parent) from the capitals above the number; names may wrap over lines."""
    if not lines:
        return "", ""
    split = next((i for i in range(1, len(lines)) if _AGENCY_HEAD.match(fold(lines[i]))), None)
    if split is None:
        split = 1 if len(lines) > 1 else 0
    parent, issuer = " ".join(lines[:split]), " ".join(lines[split:])
    return agency_case(issuer, places()), agency_case(parent, places()) if parent else ""


def _level(parent: str) -> str:
    """ "Tỉnh ủy Thái Nguyên" → "Tỉnh ủy": how a Ban names the committee it belongs to."""
    match = re.match(r"^(Tỉnh ủy|Huyện ủy|Thành ủy|Đảng ủy)", parent)
    return match.group(1) if match else ""


def _kind(header: Header, issuer: str, parent: str) -> tuple[BodyKind, float]:
    party_code = header.separator == "-" or "CV/" in header.code
    party_issuer = bool(_PARTY_ISSUER.match(fold(parent or issuer)))
    votes = sum((header.party_motto, party_code, party_issuer))
    if votes and not header.state_motto:
        return BodyKind.PARTY, min(1.0, 0.5 + 0.2 * votes)
    if header.state_motto and not votes:
        return BodyKind.STATE, 0.95
    return (BodyKind.PARTY if votes >= 2 else BodyKind.STATE), 0.5


def parse(text: str, source: str = "", method: str = "") -> ParsedDirective:
    """Fields of a directive whose text is already correct Vietnamese (see restore.py)."""
    header, body, footer = parse_lines(text)
    return ParsedDirective(build_fields(header, body, footer), text, source, method)
