"""Generated reports, re-opened and checked element by element against spec/formatting.md §2–5.

The numbers here are the spec's, typed again on purpose: the writer reads them from
assistant/core/formats.py, and these tests are the independent judge of that table.
"""

import re
from datetime import date
from pathlib import Path

import pytest

from assistant.core.answers import answers_to_report
from assistant.generate import generate
from tests import factories
from tests.docx_inspect import (
    Doc,
    borderless,
    has_bottom_border,
    has_page_field,
    mm,
    run_fonts,
    size,
    style_of,
)

TNR = "Times New Roman"
DATE_RE = re.compile(r"^[^,]+, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$")


def make(tmp_path: Path, fmt: str, **changes) -> Doc:
    data = factories.answers_in(fmt, **changes)
    report = answers_to_report(data, factories.directive(), format_id=fmt, today=date(2024, 7, 1))
    out = tmp_path / f"{fmt}.docx"
    generate(report, out)
    return Doc(str(out))


@pytest.fixture(params=["nd30", "hd36"])
def doc(request, tmp_path: Path) -> Doc:
    return make(tmp_path, request.param)


def check_date_padding(text: str) -> None:
    match = DATE_RE.match(text)
    assert match, text
    day, month, _ = match.groups()
    assert len(day) == 2
    assert (len(month) == 2) == (int(month) <= 2), f"month {month!r} padded wrongly"


def test_page_and_margins(doc: Doc) -> None:
    s = doc.section
    assert (round(mm(s.page_width)), round(mm(s.page_height))) == (210, 297)
    # Word stores margins in twips: 15 mm is 850 twips, 14.993 mm; allow that rounding.
    assert 19.95 <= mm(s.top_margin) <= 25.05 and 19.95 <= mm(s.bottom_margin) <= 25.05
    assert 29.95 <= mm(s.left_margin) <= 35.05 and 14.95 <= mm(s.right_margin) <= 20.05


def test_every_run_is_times_new_roman_on_all_slots(doc: Doc) -> None:
    runs = list(doc.all_runs())
    assert len(runs) > 40
    for run in runs:
        fonts = run_fonts(run)
        assert fonts["theme"] is None, run.text
        assert {fonts[s] for s in ("ascii", "hAnsi", "eastAsia", "cs")} == {TNR}, run.text
    defaults = doc.doc.styles.element.xml
    assert "minorHAnsi" not in defaults.split("<w:latentStyles")[0]


def test_page_number_in_header_but_not_on_page_one(doc: Doc) -> None:
    s = doc.section
    assert s.different_first_page_header_footer
    assert has_page_field(s.header)
    assert not has_page_field(s.first_page_header)
    assert size(s.header.paragraphs[0]) in (13, 14)
    assert s.header.paragraphs[0].alignment == 1  # centred


def test_header_and_signature_tables_are_borderless_two_columns(doc: Doc) -> None:
    for table in (doc.header_table, doc.signature_table):
        assert borderless(table)
        assert len(table.columns) == 2
    widths = sum(mm(c.width) for c in doc.header_table.columns)
    text_width = 210 - mm(doc.section.left_margin) - mm(doc.section.right_margin)
    assert widths <= text_width + 0.5  # the header table does not overflow the text area


def test_state_header(tmp_path: Path) -> None:
    d = make(tmp_path, "nd30")
    left = d.cell_paragraphs(d.header_table, 0, 0)
    right = d.cell_paragraphs(d.header_table, 0, 1)
    parent, issuer = left[0], left[1]
    assert parent.text == "UBND TỈNH THÁI NGUYÊN" and size(parent) in (12, 13)
    assert style_of(parent) == (False, False, False)
    assert issuer.text == "ĐÀI PHÁT THANH VÀ\nTRUYỀN HÌNH THÁI NGUYÊN"  # broken as a văn thư does
    assert size(issuer) in (12, 13) and style_of(issuer)[0]
    assert has_bottom_border(left[2])  # the short rule under the agency name
    title = right[0]
    assert title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert size(title) in (12, 13) and style_of(title) == (True, False, False)
    motto = right[1]
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert size(motto) in (13, 14) and style_of(motto) == (True, False, False)
    rule = right[2]
    assert has_bottom_border(rule)
    cell_mm = mm(d.header_table.columns[1].width) - 2 * 1.9
    line_mm = (
        cell_mm - mm(rule.paragraph_format.left_indent) - mm(rule.paragraph_format.right_indent)
    )
    assert line_mm == pytest.approx(56.1 if size(motto) == 13 else 60.5, abs=1.0)  # spec §4
    number = d.cell_paragraphs(d.header_table, 1, 0)[0]
    assert number.text == "Số: 05/BC-PTTH" and size(number) == 13
    place_date = d.cell_paragraphs(d.header_table, 1, 1)[0]
    assert size(place_date) in (13, 14) and style_of(place_date) == (False, True, False)
    check_date_padding(place_date.text)


