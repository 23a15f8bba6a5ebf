"""The kinds of administrative document and which layout elements each one has, as data.

The checker recognises a document's kind from its tên loại (or, for a công văn, from the trích
yếu under its Số) and applies that kind's rules only. Sources:

* state: NĐ 30/2020/NĐ-CP, Phụ lục III — the list of kinds and their ký hiệu (mục I); Mẫu 1.2–1.3
  (Quyết định: căn cứ, "QUYẾT ĐỊNH:", Điều 1), 1.4 (văn bản có tên loại: tên loại + trích yếu),
  1.5 (Công văn: "V/v" trích yếu under the Số, "Kính gửi"), 1.7 (Giấy mời), 1.8 (Giấy giới thiệu,
  no trích yếu), 1.9 (Biên bản), 1.10 (Giấy nghỉ phép, no trích yếu).
* Party: HD 36-HD/VPTW, Phụ lục 3 (spec/formatting.md §5): the same named kinds plus Kết luận,
  Thông tri; a Party công văn's trích yếu under the Số is 12 pt italic with no "V/v"; "Kính gửi"
  only in a công văn.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.core.formats import Case, Element, FormatProfile, Range, TextRule, exactly


class KinhGui(StrEnum):
    """What a kind does with the "Kính gửi" line."""

    EXPECTED = "expected"  # its absence is worth a warning (công văn; báo cáo to a higher body)
    ALLOWED = "allowed"  # neither its presence nor its absence says anything
    NOT_USED = "not_used"  # its presence is worth a warning (a Party báo cáo)


@dataclass(frozen=True)
class BodyMark:
    """A line a kind's body must hold: "Căn cứ …", "QUYẾT ĐỊNH:", "Điều 1."."""

    pattern: str  # a regular expression matched at the start of a body line
    label: str  # Vietnamese, for the finding


@dataclass(frozen=True)
class DocKind:
    """A kind of document (NĐ30 Phụ lục III, HD36): its title, ký hiệu, template and body lines."""

    id: str  # "cong_van", "quyet_dinh", …
    name: str  # Vietnamese: "Công văn", "Quyết định"
    title: str  # the tên loại as printed, "" for a công văn (it has none)
    symbol: str  # ký hiệu in the Số: "QĐ"; "" for a state công văn
    template: str  # where its layout is drawn: "NĐ 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.4"
    has_subject: bool = True  # Giấy giới thiệu, Giấy nghỉ phép have no trích yếu
    kinh_gui: KinhGui = KinhGui.ALLOWED
    body_marks: tuple[BodyMark, ...] = ()

    @property
    def subject_under_number(self) -> bool:
        """A công văn carries its trích yếu under the Số ("V/v …"), not under a tên loại."""
        return not self.title

    def elements(self, fmt: FormatProfile) -> tuple[Element, ...]:
        """The elements a document of this kind must show (the signer's name is asked for
        where a signature table is found)."""
        own = [Element.DOC_TYPE] if self.title else []
        if self.has_subject:
            own.append(Element.SUBJECT)
        return common_elements(fmt, tuple(own))


def common_elements(fmt: FormatProfile, own: tuple[Element, ...] = ()) -> tuple[Element, ...]:
    """The elements every administrative document shows, with a kind's ``own`` ones in place."""
    header = [Element.NATIONAL_TITLE, Element.ISSUER, Element.NUMBER, Element.PLACE_DATE]
    if fmt.motto:
        header.insert(1, Element.MOTTO)
    return (*header, *own, Element.BODY, Element.RECIPIENTS_LABEL)


_STATE = "NĐ 30/2020/NĐ-CP, Phụ lục III"
_PARTY = "HD 36-HD/VPTW, Phụ lục 3"

QUYET_DINH_MARKS = (
    BodyMark(r"Căn\s+cứ\b", "các dòng «Căn cứ …»"),
    BodyMark(r"QUYẾT\s+ĐỊNH\s*:", "dòng «QUYẾT ĐỊNH:»"),
    BodyMark(r"Điều\s+1\b", "«Điều 1.»"),
)
NGHI_QUYET_MARKS = (BodyMark(r"Căn\s+cứ\b", "các dòng «Căn cứ …»"),)


def _named(
    kind_id: str, name: str, symbol: str, template: str, **extra
) -> tuple[str, str, str, str, str, dict]:
    return (kind_id, name, name.upper(), symbol, template, extra)


