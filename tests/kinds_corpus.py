"""Documents of each kind, made from our writer's report, and one fault of each.

A report becomes a Kế hoạch, Tờ trình, Thông báo or Quyết định by its tên loại and ký hiệu (and,
for a Quyết định, its căn cứ, "QUYẾT ĐỊNH:" and articles); a công văn by losing its tên loại and
carrying its trích yếu under the Số (NĐ30 Phụ lục III, Mẫu 1.2, 1.4, 1.5).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from tests.faulty_docs import first_body, make_report, para, remove, set_text

SYMBOL = {"ke_hoach": "KH", "to_trinh": "TTr", "thong_bao": "TB", "quyet_dinh": "QĐ"}
TITLE = {
    "ke_hoach": "KẾ HOẠCH",
    "to_trinh": "TỜ TRÌNH",
    "thong_bao": "THÔNG BÁO",
    "quyet_dinh": "QUYẾT ĐỊNH",
}
AGENCY_SYMBOL = {"nd30": "PTTH", "hd36": "BTGHU"}


def _number(doc, fmt: str, symbol: str) -> None:
    text = f"Số: 05/{symbol}-PTTH" if fmt == "nd30" else f"Số 15-{symbol}/BTGHU"
    set_text(para(doc, "Số"), text)


def _after(p, text: str) -> Paragraph:
    """A copy of ``p`` (same formatting) right after it, holding ``text``."""
    new = Paragraph(copy.deepcopy(p._p), p._parent)
    p._p.addnext(new._p)
    set_text(new, text)
    return new


def named(kind: str) -> Callable:
    def edit(doc, fmt: str) -> None:
        set_text(para(doc, "BÁO CÁO"), TITLE[kind])
        _number(doc, fmt, SYMBOL[kind])
        if kind == "quyet_dinh":
            body = first_body(doc)
            heading = para(doc, "I. ")
            set_text(body, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
            _after(body, "Điều 1. Ban hành kế hoạch kèm theo Quyết định này.")
            decides = _after(heading, "QUYẾT ĐỊNH:")  # capitals: formatted as a bold heading
            body._p.addnext(decides._p)

    return edit


def cong_van(doc, fmt: str) -> None:
    """No tên loại: the trích yếu goes under the Số, in the Số's cell."""
    subject = para(doc, "Kết quả thực hiện" if fmt == "nd30" else "kết quả thực hiện")
    rule = subject._p.getnext()
    remove(para(doc, "BÁO CÁO"))
    remove(subject)
    rule.getparent().remove(rule)
    number = para(doc, "Số")
    set_text(number, "Số: 05/PTTH-TKBT" if fmt == "nd30" else "Số 15-CV/BTGHU")
    under = _after(number, "V/v báo cáo kết quả thực hiện" if fmt == "nd30" else "về kết quả")
    for run in under.runs:
        run.font.size = Pt(12)
        run.font.italic = fmt == "hd36"


KINDS = {"cong_van": cong_van, **{k: named(k) for k in TITLE}, "bao_cao": lambda doc, fmt: None}


def make_kind(folder: Path, fmt: str, kind: str) -> Path:
    source = make_report(folder, fmt, name=f"source-{fmt}")
    doc = Document(str(source))
    KINDS[kind](doc, fmt)
    out = folder / f"{kind}-{fmt}.docx"
    doc.save(str(out))
    return out


# -- one fault each ---------------------------------------------------------------------------
def subject_bold(doc) -> None:
    for run in para(doc, "V/v").runs:
        run.font.bold = True


def party_subject_upright(doc) -> None:
    for run in para(doc, "về kết quả").runs:
        run.font.italic = False


def no_legal_basis(doc) -> None:
    set_text(para(doc, "Căn cứ"), "Theo đề nghị của Trưởng phòng Tổ chức.")


def no_article_one(doc) -> None:
    set_text(para(doc, "Điều 1."), "Ban hành kế hoạch kèm theo Quyết định này.")


def title_not_bold(doc) -> None:
    for run in para(doc, "KẾ HOẠCH").runs:
        run.font.bold = False


def title_small(doc) -> None:
    for run in para(doc, "KẾ HOẠCH").runs:
        run.font.size = Pt(13)


def no_kinh_gui(doc) -> None:
    remove(para(doc, "Kính gửi"))


def notice_subject_plain(doc) -> None:
    for run in para(doc, "Kết quả thực hiện").runs:
        run.font.bold = False


def month_padded(doc) -> None:
    set_text(para(doc, "Thái Nguyên, ngày"), "Thái Nguyên, ngày 28 tháng 06 năm 2024")


def wrong_symbol(doc) -> None:
    set_text(para(doc, "Số"), "Số 15-BC/BTGHU")


# (name, format, kind, fault, the finding it must produce)
KIND_FAULTS = [
    ("cong_van_subject_bold", "nd30", "cong_van", subject_bold, "subject.bold"),
    ("party_cong_van_upright", "hd36", "cong_van", party_subject_upright, "subject.italic"),
    ("quyet_dinh_no_basis", "nd30", "quyet_dinh", no_legal_basis, "kind.body_part_missing"),
    ("party_quyet_dinh_no_article", "hd36", "quyet_dinh", no_article_one, "kind.body_part_missing"),
    ("ke_hoach_title_plain", "nd30", "ke_hoach", title_not_bold, "doc_type.bold"),
    ("party_ke_hoach_title_13", "hd36", "ke_hoach", title_small, "doc_type.size"),
    ("to_trinh_no_kinh_gui", "nd30", "to_trinh", no_kinh_gui, "kinh_gui.missing"),
    ("thong_bao_subject_plain", "nd30", "thong_bao", notice_subject_plain, "subject.bold"),
    ("bao_cao_month_padded", "nd30", "bao_cao", month_padded, "date.month_padding"),
    ("party_thong_bao_symbol", "hd36", "thong_bao", wrong_symbol, "number.kind_symbol"),
]
CORRECT = [
    (fmt, kind)
    for fmt in ("nd30", "hd36")
    for kind in ("cong_van", "quyet_dinh", "ke_hoach", "to_trinh", "thong_bao", "bao_cao")
]
