"""Kinds of document: each recognised and judged by its own rules; real documents read right."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from assistant.check.checker import check
from assistant.check.docx_model import open_document, read_model
from assistant.check.elements import locate
from assistant.core.formats import ND30, Element
from tests.conftest import SHARED
from tests.faulty_docs import spoil
from tests.kinds_corpus import CORRECT, KIND_FAULTS, make_kind

REALDOCS = SHARED / "realdocs"
NOT_ADMIN = "document.not_administrative"
# Page set-up and leftovers shared by the three unfilled docxtpl templates (Letter paper, 25.4 mm
# top and bottom, 31.7 mm right, "{{ … }}", no page number, Nơi nhận in 13 pt upright, lines
# typed as hyphens under the Tiêu ngữ and the agency name).
TEMPLATE = {
    "page.size",
    "margin.top",
    "margin.bottom",
    "margin.right",
    "template.leftover",
    "page_number.missing",
    "recipients_label.size",
    "recipients_label.bold",
    "recipients_label.italic",
    "recipients_item.size",
    "recipients.archive",
    "motto.rule_missing",
    "issuer.rule_missing",
    "body.justify",
    "body.first_line_indent",
    "body.end_mark",
}
# file: (kind, findings), from reading each file rendered to PNG.
REAL = {
    # a công văn: "V/v {{ trich_yeu }}" under its Số is its trích yếu; no tên loại is asked
    "dth_template_congvan": ("cong_van", TEMPLATE | {"parent_body.bold", "kinh_gui.bold"}),
    # "{{ loai_van_ban }}" stands where the tên loại goes: no kind can be told
    "dth_template_nghidinh30": ("", TEMPLATE | {"kind.unknown"}),
    # "QUYẾT ĐỊNH" ↵ "{{ trich_yeu }}" in one paragraph, no line under the trích yếu
    "dth_template_quyetdinh": ("quyet_dinh", TEMPLATE | {"subject.rule_missing"}),
}
# Petitions, forms, an agreement, guides, an OCR dump: no Số and no Nơi nhận.
NOT_ADMINISTRATIVE = sorted(p.stem for p in REALDOCS.glob("*.docx") if p.stem not in REAL)


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_templates_are_read_as_their_kind(name) -> None:
    kind, wanted = REAL[name]
    result = check(REALDOCS / f"{name}.docx")
    assert result.kind == kind
    assert result.ids() == wanted


def test_every_real_document_is_expected() -> None:
    assert len(NOT_ADMINISTRATIVE) + len(REAL) == 19


@pytest.mark.parametrize("name", NOT_ADMINISTRATIVE)
def test_real_documents_that_are_no_administrative_document_get_one_finding(name) -> None:
    result = check(REALDOCS / f"{name}.docx")
    assert [f.id for f in result.findings] == [NOT_ADMIN]


def _located(name: str):
    return locate(read_model(open_document(REALDOCS / f"{name}.docx")), ND30)


def test_the_cong_van_template_elements_are_the_right_lines() -> None:
    at = _located("dth_template_congvan").at
    texts = {e: [p.text for p in ps] for e, ps in at.items()}
    assert texts[Element.NUMBER] == ["Số: {{ so_ky_hieu }}"]
    assert texts[Element.SUBJECT] == ["V/v {{ trich_yeu }}"]
    assert texts[Element.PARENT_BODY] == ["{{ co_quan }}"]
    assert texts[Element.ISSUER] == ["{{ don_vi_soan_thao }}"]
    assert texts[Element.PLACE_DATE][0].startswith("{{ dia_danh }}, ngày")
    assert texts[Element.KINH_GUI] == ["Kính gửi: {{ don_vi_nhan }}."]
    assert Element.DOC_TYPE not in at
    assert texts[Element.RECIPIENTS_ITEM][-1] == "- Lưu: {{ noi_luu }}."
    # "2. Về việc cử cán bộ …: …" goes on after its colon: a numbered paragraph, no heading
    assert not any(t.startswith("2. Về việc") for t in texts.get(Element.HEADING2, []))


def test_the_quyet_dinh_template_title_and_subject_share_a_paragraph() -> None:
    at = _located("dth_template_quyetdinh").at
    assert [p.text for p in at[Element.DOC_TYPE]] == ["QUYẾT ĐỊNH"]
    assert [p.text for p in at[Element.SUBJECT]] == ["{{ trich_yeu }}"]


@pytest.mark.parametrize(
    "name", ["mvb_don_khoi_kien", "mvb_thoa_thuan_tai_san", "mha_04_Don_dang_ky_thuong_tru"]
)
def test_a_phone_number_or_an_opening_date_is_no_header_element(name) -> None:
    """ "Số điện thoại:", "Hôm nay, ngày …, tại …" and "Kính gửi" lines name no element."""
    located = _located(name)
    assert not located.administrative and located.at == {}


# -- the kinds corpus -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("kinds")
    return {(fmt, kind): make_kind(folder, fmt, kind) for fmt, kind in CORRECT}


@pytest.mark.parametrize(("fmt", "kind"), CORRECT, ids=[f"{k}-{f}" for f, k in CORRECT])
def test_each_kind_is_recognised_and_passes(corpus, fmt, kind) -> None:
    result = check(corpus[fmt, kind])
    assert (result.format_id, result.kind) == (fmt, kind)
    assert result.findings == []


@pytest.mark.parametrize(
    ("name", "fmt", "kind", "fault", "wanted"), KIND_FAULTS, ids=[f[0] for f in KIND_FAULTS]
)
def test_each_kind_fault_is_caught(corpus, tmp_path, name, fmt, kind, fault, wanted) -> None:
    result = check(spoil(corpus[fmt, kind], tmp_path / f"{name}.docx", fault))
    assert result.kind == kind
    assert result.ids() == {wanted}


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_each_kind_resaved_by_libreoffice_passes(corpus, tmp_path) -> None:
    sources = [corpus[key] for key in CORRECT]
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(tmp_path),
            *map(str, sources),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for (fmt, kind), source in zip(CORRECT, sources, strict=True):
        result = check(tmp_path / source.name)
        assert (result.kind, result.errors) == (kind, []), (fmt, kind, result.ids())
