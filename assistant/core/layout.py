"""From a Report to the laid-out text of the document: every line, with the element it is.

``build_layout`` decides *what* each element says (header names, Số, date line, trích yếu, body
blocks with their numbering, Nơi nhận, signature) following the format profile's conventions. The
docx writer then decides only *how it looks*, from the same profile.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from assistant.core import vntext
from assistant.core.catalogue import kind as task_kind
from assistant.core.figure_table import APPENDIX_TITLE, Appendix, appendix_tables, task_changes
from assistant.core.figures import CHECKLIST_874_SENTENCES, NEGATIVE_LIMIT
from assistant.core.formats import Case, Element, FormatProfile, profile
from assistant.core.linebreak import CELL_PADDING_MM, LAYOUT_MAX_LINES, break_lines
from assistant.core.model import STATUS_LABELS_VI, Directive, Period, Report, TaskStatus
from assistant.core.wording import Block, environment, render_blocks

REPORT_TEMPLATE = "report.j2"
DOC_TYPE = "BÁO CÁO"


@dataclass(frozen=True)
class Line:
    """One line of the page: the element it is, and where its words came from."""

    element: Element
    text: str
    typed: bool = False  # the clerk's own words; False: the program's wording of their answers
    source: str = ""  # for the program's wording: what it was built from, told to the clerk


@dataclass(frozen=True)
class ReportLayout:
    """Every line of the report as it will be printed, and the format that sets it."""

    format: FormatProfile
    parent_body: str
    issuer: str
    number: str
    place_date: str
    doc_type: str
    subject: str
    kinh_gui: tuple[str, ...]  # lines; empty for Party reports
    body: tuple[Line, ...]  # BODY, HEADING1 and HEADING2 lines; the last ends with the end mark
    recipients: tuple[str, ...]  # each with its "- " and its punctuation
    signer: tuple[Line, ...]  # authority (if any), title, name
    appendix: Appendix | None = None  # the «Phụ lục số liệu», after the signature

    def plain_text(self) -> str:
        """The document's text, one line per paragraph (for search, previews and comparisons)."""
        head = [
            self.parent_body,
            self.issuer,
            self.number,
            self.format.national_title,
            self.format.motto,
            self.place_date,
            self.doc_type,
            self.subject,
            *self.kinh_gui,
        ]
        lines = [
            *head,
            *(b.text for b in self.body),
            self.format.recipients_label,
            *self.recipients,
            *(s.text for s in self.signer),
            *(self.appendix.lines() if self.appendix else ()),
        ]
        return "\n".join(line for line in lines if line)


