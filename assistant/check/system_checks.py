"""One system per document: the title and the signing prefixes must be those of the issuer's.

A state body writes under the Quốc hiệu, a Party body under "ĐẢNG CỘNG SẢN VIỆT NAM" (spec §1).
These checks judge by the title the document really shows, not by the profile it is checked
against, so a forced ``--format`` does not turn a right document wrong.
"""

from __future__ import annotations

import re

from assistant.check.agencies import PARTY, STATE, decide
from assistant.check.context import Context
from assistant.check.docx_model import Paragraph
from assistant.check.elements import HEADER_FALLBACK, is_title, squeeze
from assistant.check.findings import FORMAT, Finding
from assistant.core.formats import HD36, ND30, SIGNATURE_PREFIXES, Element

STATE_SOURCE = "NĐ 30/2020/NĐ-CP, Điều 8 khoản 1 và Phụ lục I"
STATE_SIGNING_SOURCE = "NĐ 30/2020/NĐ-CP, Điều 13 và Phụ lục I, mục II.7"

# What the issuer's system asks for, keyed by that system: (finding id, rule, message).
TITLE_RULES = {
    STATE: (
        "system.party_title_on_state_body",
        f"văn bản của cơ quan, đơn vị nhà nước có Quốc hiệu «{ND30.national_title}» "
        f"và Tiêu ngữ «{ND30.motto}»",
        "{who} là cơ quan, đơn vị nhà nước: văn bản phải có Quốc hiệu và Tiêu ngữ, "
        f"không dùng tiêu đề «{HD36.national_title}».",
    ),
    PARTY: (
        "system.state_title_on_party_body",
        f"văn bản của cấp ủy, tổ chức đảng có tiêu đề «{HD36.national_title}», "
        "không có Quốc hiệu và Tiêu ngữ",
        f"{{who}} là cơ quan, tổ chức của Đảng: văn bản phải có tiêu đề «{HD36.national_title}», "
        "không dùng Quốc hiệu và Tiêu ngữ.",
    ),
}
_STATE_MARKS = "«" + "», «".join(state for state, _ in SIGNATURE_PREFIXES) + "»"
_PARTY_MARKS = "«" + "», «".join(party for _, party in SIGNATURE_PREFIXES) + "»"
SIGNING_MESSAGES = {
    STATE: f"Văn bản nhà nước ghi quyền hạn ký {_STATE_MARKS}, không ghi {_PARTY_MARKS}.",
    PARTY: f"Văn bản của Đảng ghi quyền hạn ký {_PARTY_MARKS}, không ghi {_STATE_MARKS}.",
}


def _shown(p: Paragraph) -> str:
    """The text as printed: a run formatted as capitals shows capitals."""
    if any(r.caps for r in p.runs):
        return squeeze("".join(r.text.upper() if r.caps else r.text for r in p.runs))
    return squeeze(p.text)


def _header(ctx: Context) -> list[Paragraph]:
    paras = ctx.model.paragraphs
    doc_type = ctx.located.one(Element.DOC_TYPE)
    end = next((i for i, p in enumerate(paras) if p is doc_type), HEADER_FALLBACK)
    return paras[:end]


def document_system(ctx: Context) -> tuple[str, Paragraph] | None:
    """The system whose title the header shows, and that title; None for neither or both."""
    found = {}
    for p in _header(ctx):
        for system, fmt in ((PARTY, HD36), (STATE, ND30)):
            if system not in found and is_title(p, fmt):
                found[system] = p
    return next(iter(found.items())) if len(found) == 1 else None


def _name_lines(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The leading lines written in capitals, as agency names are in both layouts; a line in
    lower case is something else the locator took (a "Kính gửi", a form's field)."""
    out = []
    for p in paragraphs:
        text = _shown(p)
        if not any(c.isalpha() for c in text) or text != text.upper():
            break
        out.append(p)
    return out


def check_system(ctx: Context) -> list[Finding]:
    shown = document_system(ctx)
    if shown is None:
        return []
    system, title = shown
    issuer = _name_lines(ctx.located.at.get(Element.ISSUER, []))
    parent = _name_lines(ctx.located.at.get(Element.PARENT_BODY, [])[:1])
    issuer_name = " ".join(_shown(p) for p in issuer)
    parent_name = " ".join(_shown(p) for p in parent)
    decided = decide(issuer_name, parent_name)
    if decided is None or decided[0] == system:
        return []
    agency_system, name = decided
    who = f"«{name}»"
    if name != issuer_name and issuer_name:  # "BÁO KIÊN GIANG": its parent told the system
        who = f"«{issuer_name}», trực thuộc «{name}»,"
    finding_id, rule, message = TITLE_RULES[agency_system]
    source = STATE_SOURCE if agency_system == STATE else _party_source(ctx)
    return [
        ctx.finding(
            finding_id,
            FORMAT,
            [title, *parent, *issuer],
            f"«{_shown(title)}» trên văn bản của «{issuer_name or name}»",
            rule,
            message.format(who=who),
            rule_source=source,
        )
    ]


def _party_source(ctx: Context) -> str:
    return ctx.fmt.citation if ctx.fmt.party else HD36.citation


def _prefix(mark: str) -> re.Pattern:
    """The prefix as clerks type it: "KT." also as "KT"; "K/T" also as "K / T"."""
    letters = [re.escape(c) for c in mark.rstrip(".") if c != "/"]
    joiner = r"\s*/\s*" if "/" in mark else r"\s*"
    return re.compile("^" + joiner.join(letters) + r"(?:\s*\.|\s)")


_MARKS = {
    PARTY: [(_prefix(state), state, party) for state, party in SIGNATURE_PREFIXES],
    STATE: [(_prefix(party), party, state) for state, party in SIGNATURE_PREFIXES],
}


def check_signing_prefix(ctx: Context) -> list[Finding]:
    """The other system's prefix: "KT." in a Party document, "K/T" in a state one."""
    shown, line = document_system(ctx), ctx.located.one(Element.SIGNER_AUTHORITY)
    if shown is None or line is None:
        return []
    system, text = shown[0], _shown(line).upper()
    for pattern, wrong, right in _MARKS[system]:
        if pattern.match(text):
            return [
                ctx.finding(
                    "signer_authority.system",
                    Element.SIGNER_AUTHORITY,
                    [line],
                    text,
                    f"«{right}» thay cho «{wrong}»",
                    SIGNING_MESSAGES[system],
                    rule_source=STATE_SIGNING_SOURCE if system == STATE else _party_source(ctx),
                )
            ]
    return []
