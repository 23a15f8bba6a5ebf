"""Which tasks of a directive concern the reporting agency (shown first in the window).

A directive addresses groups ("Các cơ quan thông tin, báo chí của tỉnh") whose members are agency
names as the issuer wrote them ("Đài Phát thanh – Truyền hình Thái Nguyên"). The clerk's profile
names the agency in its own words, so names are compared as sets of folded words, not as strings.
"""

from __future__ import annotations

import re

from assistant.core.model import AddresseeGroup, AgencyProfile, Directive, Task
from assistant.core.vntext import fold

# Words that differ between two spellings of the same agency name without changing it.
_FILLER = {"va", "cua", "tinh", "thanh", "pho"}
# Short forms issuers use for the same agencies.
_SHORT = {"pt": ("phat", "thanh"), "th": ("truyen", "hinh"), "ubnd": ("uy", "ban", "nhan", "dan")}


def _words(name: str) -> set[str]:
    words: list[str] = []
    for word in re.findall(r"[a-z0-9]+", fold(name)):
        words += _SHORT.get(word, (word,))
    return {w for w in words if w not in _FILLER}


def _same_agency(member: str, name: str) -> bool:
    """Every word of the member's name is in the agency's name, or the other way round."""
    a, b = _words(member), _words(name)
    return bool(a and b) and (a <= b or b <= a)


def _named_member(group: AddresseeGroup, profile: AgencyProfile) -> str:
    """The member of ``group`` that is this agency, by its name or one of its aliases; or ""."""
    names = (profile.name, *profile.aliases)
    return next((m for m in group.members if any(_same_agency(m, n) for n in names)), "")


def my_groups(directive: Directive, profile: AgencyProfile | None) -> set[str]:
    """Ids of the directive's groups the agency belongs to: declared in the profile, or by name."""
    if profile is None:
        return set()
    found = {g.id for g in directive.groups if g.id in profile.groups}
    found |= {g.id for g in directive.groups if _named_member(g, profile)}
    return found


def why_mine(directive: Directive, profile: AgencyProfile | None, task: Task) -> str:
    """Why ``task`` is shown as the agency's own (or not), in Vietnamese, for the clerk to check."""
    groups = my_groups(directive, profile)
    if not groups:
        return "Chưa xác định được cơ quan bạn thuộc nhóm nào của công văn: mọi nhiệm vụ coi là của bạn."
    if not task.groups:
        return "Nhiệm vụ giao cho tất cả các nơi nhận."
    labels = {g.id: g for g in directive.groups}
    for group_id in task.groups:
        group = labels.get(group_id)
        if group is None or group_id not in groups:
            continue
        if profile and group_id in profile.groups:
            return f"Giao cho «{group.label}»: cơ quan bạn đã khai báo thuộc nhóm này."
        return f"Giao cho «{group.label}»: trong đó có «{_named_member(group, profile)}»."
    names = ", ".join(f"«{labels[g].label}»" for g in task.groups if g in labels)
    return f"Giao cho {names or 'nơi khác'}: không phải nhóm của cơ quan bạn."


def split_tasks(
    directive: Directive, profile: AgencyProfile | None
) -> tuple[list[Task], list[Task]]:
    """(tasks for this agency, tasks for others). When the agency is not found among the
    addressees, every task is treated as its own: hiding work it may owe is worse."""
    groups = my_groups(directive, profile)
    if not groups:
        return list(directive.tasks), []
    mine = directive.tasks_for(groups)
    return mine, [t for t in directive.tasks if t not in mine]