def _roman(n: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _apply_case(text: str, case: Case) -> str:
    if case is Case.UPPER:
        return text.upper()
    if case is Case.LOWER_INITIAL:
        return vntext.lower_initial(text)
    if case is Case.UPPER_INITIAL:
        return vntext.upper_initial(text)
    return text


def cite_document(
    fmt: FormatProfile,
    kind: str,
    symbol: str | None,
    when: date | str | None = None,
    issuer: str = "",
) -> str:
    """A cited document in full: "Quyết định số 874/QĐ-BTTTT ngày 17/6/2021 của Bộ Thông tin và
    Truyền thông"; a Party report puts a comma before "ngày". An unknown number is left out, never
    printed as "…": the date and the issuer identify the document."""
    text = f"{kind} số {symbol}" if symbol else kind
    if isinstance(when, str):
        when = date.fromisoformat(when)
    if when:
        text += f"{fmt.citation_separator if symbol else ' '}ngày {vntext.short_date(when)}"
    return f"{text} của {issuer}" if issuer else text


def cite(directive: Directive, fmt: FormatProfile) -> str:
    """The directive's first citation: "Công văn số 3270-CV/BTGTU, ngày 02/4/2024 của …"."""
    symbol = directive.symbol if directive.number else None
    return cite_document(fmt, "Công văn", symbol, directive.date, directive.issuer)


def cite_again(directive: Directive, fmt: FormatProfile) -> str:
    """Later mentions, the first having named it in full: "Công văn số 3270-CV/BTGTU"; by its date
    when the number is unknown ("Công văn ngày 03/8/2021")."""
    if directive.number:
        return f"Công văn số {directive.symbol}"
    return cite_document(fmt, "Công văn", None, directive.date) if directive.date else "Công văn"


def _period_text(period: Period) -> str:
    """How the report names a period: the clerk's label, else its dates."""
    if period.label:
        return period.label
    if period.start and period.end:
        return f"từ ngày {vntext.short_date(period.start)} đến ngày {vntext.short_date(period.end)}"
    return ""


def _task_items(report: Report) -> list[dict]:
    items = []
    for task in report.directive.tasks:
        answer = report.answers.get(task.id)
        if answer is None or answer.status is TaskStatus.NOT_REPORTED:
            continue
        kind = task_kind(task.kind)
        items.append(
            {
                "task": task,
                "title": task.title or kind.title,
                "kind": kind.key if kind.figures else "generic",
                "status": answer.status.value,
                "status_label": STATUS_LABELS_VI[answer.status],
                "notes": answer.notes,
                "figures": answer.figures,
                "changes": task_changes(report, task.id),
            }
        )
    return items


def _context(report: Report, fmt: FormatProfile, tasks: list[dict], appendix: bool) -> dict:
    previous = report.previous.period if report.previous else Period()
    return {
        "report": report,
        "directive": report.directive,
        "profile": report.profile,
        "party": fmt.party,
        "cite": cite(report.directive, fmt),
        "cite_short": cite_again(report.directive, fmt),
        "cite_document": partial(cite_document, fmt),
        "self_name": report.profile.self_name,
        "staff": fmt.staff_term,
        "period": _period_text(report.period),
        "previous_period": _period_text(previous),
        "appendix": appendix,
        "tasks": tasks,
        "limit": NEGATIVE_LIMIT,
        "checklist_874": CHECKLIST_874_SENTENCES,
    }


def _list_item(text: str, last: bool) -> str:
    """A dash item ends with ";", the last of its list with "." (the clerk's own end mark of a
    line, if any, is replaced so that no item ends ";." or "..")."""
    return f"- {text.rstrip(' ;,.')}{'.' if last else ';'}"


INTRO_SOURCE = "số, ngày, cơ quan ban hành và trích yếu của công văn; tên cơ quan; kỳ báo cáo"
CLOSING_SOURCE = "số công văn và tên cơ quan"


def _task_source(title: str) -> str:
    return f"nhiệm vụ «{title}»: tình trạng, số liệu và thông tin bạn nhập"


def _body(blocks: Sequence[Block], fmt: FormatProfile) -> tuple[str, list[Line]]:
    subject, lines = "", []
    h1 = h2 = 0
    source = INTRO_SOURCE  # what the program's wording below was built from
    for i, block in enumerate(blocks):
        if block.tag == "h2":
            source = _task_source(block.text)
        elif block.tag == "closing":
            source = CLOSING_SOURCE
        if block.tag == "subject":
            subject = _apply_case(block.text, fmt.subject_case)
        elif block.tag == "h1":
            h1, h2 = h1 + 1, 0
            label = fmt.heading_numbering.format(label=_roman(h1))
            lines.append(Line(Element.HEADING1, f"{label} {block.text.upper()}"))
        elif block.tag == "h2":
            h2 += 1
            label = fmt.heading_numbering.format(label=h2)
            lines.append(Line(Element.HEADING2, f"{label} {block.text}"))
        elif block.tag == "li":
            last = i + 1 == len(blocks) or blocks[i + 1].tag != "li"
            text = _list_item(block.text, last)
            lines.append(Line(Element.BODY, text, block.typed, "" if block.typed else source))
        elif block.tag == "closing":
            text = block.text.rstrip(" .;,") + fmt.end_mark
            lines.append(Line(Element.BODY, text, source=source))
        else:
            lines.append(Line(Element.BODY, block.text, block.typed, "" if block.typed else source))
    return subject, lines


def _recipients(report: Report, fmt: FormatProfile) -> tuple[str, ...]:
    """Nơi nhận: "Như trên" after a Kính gửi; a Party report names its addressee here instead."""
    names = [fmt.first_recipient] if fmt.uses_kinh_gui else [f"{report.directive.report_to} (b/c)"]
    names += list(report.extra_recipients)
    lines = [f"- {name}{fmt.recipient_separator}" for name in names if name]
    # A Party archive line names a unit; with none given, the agency itself keeps the copy.
    unit = report.profile.drafting_unit or ("" if fmt.uses_kinh_gui else report.profile.name)
    return (*lines, f"- {fmt.archive_line(unit)}")


def _signer(report: Report, fmt: FormatProfile) -> tuple[Line, ...]:
    """Up to two authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") in the format's own
    prefixes, then the title and the name."""
    signer = report.profile.signer
    lines = [
        Line(Element.SIGNER_AUTHORITY, fmt.signature_line(signer.collective)),
        Line(Element.SIGNER_AUTHORITY, fmt.signature_line(signer.authority)),
        Line(Element.SIGNER_TITLE, signer.title.upper()),
        Line(Element.SIGNER_NAME, signer.name),
    ]
    return tuple(line for line in lines if line.text)


# The widths come from Liberation Serif, metric-compatible with Times New Roman; a small margin
# covers rounding in Word's layout, so a line measured to fit never wraps once more there.
FIT_MARGIN_MM = 0.3


def _fit(
    fmt: FormatProfile, text: str, element: Element, width_mm: float, upper: bool = True
) -> str:
    """Broken where a văn thư would break it (``core/linebreak.py``): no line ends inside a name."""
    rule = fmt.rule(element)
    return break_lines(
        vntext.clean(text),
        width_mm - FIT_MARGIN_MM,
        rule.size.default,
        bold=rule.bold,
        upper=upper,
        max_lines=LAYOUT_MAX_LINES,
    )


def _appendix(report: Report, fmt: FormatProfile, tasks: list[dict]) -> Appendix | None:
    """The «Phụ lục số liệu» when asked for and some task gives figures per platform."""
    rule = fmt.appendix
    if not report.appendix_figures or rule is None:
        return None
    shown = [t for t in tasks if t["figures"] is not None and t["status"] != "not_applicable"]
    tables = appendix_tables((t["title"], t["figures"]) for t in shown)
    if not tables:
        return None
    agency = report.profile
    attached = rule.attached_pattern.format(
        doc=DOC_TYPE.capitalize(),
        symbol=fmt.number_symbol(agency.symbol, report.number),
        sep=fmt.citation_separator,
        date=vntext.date_words(report.date).removeprefix("ngày "),
        issuer=agency.name,
    )
    title = _apply_case(APPENDIX_TITLE, rule.title.case)
    return Appendix(rule.label, title, vntext.clean(attached), tables)


def build_layout(report: Report, template_dirs: Sequence[Path] = ()) -> ReportLayout:
    fmt = profile(report.effective_format)
    tasks = _task_items(report)
    appendix = _appendix(report, fmt, tasks)
    context = _context(report, fmt, tasks, appendix is not None)
    blocks = render_blocks(environment(template_dirs), REPORT_TEMPLATE, context)
    subject, body = _body(blocks, fmt)
    agency = report.profile
    kinh_gui = (f"Kính gửi: {report.directive.report_to}.",) if fmt.uses_kinh_gui else ()
    names_mm, signature_mm = (w - 2 * CELL_PADDING_MM for w in fmt.header_columns_mm)
    text_mm = fmt.page_width_mm - fmt.margin_left_mm.default - fmt.margin_right_mm.default
    return ReportLayout(
        format=fmt,
        parent_body=_fit(fmt, agency.parent, Element.PARENT_BODY, names_mm),
        issuer=_fit(fmt, agency.name, Element.ISSUER, names_mm),
        number=fmt.format_number(agency.symbol, report.number),
        place_date=vntext.place_date(agency.place, report.date),
        doc_type=DOC_TYPE,
        subject=_fit(fmt, subject, Element.SUBJECT, text_mm, upper=False),
        kinh_gui=kinh_gui,
        body=tuple(body),
        recipients=tuple(vntext.clean(r) for r in _recipients(report, fmt)),
        signer=tuple(
            Line(s.element, _fit(fmt, s.text, s.element, signature_mm))
            if s.element in (Element.SIGNER_AUTHORITY, Element.SIGNER_TITLE)
            else Line(s.element, vntext.clean(s.text))
            for s in _signer(report, fmt)
        ),
        appendix=appendix,
    )
