"""The domain: directives that come in, the agency that answers, and the report it sends back.

Vietnamese terms kept where English has no exact word:

* công văn — an official letter; here the incoming *directive* that asks for work and a report.
* báo cáo — the *report* the agency sends back.
* trích yếu — the one-line summary of a document's subject, printed under its type name.
* ký hiệu — the symbol after a document's number ("CV/BTGTU", "STTTT-TTBCXB").
* Nơi nhận — the distribution list printed at the bottom left of a document.
* cơ quan chủ quản — the body directly above the issuing agency ("parent").

Everything here is plain data: no Qt, no docx, no SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from assistant.core.request import PeriodRule


class BodyKind(StrEnum):
    """Whether a body is a Party body (HD36 layout) or a state body (NĐ30 layout)."""

    PARTY = "party"
    STATE = "state"


class TaskStatus(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"
    NOT_APPLICABLE = "not_applicable"
    NOT_REPORTED = "not_reported"  # the clerk leaves this task out of the report, on purpose


STATUS_LABELS_VI = {
    TaskStatus.DONE: "Đã thực hiện",
    TaskStatus.PARTLY: "Thực hiện một phần",
    TaskStatus.NOT_DONE: "Chưa thực hiện",
    TaskStatus.NOT_APPLICABLE: "Không thuộc phạm vi của cơ quan",
    TaskStatus.NOT_REPORTED: "Không đưa vào báo cáo",
}


@dataclass(frozen=True)
class Signer:
    """Who signs, as the signature block prints it (NĐ30 Điều 13; HD36 Phụ lục 3):

    ``collective`` — "TM. ỦY BAN NHÂN DÂN" / "T/M BAN THƯỜNG VỤ" when a collective body signs;
    ``authority`` — "KT. CHỦ TỊCH", "K/T TRƯỞNG BAN", "TL. GIÁM ĐỐC" when signing for the head;
    then ``title`` ("PHÓ CHỦ TỊCH") and ``name``. Prefixes follow the format's system when printed.
    """

    authority: str = ""
    title: str = ""
    name: str = ""
    collective: str = ""


@dataclass(frozen=True)
class DocumentRef:
    """A cited document, e.g. Công văn 7944-CV/BTGTW of 11/3/2024 by Ban Tuyên giáo Trung ương."""

    kind: str  # "Công văn", "Kế hoạch", "Quyết định" …
    symbol: str | None  # full number and ký hiệu; None when unreadable
    date: date | None = None
    issuer: str = ""
    subject: str = ""


@dataclass(frozen=True)
class AddresseeGroup:
    """Recipients that a directive addresses together, and the tasks it gives them."""

    id: str
    label: str  # "Các cơ quan thông tin, báo chí của tỉnh"
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """One numbered item (or dash bullet) of a directive, mapped to a kind of the catalogue."""

    id: str  # stable within its directive: "t1", "t2" …
    label: str  # as printed: "1", "2", "-"
    text: str
    kind: str  # a key of core.catalogue.TASK_KINDS
    groups: tuple[str, ...] = ()  # AddresseeGroup ids; empty means every recipient
    title: str = ""  # short Vietnamese name of the task for checklists and report headings


@dataclass(frozen=True)
class Directive:
    """An incoming công văn, restored to correct Vietnamese.

    ``number`` is None when the source hides it (an OCR copy); ``code`` is the ký hiệu after the
    number, so the full symbol is derived, never stored twice.
    """

    id: str
    kind: BodyKind
    issuer: str  # "Ban Tuyên giáo Tỉnh ủy"
    issuer_parent: str  # "Tỉnh ủy Thái Nguyên"
    number: str | None
    code: str  # "CV/BTGTU" (Party) or "STTTT-TTBCXB" (state)
    date: date | None
    place: str
    subject: str
    recipients: tuple[str, ...]
    groups: tuple[AddresseeGroup, ...]
    tasks: tuple[Task, ...]
    report_to: str  # whom the report goes back to
    signer: Signer
    text: str
    implements: tuple[DocumentRef, ...] = ()
    report_request: str = ""  # the sentence that asks for the report, as the directive words it
    report_via: str = ""  # the unit the report goes through: "Phòng Thông tin – Báo chí – Xuất bản"
    report_deadline: date | None = None  # a one-off report's deadline
    report_periods: tuple[PeriodRule, ...] = ()  # periodic reports, each with its deadline rule
    distribution: tuple[str, ...] = ()  # its own Nơi nhận
    source: str = ""  # where it came from (seed file name, imported file)

    @property
    def symbol(self) -> str:
        """Full symbol as the issuer writes it: "3270-CV/BTGTU" or "830/STTTT-TTBCXB"."""
        number = self.number or "…"
        separator = "-" if self.kind is BodyKind.PARTY else "/"
        return f"{number}{separator}{self.code}"

    def tasks_for(self, group_ids: set[str]) -> list[Task]:
        """Tasks addressed to any of ``group_ids``, or to everybody."""
        return [t for t in self.tasks if not t.groups or group_ids.intersection(t.groups)]

    def task(self, task_id: str) -> Task:
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(task_id)


@dataclass(frozen=True)
class AgencyProfile:
    """The agency that writes the report.

    ``symbol`` is its ký hiệu abbreviation ("PTTH", "BTGHU"); ``drafting_unit`` goes into the last
    Nơi nhận line ("Lưu: VT, TKBT."); ``place`` is the place name of the date line.
    ``format`` overrides the layout chosen from ``kind`` (nd30 for state, hd36 for Party).
    ``groups`` are the addressee groups of directives this agency belongs to (for "my tasks first").
    ``short_name`` is how the report names the agency after the first mention ("Đài", "Báo",
    "Ủy ban nhân dân huyện", "Ban Thường vụ Huyện ủy"); the full name when empty.
    """

    name: str
    kind: BodyKind
    symbol: str
    place: str
    signer: Signer
    parent: str = ""
    drafting_unit: str = ""
    format: str | None = None
    groups: tuple[str, ...] = ()
    short_name: str = ""
    aliases: tuple[str, ...] = ()  # other names directives use for this agency ("Đài PT-TH tỉnh")

    @property
    def self_name(self) -> str:
        return self.short_name or self.name

    @property
    def format_id(self) -> str:
        if self.format:
            return self.format
        return "hd36" if self.kind is BodyKind.PARTY else "nd30"


@dataclass(frozen=True)
class Period:
    """The period a report covers; ``label`` wins when the clerk typed one ("quý II năm 2024")."""

    start: date | None = None
    end: date | None = None
    label: str = ""


@dataclass(frozen=True)
class TaskAnswer:
    """What the agency did about one task: status, narrative, and figures for structured kinds."""

    status: TaskStatus = TaskStatus.DONE
    notes: str = ""
    figures: object | None = None  # a figures dataclass of core.figures, by the task's kind


@dataclass(frozen=True)
class PreviousPeriod:
    """The report of the period just before, as far as a comparison needs it: its period and the
    figures of each task (by task id, the same directive's)."""

    period: Period
    figures: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Report:
    """Everything needed to write one báo cáo; rendering it twice gives the same document."""

    directive: Directive
    profile: AgencyProfile
    date: date
    answers: dict[str, TaskAnswer] = field(default_factory=dict)
    period: Period = Period()
    number: int | None = None  # outgoing number; None prints "Số:    /BC-…"
    format_id: str | None = None  # per-report override of the profile's format
    # The clerk confirmed a format of the other system (a state body in the Party layout, or
    # the reverse); without it such a report is refused.
    format_confirmed: bool = False
    implementation: str = ""  # section I: leadership, briefing, plans
    strengths: str = ""
    difficulties: str = ""
    next_steps: str = ""
    proposals: str = ""
    extra_recipients: tuple[str, ...] = ()
    appendix_figures: bool = False  # a «Phụ lục số liệu» table of the figures after the report
    compare_previous: bool = False  # each figure compared with the previous period's, when given
    previous: PreviousPeriod | None = None  # that period's report, found by the caller

    @property
    def effective_format(self) -> str:
        return self.format_id or self.profile.format_id