def test_party_header(tmp_path: Path) -> None:
    d = make(tmp_path, "hd36", profile=factories.PARTY_PROFILE, number=15)
    left = [p for p in d.cell_paragraphs(d.header_table, 0, 0)]
    right = d.cell_paragraphs(d.header_table, 0, 1)
    assert [p.text for p in left[:3]] == [
        "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        "BAN TUYÊN GIÁO\nHUYỆN ỦY ĐỊNH HÓA",
        "*",
    ]
    assert size(left[0]) == 14 and not style_of(left[0])[0]
    assert size(left[1]) == 14 and style_of(left[1])[0]
    title = right[0]
    assert title.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and size(title) == 15 and style_of(title)[0]
    assert has_bottom_border(right[1])
    number = d.cell_paragraphs(d.header_table, 1, 0)[0]
    assert number.text == "Số 15-BC/BTGHU" and size(number) == 14  # no colon, no padding
    place_date = d.cell_paragraphs(d.header_table, 1, 1)[0]
    assert size(place_date) == 14 and style_of(place_date) == (False, True, False)
    check_date_padding(place_date.text)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-01-05", "ngày 05 tháng 01 năm 2024"),
        ("2024-02-29", "ngày 29 tháng 02 năm 2024"),
        ("2024-03-09", "ngày 09 tháng 3 năm 2024"),
        ("2024-12-31", "ngày 31 tháng 12 năm 2024"),
    ],
)
def test_date_line_padding(tmp_path: Path, day: str, expected: str) -> None:
    d = make(tmp_path, "nd30", date=day)
    assert d.cell_paragraphs(d.header_table, 1, 1)[0].text == f"Thái Nguyên, {expected}"


def test_title_block_and_kinh_gui_state(tmp_path: Path) -> None:
    d = make(tmp_path, "nd30")
    body = d.body_paragraphs()
    kind = d.find(body, "BÁO CÁO")
    assert kind.text == "BÁO CÁO" and size(kind) in (13, 14) and style_of(kind)[0]
    subject = d.find(body, "Kết quả thực hiện")
    assert style_of(subject)[0] and size(subject) in (13, 14) and subject.alignment == 1
    kinh_gui = d.find(body, "Kính gửi:")
    assert kinh_gui.text == "Kính gửi: Ban Tuyên giáo Tỉnh ủy." and size(kinh_gui) in (13, 14)


def test_title_block_party(tmp_path: Path) -> None:
    d = make(tmp_path, "hd36", profile=factories.PARTY_PROFILE)
    body = d.body_paragraphs()
    kind = d.find(body, "BÁO CÁO")
    assert size(kind) in (15, 16) and style_of(kind)[0]
    subject = d.find(body, "kết quả thực hiện")  # a Party trích yếu starts lower-case
    assert style_of(subject)[0] and size(subject) in (14, 15)
    assert "Công văn số 3270-CV/BTGTU, ngày 02/4/2024" in subject.text  # comma before "ngày"
    assert d.find(body, "-----")
    assert not any(p.text.startswith("Kính gửi") for p in body)


def test_body_paragraph_format(doc: Doc) -> None:
    body = doc.body_paragraphs()
    start = next(i for i, p in enumerate(body) if p.text.startswith("Thực hiện Công văn"))
    paragraphs = [p for p in body[start:] if p.text.strip()]
    assert len(paragraphs) > 15
    for p in paragraphs:
        f = p.paragraph_format
        assert p.alignment == 3, p.text  # justified
        assert 1.0 <= f.first_line_indent.cm <= 1.27 + 1e-6
        assert f.space_after.pt >= 6
        assert f.line_spacing.pt <= 14 * 1.15 * 1.5  # at most 1.5 lines
        assert size(p) in (13, 14, 15)
    headings = [p.text for p in paragraphs if re.match(r"^[IVX]+\. ", p.text)]
    assert headings == [
        "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert all(style_of(p)[0] for p in paragraphs if p.text in headings)


def test_state_ending_recipients_and_signature(tmp_path: Path) -> None:
    d = make(tmp_path, "nd30")
    body = [p for p in d.body_paragraphs() if p.text.strip()]
    assert body[-1].text.endswith("./.")
    recipients = [p for p in d.cell_paragraphs(d.signature_table, 0, 0) if p.text]
    label = recipients[0]
    assert (
        label.text == "Nơi nhận:" and size(label) == 12 and style_of(label) == (True, True, False)
    )
    items = recipients[1:]
    assert [p.text for p in items] == ["- Như trên;", "- Lưu: VT, TKBT."]
    assert all(size(p) == 11 and style_of(p) == (False, False, False) for p in items)
    signer = [p for p in d.cell_paragraphs(d.signature_table, 0, 1) if p.text]
    assert [p.text for p in signer] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]
    assert all(size(p) in (13, 14) and style_of(p)[0] for p in signer)
    empty_lines = [p for p in d.cell_paragraphs(d.signature_table, 0, 1) if not p.text]
    assert len(empty_lines) >= 3  # room to sign and seal


def test_party_ending_recipients_and_signature(tmp_path: Path) -> None:
    d = make(tmp_path, "hd36", profile=factories.PARTY_PROFILE)
    body = [p for p in d.body_paragraphs() if p.text.strip()]
    assert body[-1].text.endswith(".") and not body[-1].text.endswith("./.")
    recipients = [p for p in d.cell_paragraphs(d.signature_table, 0, 0) if p.text]
    assert recipients[0].text == "Nơi nhận:" and size(recipients[0]) == 14
    assert style_of(recipients[0]) == (False, False, True)  # underlined
    assert recipients[1].text == "- Ban Tuyên giáo Tỉnh ủy (b/c),"
    assert recipients[-1].text == "- Lưu Ban Tuyên giáo Huyện ủy."  # no colon, no "VT"
    assert all(size(p) == 12 for p in recipients[1:])
    authority, title, name = [p for p in d.cell_paragraphs(d.signature_table, 0, 1) if p.text]
    assert (authority.text, title.text, name.text) == (
        "K/T TRƯỞNG BAN",
        "PHÓ TRƯỞNG BAN",
        "Hoàng Thị Lan",
    )
    assert style_of(authority)[0] and not style_of(title)[0] and style_of(name)[0]
