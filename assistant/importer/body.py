"""The body of a directive: Kính gửi, the directive it implements, tasks, and the report request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.core.model import AddresseeGroup, DocumentRef, Task
from assistant.importer.header import find_kinh_gui
from assistant.importer.tasks import read_tasks
from assistant.importer.vitext import ITEM, TRAIL, fold, paragraphs, squash

_REF_KINDS = (
    "cong van|ke hoach|chi thi|quyet dinh|huong dan|thong bao|nghi quyet|cong dien|thong tu|"
    "chuong trinh"
)
_IMPLEMENTS = re.compile(
    rf"(?:thuc hien|can cu\S*|theo)\s+(?P<kind>{_REF_KINDS})\s+so\s*"
    r"(?P<sym>[^\s,;]+(?:\s*/\s*[^\s,;]+)?)\s*,?\s*"
    r"(?:ngay\s*(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<y>\d{4}))?\s*,?\s*"
    r"(?:cua\s+(?P<issuer>.+?))?(?:\s+ve\s+(?:viec\s+)?(?P<subject>[^;]+?))?\s*(?:[;:]|\.(?:\s|$))"
)
_DEADLINE = re.compile(
    r"truoc ngay\s*(?P<d>\d{1,2})\s*(?:[/-]|thang)\s*(?P<m>\d{1,2})"
    r"(?:\s*(?:[/-]|nam)\s*(?P<y>\d{4}))?"
)
_REPORT_TO = re.compile(
    r"\b(?:ve|cho|gui)\s+(?P<to>(?:ban|so|uy ban|ubnd|van phong|phong|tinh uy)\b)"
)


@dataclass
class Body:
    recipients: list[str] = field(default_factory=list)
    recipients_confidence: float = 0.0
    implements: list[DocumentRef] = field(default_factory=list)
    groups: list[AddresseeGroup] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    tasks_confidence: float = 0.0
    report_request: str = ""
    report_deadline: date | None = None
    report_to: str = ""


def strip_item(text: str) -> str:
    """ "- Báo Thái Nguyên," → "Báo Thái Nguyên"; a dangling OCR ")" goes too."""
    text = ITEM.sub("", squash(text).replace(" — ", " - ")).rstrip(TRAIL)  # OCR's long dash
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(TRAIL)
    return text


def parse_recipients(lines: list[str], start: int) -> tuple[list[str], int]:
    """Items after "Kính gửi:" and the index of the first line after them."""
    first = re.sub(r"^\W{0,2}\S+\s*g\S{0,4}\s*:?\s*", "", lines[start].strip(), count=1)
    items = [first] if first else []
    i = start + 1
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        is_item = bool(ITEM.match(line)) and not ITEM.match(line).group("num")
        wraps = items and (line[:1].islower() or items[-1][-1:] not in ",;.:") and len(line) < 60
        if is_item:
            items.append(line)
        elif wraps:
            items[-1] += " " + line
        else:
            break
        i += 1
    return [r for r in (strip_item(item) for item in items) if r], i


def parse_body(lines: list[str], start: int, end: int, directive_year: int | None) -> Body:
    body = Body()
    kinh_gui = find_kinh_gui(lines[start:end], end - start)
    if kinh_gui is not None:
        body.recipients, start = parse_recipients(lines, start + kinh_gui)
        body.recipients_confidence = 0.9 if body.recipients else 0.0
    paras = paragraphs(lines[start:end], ITEM)
    body.implements = _implements(paras)
    first_item = next((i for i, p in enumerate(paras) if ITEM.match(p)), len(paras))
    body.tasks, body.groups, body.tasks_confidence = read_tasks(
        paras[first_item:], paras[:first_item]
    )
    _read_report(body, paras[first_item:] or paras, directive_year)
    return body


def _implements(paras: list[str]) -> list[DocumentRef]:
    for para in paras:
        match = _IMPLEMENTS.search(fold(para))
        if match:
            return [_document_ref(para, match)]
    return []


def _document_ref(para: str, match: re.Match[str]) -> DocumentRef:
    def cut(name: str) -> str:
        return squash(para[match.start(name) : match.end(name)]) if match.group(name) else ""

    when = None
    if match.group("y"):
        try:
            when = date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        except ValueError:
            when = None
    kind = cut("kind")
    return DocumentRef(
        kind=kind[:1].upper() + kind[1:],
        symbol=re.sub(r"\s+", "", cut("sym")).rstrip(",.") or None,
        date=when,
        issuer=cut("issuer").rstrip(","),
        subject=cut("subject").rstrip(" ,."),
    )


def _read_report(body: Body, paras: list[str], year: int | None) -> None:
    for para in reversed(paras):
        folded = fold(para)
        where = folded.find("bao cao")
        if where < 0 or re.search(r"bao cao so\b", folded):
            continue
        start = max(folded.rfind(";", 0, where), folded.rfind(". ", 0, where))
        request = squash(para[start + 1 :])
        sentence = re.match(r".*?[.!?](?=\s|$)", request)  # drop what OCR smeared after it
        body.report_request = sentence.group(0) if sentence else request
        _read_deadline(body, folded, year)
        to = _REPORT_TO.search(folded, where)
        if to:
            tail = para[to.start("to") :]
            body.report_to = re.split(r"\s*[(.;,]|\s+(?:trước|chậm nhất|trong)\s", tail)[0].strip()
        return


def _read_deadline(body: Body, folded: str, year: int | None) -> None:
    match = _DEADLINE.search(folded)
    if not match:
        return
    the_year = int(match.group("y")) if match.group("y") else year
    if the_year is None:
        return
    try:
        body.report_deadline = date(the_year, int(match.group("m")), int(match.group("d")))
    except ValueError:
        body.report_deadline = None
