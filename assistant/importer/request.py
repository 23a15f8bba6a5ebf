"""The report a directive asks for (directive-layouts.md §4): to whom, through which unit, by when.

"báo cáo kết quả về Sở Thông tin và Truyền thông (qua Phòng Thông tin – Báo chí – Xuất bản) trước
ngày 15/12/2026" gives ``to``, ``via`` and a one-off ``deadline``; "định kỳ hằng quý (trước ngày 20
của tháng cuối quý)" or "báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12)" give one
:class:`PeriodRule` per period; "đột xuất khi có yêu cầu" gives neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.core.request import MONTHS_IN, Periodicity, PeriodRule
from assistant.importer.vitext import fold, squash

# Words naming a period, folded, longest first so "6 thang" wins over "thang".
_PERIOD_WORDS = (
    (r"(?:hang|moi) quy|quy", Periodicity.QUARTERLY),
    (r"6 thang|sau thang|nua nam", Periodicity.HALF_YEARLY),
    (r"(?:hang|moi) nam|ca nam|tong ket nam|nam", Periodicity.YEARLY),
    (r"(?:hang|moi) thang", Periodicity.MONTHLY),
)
_DAY = r"(?:truoc|cham nhat(?: la)?(?: ngay)?|trong)\s*(?:ngay\s*)?(?P<d>\d{1,2})"
# "(trước ngày 20 của tháng cuối quý)", ", trước ngày 05 của tháng sau", "trước ngày 25 hằng tháng"
_RELATIVE = re.compile(
    _DAY + r"\s*(?:cua\s+)?(?P<rel>thang cuoi (?:quy|ky|nam)|thang (?:dau )?(?:quy |ky )?sau"
    r"|thang dau (?:quy|ky|nam) sau|hang thang|cua thang)?"
)
# A day and month: "trước ngày 15/6", "trước ngày 15 tháng 12 năm 2026"
_DAY_MONTH = re.compile(
    _DAY + r"\s*(?:[/.-]|thang)\s*(?P<m>\d{1,2})(?:\s*(?:[/.-]|nam)\s*(?P<y>\d{4}))?"
)
_PERIODIC = re.compile(
    r"(?:dinh ky\s*,?\s*)?(?:bao cao\s+)?\b(?P<p>" + "|".join(p for p, _ in _PERIOD_WORDS) + r")\b"
    r"\s*[(,]?\s*(?P<rule>(?:truoc|cham nhat)[^)]*?)(?:\)|[.;]|$|\s+(?:va|bao cao)\b)"
)
_REPORT = re.compile(r"\bbao cao\b")
# The addressee: "về Sở …", "cho Ban …", "gửi Ủy ban …", up to the "(qua …)" or the deadline.
_TO = re.compile(
    r"\b(?:ve|cho|gui|len)\s+(?=(?:ban|so|bo|uy ban|ubnd|van phong|phong|tinh uy|huyen uy|"
    r"thanh uy|dang uy|trung tam|cuc|thuong truc)\b)"
)
_TO_END = re.compile(r"\s*(?:\(|[.;,]|$)|\s+(?:truoc|cham nhat|trong|dinh ky|de|theo|hang)\b")
_VIA = re.compile(r"\(\s*qua\s+(?P<via>[^)]+)\)")


@dataclass(frozen=True)
class ReportRequest:
    """What a directive asks back: to whom, through whom, by when, how often."""

    sentence: str = ""
    to: str = ""
    via: str = ""
    deadline: date | None = None
    periods: tuple[PeriodRule, ...] = ()


def read_request(paras: list[str], directive_date: date | None) -> ReportRequest:
    """The last paragraph that asks for a report, read into its parts."""
    for para in reversed(paras):
        folded = fold(para)
        where = next((m.start() for m in _REPORT.finditer(folded) if _asks(folded, m.end())), -1)
        if where < 0:
            continue
        start = max(folded.rfind(";", 0, where), folded.rfind(". ", 0, where)) + 1
        sentence = squash(para[start:])
        periods, spans = _periods(fold(sentence))
        clean = fold(sentence)
        for a, b in spans:  # a periodic rule's dates are not a one-off deadline
            clean = clean[:a] + " " * (b - a) + clean[b:]
        to, via = _addressee(sentence, fold(sentence))
        return ReportRequest(sentence, to, via, _deadline(clean, directive_date), periods)
    return ReportRequest()


def _asks(folded: str, end: int) -> bool:
    """ "báo cáo số 12" cites a report; "báo cáo kết quả …" asks for one."""
    return not re.match(r"\s*(so|cua)\b", folded[end:])


def _periods(folded: str) -> tuple[tuple[PeriodRule, ...], list[tuple[int, int]]]:
    rules: list[PeriodRule] = []
    spans = []
    for match in _PERIODIC.finditer(folded):
        periodicity = next(p for pattern, p in _PERIOD_WORDS if re.fullmatch(pattern, match["p"]))
        rule = _rule(periodicity, match["rule"])
        if rule and rule not in rules:
            rules.append(rule)
            spans.append(match.span())
    return tuple(rules), spans


def _rule(periodicity: Periodicity, text: str) -> PeriodRule | None:
    """ "trước ngày 20 của tháng cuối quý" → day 20, offset 0; "trước ngày 15/6" for 6 tháng → 0."""
    dated = _DAY_MONTH.match(text)
    if dated:
        last = MONTHS_IN[periodicity]  # the first period's last month
        return PeriodRule(periodicity, int(dated["d"]), (int(dated["m"]) - last) % 12)
    relative = _RELATIVE.match(text)
    if not relative:
        return None
    offset = 1 if relative["rel"] and relative["rel"].endswith("sau") else 0
    return PeriodRule(periodicity, int(relative["d"]), offset)


def _deadline(folded: str, directive_date: date | None) -> date | None:
    """A one-off deadline; without a year, the directive's, or the next when already past."""
    match = _DAY_MONTH.search(folded)
    if not match:
        return None
    year = int(match["y"]) if match["y"] else directive_date.year if directive_date else None
    if year is None:
        return None
    try:
        found = date(year, int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    if not match["y"] and directive_date and found < directive_date:
        found = found.replace(year=year + 1)
    return found


def _addressee(sentence: str, folded: str) -> tuple[str, str]:
    report = _REPORT.search(folded)
    to = _TO.search(folded, report.end() if report else 0)
    if not to:
        return "", ""
    end = _TO_END.search(folded, to.end())
    name = sentence[to.end() : end.start() if end else len(sentence)].strip()
    via = _VIA.search(sentence, to.end())
    return name, squash(via["via"]).rstrip(" .,;") if via else ""