# (id, name, tên loại, state symbol, template, extras). The Party list is the same kinds with
# Party symbols where HD36 has them.
_NAMED = (
    _named("nghi_quyet", "Nghị quyết", "NQ", "Mẫu 1.1", body_marks=NGHI_QUYET_MARKS),
    _named("quyet_dinh", "Quyết định", "QĐ", "Mẫu 1.2", body_marks=QUYET_DINH_MARKS),
    _named("chi_thi", "Chỉ thị", "CT", "Mẫu 1.4"),
    _named("quy_che", "Quy chế", "QC", "Mẫu 1.4"),
    _named("quy_dinh", "Quy định", "QyĐ", "Mẫu 1.4"),
    _named("thong_cao", "Thông cáo", "TC", "Mẫu 1.4"),
    _named("thong_bao", "Thông báo", "TB", "Mẫu 1.4"),
    _named("huong_dan", "Hướng dẫn", "HD", "Mẫu 1.4"),
    _named("chuong_trinh", "Chương trình", "CTr", "Mẫu 1.4"),
    _named("ke_hoach", "Kế hoạch", "KH", "Mẫu 1.4"),
    _named("phuong_an", "Phương án", "PA", "Mẫu 1.4"),
    _named("de_an", "Đề án", "ĐA", "Mẫu 1.4"),
    _named("du_an", "Dự án", "DA", "Mẫu 1.4"),
    _named("bao_cao", "Báo cáo", "BC", "Mẫu 1.4", kinh_gui=KinhGui.EXPECTED),
    _named("bien_ban", "Biên bản", "BB", "Mẫu 1.9"),
    _named("to_trinh", "Tờ trình", "TTr", "Mẫu 1.4", kinh_gui=KinhGui.EXPECTED),
    _named("cong_dien", "Công điện", "CĐ", "Mẫu 1.6"),
    _named("giay_uy_quyen", "Giấy ủy quyền", "GUQ", "Mẫu 1.4"),
    _named("giay_moi", "Giấy mời", "GM", "Mẫu 1.7"),
    _named("giay_gioi_thieu", "Giấy giới thiệu", "GGT", "Mẫu 1.8", has_subject=False),
    _named("giay_nghi_phep", "Giấy nghỉ phép", "GNP", "Mẫu 1.10", has_subject=False),
    _named("phieu_gui", "Phiếu gửi", "PG", "Mẫu 1.4"),
    _named("phieu_chuyen", "Phiếu chuyển", "PC", "Mẫu 1.4"),
    _named("phieu_bao", "Phiếu báo", "PB", "Mẫu 1.4"),
)
# HD36's own kinds beyond the state list.
_PARTY_ONLY = (
    _named("ket_luan", "Kết luận", "KL", ""),
    _named("thong_tri", "Thông tri", "TT", ""),
)
_PARTY_KINDS_OUT = {"thong_cao", "phuong_an", "du_an", "cong_dien", "giay_uy_quyen"}


def _state_kinds() -> tuple[DocKind, ...]:
    named = tuple(
        DocKind(kind_id, name, title, symbol, f"{_STATE}, {template}", **extra)
        for kind_id, name, title, symbol, template, extra in _NAMED
    )
    cong_van = DocKind(
        "cong_van", "Công văn", "", "", f"{_STATE}, Mẫu 1.5", kinh_gui=KinhGui.EXPECTED
    )
    return (*named, cong_van)


def _party_kinds() -> tuple[DocKind, ...]:
    named = tuple(
        DocKind(
            kind_id,
            name,
            title,
            symbol,
            _PARTY,
            # only a Party công văn has "Kính gửi"; the others name them in Nơi nhận (spec §5)
            kinh_gui=KinhGui.NOT_USED,
            **{k: v for k, v in extra.items() if k != "kinh_gui"},
        )
        for kind_id, name, title, symbol, _template, extra in (*_NAMED, *_PARTY_ONLY)
        if kind_id not in _PARTY_KINDS_OUT
    )
    return (*named, DocKind("cong_van", "Công văn", "", "CV", _PARTY, kinh_gui=KinhGui.ALLOWED))


STATE_KINDS = _state_kinds()
PARTY_KINDS = _party_kinds()

# The trích yếu of a công văn, under its Số: NĐ30 Phụ lục I II.5b (12–13 pt, upright, "V/v");
# HD36 (12 pt, italic, no prefix; spec §5.2).
CONG_VAN_SUBJECT = {
    False: TextRule(Range(12, 13, 12), case=Case.UPPER_INITIAL),
    True: TextRule(exactly(12), italic=True),
}


def kinds(fmt: FormatProfile) -> tuple[DocKind, ...]:
    return PARTY_KINDS if fmt.party else STATE_KINDS


def by_id(fmt: FormatProfile, kind_id: str) -> DocKind:
    return next(k for k in kinds(fmt) if k.id == kind_id)


def subject_rule(kind: DocKind, fmt: FormatProfile) -> TextRule:
    """The trích yếu's text rule for this kind in this format."""
    return CONG_VAN_SUBJECT[fmt.party] if kind.subject_under_number else fmt.text[Element.SUBJECT]
