"""The tasks of a directive: numbered items and dash bullets, the addressees they name, and
the catalogue kind of each, guessed from folded keywords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.core.catalogue import TASK_KINDS
from assistant.core.model import AddresseeGroup, Task
from assistant.importer.vitext import ITEM, TRAIL, fold, slug, squash

_ADDRESSEE = re.compile(
    r"^(cac |ban |hoi |uy ban|ubnd|so |bao |dai |tap chi|trung tam|co quan|phong |van phong|"
    r"huyen|thanh uy|dang uy|doan |mat tran|thuong truc|cong an|bo chi huy)"
)
_VERBS = re.compile(
    r"\b(chi dao|phat huy|tang cuong|thuc hien|day manh|tiep tuc|chu dong|phoi hop|to chuc|"
    r"trien khai|quan triet|tham muu|theo doi|huong dan|kiem tra|can doi|nang cao|xay dung|"
    r"bao dam|dam bao|khan truong|chiu trach nhiem|co trach nhiem|nghien cuu|ra soat)\b"
)
_CLOSING = re.compile(
    r"^(giao |de nghi cac (dong chi|co quan|don vi)|tren day|can cu cac noi dung|kem theo|"
    r"noi nhan|yeu cau cac)|la nhiem vu quan trong|\./\.?$"
)

# Specific kinds, tried in order: one keyword decides ("tỷ lệ", "874", "kiểm duyệt").
_SPECIFIC: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("content_ratio", r"\bti le\b|\bty le\b|15\s*%"),
        ("code_of_conduct", r"quy tac ung xu|\b874\b"),
        ("censorship", r"kiem duyet|bien tap"),
        ("audience_survey", r"khao sat"),
        ("short_video", r"(video|clip)( clip)? ngan"),  # "video clip" alone: one medium of many
        ("professional_training", r"boi duong|dao duc nghe nghiep|trinh do chuyen mon"),
    )
)
# Broad kinds: their words appear in most tasks, so the one named most often wins.
_BROAD: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("network_management", r"xu ly|thong tin xau|quan ly .{0,20}mang|thong tin sai"),
        ("policy_communication", r"truyen thong chinh sach|chu truong|ke hoach so|muc tieu"),
        ("digital_content", r"nen tang so|mang xa hoi|dang tai|chia se|chuyen trang|chuyen muc"),
    )
)


def task_kind(text: str) -> str:
    folded = fold(text)
    for key, pattern in _SPECIFIC:
        if pattern.search(folded):
            return key
    count, key = max(((len(p.findall(folded)), k) for k, p in _BROAD), key=lambda s: s[0])
    return key if count else "generic"


def task_title(kind: str, text: str) -> str:
    """The catalogue title, or for a generic task the first clause of its text."""
    if kind != "generic":
        return TASK_KINDS[kind].title
    clause = re.split(r"[;:.]\s", text, maxsplit=1)[0]
    return clause if len(clause) <= 90 else clause[:90].rsplit(" ", 1)[0] + "…"


@dataclass
class _Reading:
    """The tasks and addressee groups read from a body, with the confidence of the reading."""

    tasks: list[Task] = field(default_factory=list)
    groups: list[AddresseeGroup] = field(default_factory=list)
    confidence: float = 0.0


def read_tasks(
    paras: list[str], intro: list[str]
) -> tuple[list[Task], list[AddresseeGroup], float]:
    """Tasks from the paragraphs from the first list item on (``intro``: those before it).

    Numbered items are the tasks, except an item that only names an addressee ("1. Các sở, ban,
    ngành…"): then the dash bullets (or the one paragraph) under it are its tasks. Without
    numbers, dash bullets are the tasks. Plain paragraphs continue the last task until a closing
    paragraph ("Giao …", "Đề nghị các đồng chí …", a report request).
    """
    body = _Reading()
    numbered = any(ITEM.match(p).group("num") for p in paras if ITEM.match(p))
    group: AddresseeGroup | None = None
    under_heading = False  # inside a numbered item that only names an addressee
    closed = False
    for index, para in enumerate(paras):
        match = ITEM.match(para)
        folded = fold(para)
        if match and match.group("num"):
            text = para[match.end() :]
            group, under_heading = _addressee(text)
            # An item with nothing under it is a one-line task ("2. Các nội dung chính …?").
            under_heading = under_heading and _has_children(paras[index + 1 : index + 2])
            if group and group not in body.groups:
                body.groups.append(group)
            closed = False
            if not under_heading:
                _add_task(body, match.group("num"), text, group)
        elif match and (under_heading or not numbered):
            _add_task(body, "-", para[match.end() :], group)
        elif _CLOSING.search(folded) or ("bao cao" in folded and body.tasks):
            closed = True
        elif under_heading and not _has_task(body, group):
            _add_task(body, "-", para, group)  # a heading followed by one plain paragraph
        elif body.tasks and not closed:
            _extend_last(body, para)
    body.confidence = 0.9 if body.tasks else 0.0
    if not body.tasks:
        _fallback_task(body, intro)
    return body.tasks, body.groups, body.confidence


def _has_children(following: list[str]) -> bool:
    nxt = ITEM.match(following[0]) if following else None
    return (
        bool(following)
        and not (nxt and nxt.group("num"))
        and not _CLOSING.search(fold(following[0]))
    )


def _has_task(body: _Reading, group: AddresseeGroup | None) -> bool:
    return group is not None and any(group.id in t.groups for t in body.tasks)


def _addressee(text: str) -> tuple[AddresseeGroup | None, bool]:
    """The addressee an item starts with, and whether the item is only that heading."""
    folded = fold(text)
    if not _ADDRESSEE.match(folded):
        return None, False
    # "các tổ chức" is a noun: a verb right after a determiner does not end the addressee.
    verb = next(
        (
            m
            for m in _VERBS.finditer(folded)
            if not re.search(r"(cac|nhung|cua) $", folded[: m.start()])
        ),
        None,
    )
    label = text[: verb.start()] if verb else text
    colon = label.find(":")
    if colon > 0:  # "Sở Thông tin và Truyền thông: chủ trì …" (Tổ chức thực hiện)
        return _group(label[:colon]), False
    return _group(label), verb is None


def _group(label: str) -> AddresseeGroup | None:
    label = label.strip().rstrip(TRAIL)
    if not label or len(label) > 160:
        return None
    return AddresseeGroup(slug(label, "_")[:48].strip("_"), label)


def _add_task(body: _Reading, label: str, text: str, group: AddresseeGroup | None) -> None:
    text = squash(text)
    kind = task_kind(text)
    body.tasks.append(
        Task(
            id=f"t{len(body.tasks) + 1}",
            label=label,
            text=text,
            kind=kind,
            groups=(group.id,) if group else (),
            title=task_title(kind, text),
        )
    )


def _extend_last(body: _Reading, para: str) -> None:
    last = body.tasks[-1]
    text = f"{last.text}\n{squash(para)}"
    kind = task_kind(text)
    body.tasks[-1] = Task(last.id, last.label, text, kind, last.groups, task_title(kind, text))


def _fallback_task(body: _Reading, intro: list[str]) -> None:
    """No numbered or dashed items: the sentence that asks for work is the only task."""
    for para in intro:
        if re.search(r"\b(de nghi|yeu cau)\b", fold(para)):
            _add_task(body, "", para, None)
            body.confidence = 0.3
            return
