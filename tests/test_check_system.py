"""One system per document, and citations left with a blank, on real generated reports.

The wrong-system reports are written by our own writer after the clerk confirmed the other
system's format (``format_confirmed``), as a clerk can; the checker must still name the fault.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from assistant.check import system_checks
from assistant.check.agencies import PARTY, STATE, system_of
from assistant.check.checker import check
from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.generate import generate
from tests import factories
from tests.conftest import REPO, SHARED
from tests.faulty_docs import first_body, flatten_tables, para, set_text, spoil
from tests.faulty_docs import make_report as make

PARTY_TITLE_ON_STATE = "system.party_title_on_state_body"
STATE_TITLE_ON_PARTY = "system.state_title_on_party_body"
SIGNING = "signer_authority.system"
PLACEHOLDER = "citation.placeholder"
NEW_CHECKS = ("check_system", "check_signing_prefix", "check_citation_placeholders")
PROFILES = {"state": factories.STATE_PROFILE, "party": factories.PARTY_PROFILE}


def new_findings(result) -> set[str]:
    """The ids these checks give, and a crash of one of them."""
    ids = {f.id for f in result.findings if f.id.startswith(("system.", SIGNING, "citation."))}
    crashed = {f.where for f in result.findings if f.id == "check.internal"}
    return ids | {f"crash:{step}" for step in crashed & set(NEW_CHECKS)}


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("systems")
    return {
        (body, fmt): make(
            folder,
            fmt,
            name=f"{body}-{fmt}",
            profile=copy.deepcopy(PROFILES[body]),
            format_confirmed=True,
        )
        for body in PROFILES
        for fmt in ("nd30", "hd36")
    }


# -- the agency's system, from its name -----------------------------------------------------------
NAMES = [
    ("ỦY BAN NHÂN DÂN HUYỆN PHÚ LƯƠNG", STATE),
    ("ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH THÁI NGUYÊN", STATE),
    ("UBND TỈNH THÁI NGUYÊN", STATE),
    ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", STATE),
    ("BỘ NỘI VỤ", STATE),
    ("VĂN PHÒNG UBND TỈNH", STATE),
    ("TRUNG TÂM VĂN HÓA, THỂ THAO VÀ TRUYỀN THÔNG HUYỆN ĐỊNH HÓA", STATE),
    ("Ủy ban nhân dân huyện Phú Lương", STATE),
    ("HUYỆN ỦY ĐỊNH HÓA", PARTY),
    ("HUYỆN UỶ ĐỊNH HOÁ", PARTY),  # the older placing of the tone mark
    ("BAN TUYÊN GIÁO TỈNH ỦY", PARTY),
    ("ỦY BAN KIỂM TRA HUYỆN ỦY ĐỊNH HÓA", PARTY),
    ("ỦY BAN KIỂM TRA TRUNG ƯƠNG", PARTY),
    ("ĐẢNG ỦY SỞ NỘI VỤ", PARTY),
    ("ĐẢNG BỘ TỈNH THÁI NGUYÊN", PARTY),
    ("CHI BỘ TRƯỜNG THCS PHÚ LƯƠNG", PARTY),
    ("VĂN PHÒNG HUYỆN ỦY", PARTY),
    ("BAN CÁN SỰ ĐẢNG UBND TỈNH", PARTY),
    ("BỘ CHÍNH TRỊ", PARTY),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG", PARTY),
    # either system, or neither: no verdict
    ("BÁO KIÊN GIANG", None),
    ("TRUNG TÂM CHÍNH TRỊ HUYỆN ĐỊNH HÓA", None),
    ("CÔNG ĐOÀN SỞ Y TẾ", None),
    ("ỦY BAN KIỂM TRA CÔNG ĐOÀN NGÀNH Y TẾ", None),
    ("BAN CHẤP HÀNH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH", None),
    ("ỦY BAN MTTQ VIỆT NAM HUYỆN ĐỊNH HÓA", None),
    ("VĂN PHÒNG", None),
]


@pytest.mark.parametrize(("name", "system"), NAMES, ids=[n for n, _ in NAMES])
def test_the_system_of_a_name(name, system) -> None:
    assert system_of(name) == system


# -- the title against the issuer ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "fmt", "wanted", "source", "name"),
    [
        ("state", "hd36", PARTY_TITLE_ON_STATE, "NĐ 30/2020/NĐ-CP, Điều 8", "ĐÀI PHÁT THANH"),
        ("party", "nd30", STATE_TITLE_ON_PARTY, "HD 36-HD/VPTW", "BAN TUYÊN GIÁO"),
    ],
)
def test_a_body_in_the_other_systems_format_is_named(reports, body, fmt, wanted, source, name):
    result = check(reports[body, fmt])
    assert new_findings(result) == {wanted}
    finding = next(f for f in result.findings if f.id == wanted)
    assert finding.severity == "error" and finding.label == "Thể thức"
    assert finding.expected.startswith(source)
    assert name in finding.message and name in finding.found
    assert finding.where.startswith("bảng tiêu đề, hàng 1, cột phải, dòng 1")


@pytest.mark.parametrize(("body", "fmt"), [("state", "nd30"), ("party", "hd36")])
def test_a_body_in_its_own_format_passes(reports, body, fmt) -> None:
    assert check(reports[body, fmt]).findings == []


@pytest.mark.parametrize(("body", "fmt"), [("state", "nd30"), ("party", "hd36")])
def test_a_forced_format_does_not_make_a_right_document_wrong(reports, body, fmt) -> None:
    other = "hd36" if fmt == "nd30" else "nd30"
    assert new_findings(check(reports[body, fmt], other)) == set()


def test_a_forced_format_still_names_the_wrong_title(reports) -> None:
    assert new_findings(check(reports["state", "hd36"], "hd36")) == {PARTY_TITLE_ON_STATE}
    assert new_findings(check(reports["state", "hd36"], "nd30")) == {PARTY_TITLE_ON_STATE}


def test_without_layout_tables_the_wrong_title_is_still_named(reports, tmp_path) -> None:
    path = spoil(reports["party", "nd30"], tmp_path / "flat.docx", flatten_tables)
    assert new_findings(check(path)) == {STATE_TITLE_ON_PARTY}


def _agency(parent: str, issuer: str, old_issuer: str, old_parent: str):
    def edit(doc) -> None:
        set_text(para(doc, old_issuer), issuer)
        set_text(para(doc, old_parent), parent)

    return edit


# (name, report, parent line, issuer line, the finding or None)
HEADERS = [
    ("ubnd_under_party", "party-hd36", "", "ỦY BAN NHÂN DÂN HUYỆN PHÚ LƯƠNG", PARTY_TITLE_ON_STATE),
    ("huyen_uy_under_state", "state-nd30", "", "HUYỆN ỦY ĐỊNH HÓA", STATE_TITLE_ON_PARTY),
    ("old_tone_marks", "state-nd30", "ĐẢNG BỘ TỈNH", "HUYỆN UỶ ĐỊNH HOÁ", STATE_TITLE_ON_PARTY),
    ("ubkt_is_party", "party-hd36", "ĐẢNG BỘ HUYỆN ĐỊNH HÓA", "ỦY BAN KIỂM TRA HUYỆN ỦY", None),
    ("party_paper_by_parent", "state-nd30", "ĐẢNG BỘ TỈNH", "BÁO KIÊN GIANG", STATE_TITLE_ON_PARTY),
    ("state_paper_by_parent", "state-nd30", "UBND TỈNH KIÊN GIANG", "BÁO KIÊN GIANG", None),
    ("issuer_decides", "party-hd36", "UBND TỈNH THÁI NGUYÊN", "ĐẢNG ỦY CƠ QUAN", None),
    ("unknown_body", "party-hd36", "", "HỘI NHÀ BÁO TỈNH THÁI NGUYÊN", None),
    ("lower_case_line", "party-hd36", "", "Kính gửi: Ủy ban nhân dân tỉnh", None),
]


@pytest.mark.parametrize(
    ("name", "report", "parent", "issuer", "wanted"), HEADERS, ids=[h[0] for h in HEADERS]
)
def test_the_issuer_decides_then_its_parent(
    reports, tmp_path, name, report, parent, issuer, wanted
):
    body, fmt = report.split("-")
    old_issuer, old_parent = ("ĐÀI PHÁT", "UBND") if body == "state" else ("BAN TUYÊN", "ĐẢNG BỘ")
    edit = _agency(parent, issuer, old_issuer, old_parent)
    result = check(spoil(reports[body, fmt], tmp_path / f"{name}.docx", edit))
    assert new_findings(result) == ({wanted} if wanted else set())


# -- signing prefixes -------------------------------------------------------------------------
SIGNING_CASES = [
    ("party-hd36", "K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN", SIGNING),
    ("party-hd36", "K/T TRƯỞNG BAN", "TM. BAN THƯỜNG VỤ", SIGNING),
    ("party-hd36", "K/T TRƯỞNG BAN", "KT TRƯỞNG BAN", SIGNING),
    ("party-hd36", "K/T TRƯỞNG BAN", "T/M BAN THƯỜNG VỤ", None),
    ("state-nd30", "KT. GIÁM ĐỐC", "K/T GIÁM ĐỐC", SIGNING),
    ("state-nd30", "KT. GIÁM ĐỐC", "T/L GIÁM ĐỐC", SIGNING),
    ("state-nd30", "KT. GIÁM ĐỐC", "TL. GIÁM ĐỐC", None),
]


@pytest.mark.parametrize(("report", "old", "new", "wanted"), SIGNING_CASES)
def test_signing_prefixes_of_the_other_system(reports, tmp_path, report, old, new, wanted) -> None:
    def edit(doc) -> None:
        set_text(para(doc, old), new)

    body, fmt = report.split("-")
    result = check(spoil(reports[body, fmt], tmp_path / "signing.docx", edit))
    assert new_findings(result) == ({wanted} if wanted else set())
    if wanted:
        finding = next(f for f in result.findings if f.id == wanted)
        assert finding.found == new and finding.where.startswith("bảng chữ ký")


# -- citations with a blank ---------------------------------------------------------------------
OPENING = "Thực hiện {} của Tỉnh ủy Kiên Giang, Đài báo cáo kết quả như sau:"
BLANKS = [
    "Công văn số …-CV/TU ngày 03/8/2021",
    "Công văn số ... ngày 03/8/2021",
    "Công văn số …, ngày 03/8/2021",
    "Công văn số -CV/TU ngày 03/8/2021",
    "Kế hoạch …/KH-UBND ngày 02/4/2024",
    "Công văn số 3270-CV/BTGTU ngày …/…/2024",
    "Công văn số 3270-CV/BTGTU, ngày … tháng 4 năm 2024",
]
WRITTEN = [
    "Công văn số 3270-CV/BTGTU, ngày 02/4/2024",
    "Công văn ngày 03/8/2021",  # the number unknown: left out, as our writer does
    "Quyết định số 874/QĐ-BTTTT ngày 17/6/2021 (Facebook, TikTok, Zalo…)",
    "Công văn số 3270-CV/BTGTU; đơn vị cập nhật tin hằng ngày...",
]


def _first_body(text: str):
    def edit(doc) -> None:
        set_text(first_body(doc), OPENING.format(text))

    return edit


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
@pytest.mark.parametrize("cited", BLANKS)
def test_a_blank_in_a_citation_is_named(reports, tmp_path, fmt, cited) -> None:
    body = "state" if fmt == "nd30" else "party"
    result = check(spoil(reports[body, fmt], tmp_path / "blank.docx", _first_body(cited)))
    assert new_findings(result) == {PLACEHOLDER}
    finding = next(f for f in result.findings if f.id == PLACEHOLDER)
    assert finding.severity == "error" and finding.where.startswith("đoạn ")
    assert finding.found.startswith("«Thực hiện ") and "chỗ trống" in finding.found
    assert "số, ký hiệu" in finding.message and finding.expected.startswith("NĐ 30/2020")


@pytest.mark.parametrize("cited", WRITTEN)
def test_a_written_citation_passes(reports, tmp_path, cited) -> None:
    result = check(spoil(reports["state", "nd30"], tmp_path / "cited.docx", _first_body(cited)))
    assert new_findings(result) == set()


def test_a_blank_in_the_subject_is_named(reports, tmp_path) -> None:
    def edit(doc) -> None:
        set_text(para(doc, "kết quả thực hiện"), "kết quả thực hiện Công văn số …-CV/TU")

    result = check(spoil(reports["party", "hd36"], tmp_path / "subject.docx", edit))
    assert new_findings(result) == {PLACEHOLDER}


# -- a broken check stays alone -------------------------------------------------------------------
def test_a_failing_system_check_does_not_stop_the_others(reports, monkeypatch) -> None:
    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(system_checks, "decide", broken)
    result = check(reports["state", "hd36"])
    assert [f.where for f in result.findings if f.id == "check.internal"] == ["check_system"]
    assert PARTY_TITLE_ON_STATE not in result.ids()


# -- the bundled examples and real documents --------------------------------------------------
EXAMPLES = sorted((REPO / "resources" / "answers").glob("*.json"))


@pytest.mark.parametrize("swapped", [False, True], ids=["own_format", "other_format"])
@pytest.mark.parametrize("answers_file", EXAMPLES, ids=lambda p: p.stem)
def test_the_example_answers(tmp_path, answers_file, swapped) -> None:
    data = json.loads(answers_file.read_text(encoding="utf-8"))
    party = data["profile"]["kind"] == "party"
    fmt = None
    if swapped:
        data["format_confirmed"] = True
        fmt = "nd30" if party else "hd36"
    directive = DirectiveLibrary().get(data["directive"])
    report = answers_to_report(data, directive, format_id=fmt, today=date(2024, 7, 1))
    generate(report, tmp_path / "report.docx")
    found = new_findings(check(tmp_path / "report.docx"))
    if not swapped:
        assert found == set()
    else:
        assert found == {STATE_TITLE_ON_PARTY if party else PARTY_TITLE_ON_STATE}


REALDOCS = sorted((SHARED / "realdocs").glob("*.docx"))


@pytest.mark.skipif(not REALDOCS, reason="../shared/realdocs is absent")
@pytest.mark.parametrize("fmt", [None, "hd36"])
@pytest.mark.parametrize("path", REALDOCS or [None], ids=lambda p: p.stem if p else "none")
def test_real_documents_give_no_system_finding(path, fmt) -> None:
    """None of these is a Party document (verdicts.md): those with a title carry the Quốc hiệu,
    the state title their issuer (if any) calls for, and a forced format changes nothing."""
    try:
        result = check(path, fmt)
    except UserError:
        pytest.fail(f"{path.name} could not be read")
    assert new_findings(result) == set()
