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
from enum import StrEnum
from functools import cache
from typing import Any

from assistant.core.errors import UserError
from assistant.core.model import BodyKind, Directive, Signer
from assistant.importer.agency import issuer_of
from assistant.importer.body import Body, parse_body
from assistant.importer.footer import Footer, footer_start, parse_footer
from assistant.importer.header import Header, parse_header, read_symbol
from assistant.importer.portal import Preamble, read_preamble
from assistant.importer.unwrap import unescape_breaks, unwrap_header
from assistant.importer.vitext import agency_case, fold, is_upper_text, slug, squash
from assistant.paths import RESOURCES

_PARTY_ISSUER = re.compile(r"^(tinh uy|huyen uy|thanh uy|dang uy|ban |chi bo|van phong .*uy)")
FIELDS = (
    "kind", "issuer", "issuer_parent", "number", "code", "date", "place", "subject", "recipients",
    "implements", "groups", "tasks", "report_request", "report_deadline", "report_to",
    "report_via", "report_periods", "signer", "distribution",
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
    doc_type: str = ""  # the folded type line ("ke hoach", "bao cao"); empty for a công văn

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
            report_via=self["report_via"],
            report_deadline=self["report_deadline"],
            report_periods=tuple(self["report_periods"]),
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
    "report_via": "báo cáo qua",
    "report_periods": "kỳ báo cáo định kỳ",
    "signer": "người ký",
    "distribution": "nơi nhận",
}


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, StrEnum):
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


@dataclass(frozen=True)
class Parts:
    """A directive's text read in its parts: header, body, footer, and a portal's preamble."""

    header: Header
    body: Body
    footer: Footer
    preamble: Preamble


def parse_lines(text: str) -> Parts:
    lines = unwrap_header(unescape_breaks(text).split("\n"))
    preamble = read_preamble(lines)
    lines = lines[preamble.start :]
    header = parse_header(lines)
    foot = footer_start(lines, header.end)
    plan = attached_plan(lines, header.end)
    when = header.date or preamble.date
    if plan is None:
        body = parse_body(lines, header.end, foot, when)
    else:  # a decision: its own foot comes first, the tasks are in the plan after it
        body = parse_body(lines, plan, footer_start(lines, plan), when)
    return Parts(header, body, parse_footer(lines[:plan], foot), preamble)


# "KẾ HOẠCH" then "(Ban hành kèm theo Quyết định số …)": the plan a decision issues.
_ATTACHED = re.compile(r"^\(?\s*ban hanh kem theo")


def attached_plan(lines: list[str], start: int) -> int | None:
    """Index of the attached plan's type line, when the document is a decision with a plan."""
    for i in range(start, len(lines)):
        if fold(lines[i]).strip() != "ke hoach" or not is_upper_text(lines[i]):
            continue
        if any(_ATTACHED.match(fold(line).strip()) for line in lines[i + 1 : i + 8]):
            return i
    return None


def build_fields(parts: Parts) -> dict[str, Field]:
    header, body, footer, meta = parts.header, parts.body, parts.footer, parts.preamble
    issuer, parent, issuer_conf = issuer_of(header.issuer_lines, places())
    if not issuer and meta.meta.get("issuer"):
        issuer, issuer_conf = meta.meta["issuer"], METADATA_CONFIDENCE
    _fill_from_metadata(header, meta)
    kind, kind_conf = _kind(header, issuer, parent)
    if kind is BodyKind.PARTY and parent and issuer.startswith("Ban "):
        issuer = _with_level(issuer, _level(parent))  # "Ban Tuyên giáo" of "Tỉnh ủy X"
    subject = squash(" ".join(header.subject_lines)).rstrip(" .")
    if header.subject_upper:
        subject = agency_case(subject, places())
    subject = subject[:1].upper() + subject[1:]
    structured = header.subject_prefixed or bool(header.doc_type)
    recipients, recipients_conf = tuple(body.recipients), body.recipients_confidence
    if not recipients:  # a Kế hoạch names no Kính gửi: those who act are in its Nơi nhận
        recipients = tuple(d for d in footer.distribution if not _FOR_RECORD.search(fold(d)))
        recipients_conf = 0.6 if recipients else 0.0
    request = body.request
    signer, signer_conf = footer.signer, footer.signer_confidence
    if not (signer.name or signer.title) and meta.meta.get("signer"):
        signer, signer_conf = Signer(name=meta.meta["signer"]), METADATA_CONFIDENCE
    return {
        "kind": Field(kind, kind_conf),
        "issuer": Field(issuer, issuer_conf if issuer else 0.0),
        "issuer_parent": Field(parent, issuer_conf if parent else 0.0),
        "number": Field(header.number, header.symbol_confidence if header.number else 0.0),
        "code": Field(header.code, header.symbol_confidence),
        "date": Field(header.date, _date_confidence(header)),
        "place": Field(header.place, 0.9 if header.place else 0.0),
        "subject": Field(subject, (0.9 if structured else 0.75) if subject else 0.0),
        "recipients": Field(recipients, recipients_conf),
        "implements": Field(tuple(body.implements), 0.8 if body.implements else 0.0),
        "groups": Field(tuple(body.groups), 0.7 if body.groups else 0.0),
        "tasks": Field(tuple(body.tasks), body.tasks_confidence),
        "report_request": Field(request.sentence, 0.7 if request.sentence else 0.0),
        "report_deadline": Field(request.deadline, 0.8 if request.deadline else 0.0),
        "report_to": Field(request.to, 0.7 if request.to else 0.0),
        "report_via": Field(request.via, 0.7 if request.via else 0.0),
        "report_periods": Field(request.periods, 0.7 if request.periods else 0.0),
        "signer": Field(signer, signer_conf),
        "distribution": Field(tuple(footer.distribution), 0.8 if footer.distribution else 0.0),
    }


# Nơi nhận lines kept for the record, not for action: "Như trên", "Lưu: VT", "UBND tỉnh (b/c)".
_FOR_RECORD = re.compile(r"^(nhu (tren|dieu)|luu\b)|b/c|bao cao\)")
# Metadata of a portal copy is structured but not the document itself: never shown as certain.
METADATA_CONFIDENCE = 0.8


def _fill_from_metadata(header: Header, preamble: Preamble) -> None:
    """Number, ký hiệu and date from a portal's metadata when the letterhead did not give them."""
    symbol = preamble.meta.get("symbol", "")
    if not header.code and symbol and read_symbol(header, symbol):
        header.symbol_confidence = METADATA_CONFIDENCE
    if header.date is None and preamble.date:
        header.date, header.date_confidence = preamble.date, METADATA_CONFIDENCE


FUTURE_CONFIDENCE = 0.4  # a directive the clerk holds cannot be dated later: a misread year


def _date_confidence(header: Header) -> float:
    if header.date and header.date > date.today():
        return min(header.date_confidence, FUTURE_CONFIDENCE)
    return header.date_confidence


def _with_level(issuer: str, level: str) -> str:
    """ "Ban Tuyên giáo" + "Tỉnh ủy"; a header that already printed it ("BAN TUYÊN GIÁO TỈNH ỦY")
    keeps one, in its usual case."""
    if level and fold(issuer).endswith(" " + fold(level)):
        issuer = issuer[: len(issuer) - len(level)]
    return f"{issuer.rstrip()} {level}".strip()


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
    parts = parse_lines(text)
    fields = build_fields(parts)
    return ParsedDirective(fields, text, source, method, doc_type=parts.header.doc_type)
