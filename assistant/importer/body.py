"""The body of a directive: Kính gửi, the directive it implements, tasks, and the report request."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.core.model import AddresseeGroup, DocumentRef, Task
from assistant.importer.header import find_kinh_gui
from assistant.importer.request import ReportRequest, read_request
from assistant.importer.tasks import read_tasks
from assistant.importer.vitext import ITEM, TRAIL, fold, is_upper_text, paragraphs, squash

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
# Roman-numbered sections of a Kế hoạch, Hướng dẫn or Chỉ thị, by what their heading says (folded).
# Aims, funding and background are not work to report on; "Tổ chức thực hiện" names who does what.
_SECTION = re.compile(r"^(?P<num>[IVX]{1,5})(?:(?P<dot>\s*[.)/-])\s*|\s+)(?P<title>\S.*)$")
_NOT_TASKS = re.compile(
    r"^(muc dich|yeu cau|muc tieu(?!.*nhiem vu)|kinh phi|can cu|co so|su can thiet|quan diem|"
    r"tinh hinh|ket qua|danh gia)"
)


@dataclass
class Body:
    """What the importer reads from a directive's body: recipients, what it implements, tasks."""

    recipients: list[str] = field(default_factory=list)
    recipients_confidence: float = 0.0
    implements: list[DocumentRef] = field(default_factory=list)
    groups: list[AddresseeGroup] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    tasks_confidence: float = 0.0
    request: ReportRequest = field(default_factory=ReportRequest)


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


def parse_body(lines: list[str], start: int, end: int, directive_date: date | None) -> Body:
    body = Body()
    kinh_gui = find_kinh_gui(lines[start:end], end - start)
    if kinh_gui is not None:
        body.recipients, start = parse_recipients(lines, start + kinh_gui)
        body.recipients_confidence = 0.9 if body.recipients else 0.0
    paras = paragraphs(lines[start:end], ITEM)
    body.implements = _implements(paras)
    work = _work_paragraphs(paras)
    first_item = next((i for i, p in enumerate(work) if ITEM.match(p)), len(work))
    body.tasks, body.groups, body.tasks_confidence = read_tasks(
        work[first_item:], work[:first_item]
    )
    body.request = read_request(paras[first_item:] or paras, directive_date)
    return body


def _work_paragraphs(paras: list[str]) -> list[str]:
    """Paragraphs that give work: without Roman sections all of them; with sections, those of
    every section but the aims, the funding and the background (each item there is no task).
    """
    if not any(_section(p) for p in paras):
        return paras
    work: list[str] = []
    keep = False
    for para in paras:
        section = _section(para)
        if section:
            keep = not _NOT_TASKS.match(fold(section["title"]).strip())
        elif keep:
            work.append(para)
    return work


def _section(para: str) -> re.Match[str] | None:
    """A Roman-numbered heading; OCR may drop its dot ("II NỘI DUNG"), then it is all capitals."""
    match = _SECTION.match(para)
    return match if match and (match["dot"] or is_upper_text(match["title"])) else None


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
