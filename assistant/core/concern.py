"""Which tasks of a directive concern the reporting agency (shown first in the window).

A directive addresses groups ("Các cơ quan thông tin, báo chí của tỉnh") whose members are agency
names as the issuer wrote them ("Đài Phát thanh – Truyền hình Thái Nguyên"). The clerk's profile
names the agency in its own words, so names are compared as sets of folded words, not as strings.
"""

from __future__ import annotations

import re

from assistant.core.model import AgencyProfile, Directive, Task
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


def my_groups(directive: Directive, profile: AgencyProfile | None) -> set[str]:
    """Ids of the directive's groups the agency belongs to: declared in the profile, or by name."""
    if profile is None:
        return set()
    found = {g.id for g in directive.groups if g.id in profile.groups}
    found |= {
        g.id for g in directive.groups if any(_same_agency(m, profile.name) for m in g.members)
    }
    return found


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
