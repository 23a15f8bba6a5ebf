"""Line breaks a văn thư would choose: every line fits its column, no line ends inside a name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core import linebreak
from assistant.core.formats import HD36, ND30, Element, FormatProfile
from assistant.core.linebreak import LAYOUT_MAX_LINES, break_lines
from assistant.core.textwidth import text_width_mm
from assistant.render import docx_writer

# Real agency names, state and Party: from the seed directives (../shared/seeds), the spec's
# examples (HD36 "HUYỆN UỶ ĐỊNH HOÁ", S11) and the usual official forms. Each with the phrases
# that must stay whole on one line: place names, compounds, a locality word with its place.
NAMES: dict[str, tuple[str, ...]] = {
    "Đài Phát thanh và Truyền hình Thái Nguyên": ("Phát thanh", "Truyền hình", "Thái Nguyên"),
    "Đài Phát thanh và Truyền hình Kiên Giang": ("Phát thanh", "Truyền hình", "Kiên Giang"),
    "Ủy ban nhân dân huyện Phú Lương": ("Ủy ban nhân dân", "huyện Phú Lương"),
    "Ủy ban nhân dân tỉnh Thái Nguyên": ("Ủy ban nhân dân", "tỉnh Thái Nguyên"),
    "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu": ("Ủy ban nhân dân", "tỉnh Bà Rịa - Vũng Tàu"),
    "Ủy ban nhân dân Thành phố Hồ Chí Minh": ("Ủy ban nhân dân", "Thành phố Hồ Chí Minh"),
    "Sở Thông tin và Truyền thông tỉnh Bà Rịa - Vũng Tàu": (
        "Thông tin",
        "Truyền thông",
        "tỉnh Bà Rịa - Vũng Tàu",
    ),
    "Sở Thông tin và Truyền thông tỉnh Thái Nguyên": (
        "Thông tin",
        "Truyền thông",
        "tỉnh Thái Nguyên",
    ),
    "Sở Thông tin và Truyền thông tỉnh Kiên Giang": (
        "Thông tin",
        "Truyền thông",
        "tỉnh Kiên Giang",
    ),
    "Sở Văn hóa, Thể thao và Du lịch tỉnh Bà Rịa - Vũng Tàu": (
        "Văn hóa",
        "Thể thao",
        "Du lịch",
        "tỉnh Bà Rịa - Vũng Tàu",
    ),
    "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Định Hóa": (
        "Trung tâm",
        "Văn hóa",
        "Thể thao",
        "Truyền thông",
        "huyện Định Hóa",
    ),
    "Trung tâm Văn hóa - Truyền thanh huyện Châu Thành": (
        "Trung tâm",
        "Văn hóa -",
        "Truyền thanh",
        "huyện Châu Thành",
    ),
    "Trung tâm Thông tin tỉnh Thái Nguyên": ("Trung tâm", "Thông tin", "tỉnh Thái Nguyên"),
    "Cổng Thông tin điện tử tỉnh Kiên Giang": ("Thông tin", "điện tử", "tỉnh Kiên Giang"),
    "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang": (
        "Văn phòng",
        "Ủy ban nhân dân",
        "tỉnh Kiên Giang",
    ),
    "Ban cán sự đảng Ủy ban nhân dân tỉnh Kiên Giang": (
        "Ban cán sự đảng",
        "Ủy ban nhân dân",
        "tỉnh Kiên Giang",
    ),
    "Cục Phát thanh, truyền hình và thông tin điện tử": (
        "Phát thanh",
        "truyền hình",
        "thông tin điện tử",
    ),
    "Hội Nhà báo tỉnh Kiên Giang": ("Nhà báo", "tỉnh Kiên Giang"),
    "Tạp chí Văn nghệ Thái Nguyên": ("Tạp chí", "Văn nghệ", "Thái Nguyên"),
    "Ban Tuyên giáo Tỉnh ủy Kiên Giang": ("Ban Tuyên giáo", "Tỉnh ủy Kiên Giang"),
    "Ban Tuyên giáo Tỉnh ủy Thái Nguyên": ("Ban Tuyên giáo", "Tỉnh ủy Thái Nguyên"),
    "Ban Tuyên giáo Huyện ủy Định Hóa": ("Ban Tuyên giáo", "Huyện ủy Định Hóa"),
    "Ban Thường vụ Huyện ủy Phú Lương": ("Ban Thường vụ", "Huyện ủy Phú Lương"),
    "Ban Thường vụ Tỉnh ủy Kiên Giang": ("Ban Thường vụ", "Tỉnh ủy Kiên Giang"),
    "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh": (
        "Ban Dân vận",
        "Thành ủy",
        "Thành phố Hồ Chí Minh",
    ),
    "Ban Chấp hành Đảng bộ tỉnh Kiên Giang": ("Ban Chấp hành", "Đảng bộ", "tỉnh Kiên Giang"),
    "Ủy ban Kiểm tra Tỉnh ủy Thái Nguyên": ("Ủy ban", "Kiểm tra", "Tỉnh ủy Thái Nguyên"),
    "Đảng ủy Khối các cơ quan Trung ương": ("Đảng ủy Khối", "cơ quan", "Trung ương"),
    "Huyện uỷ Định Hoá": ("Huyện uỷ Định Hoá",),  # HD36's own example, old-style accents
    "Đảng bộ tỉnh Thái Nguyên": ("Đảng bộ", "tỉnh Thái Nguyên"),
}

# Where a văn thư breaks them (the clerk's report that started this module).
EXPECTED = {
    (
        "nd30",
        "Đài Phát thanh và Truyền hình Thái Nguyên",
    ): "ĐÀI PHÁT THANH VÀ\nTRUYỀN HÌNH THÁI NGUYÊN",
    (
        "nd30",
        "Đài Phát thanh và Truyền hình Kiên Giang",
    ): "ĐÀI PHÁT THANH VÀ\nTRUYỀN HÌNH KIÊN GIANG",
    ("nd30", "Ủy ban nhân dân huyện Phú Lương"): "ỦY BAN NHÂN DÂN\nHUYỆN PHÚ LƯƠNG",
    ("hd36", "Ủy ban nhân dân huyện Phú Lương"): "ỦY BAN NHÂN DÂN\nHUYỆN PHÚ LƯƠNG",
    ("nd30", "Ủy ban nhân dân tỉnh Thái Nguyên"): "ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN",
    ("nd30", "Ban Tuyên giáo Tỉnh ủy Kiên Giang"): "BAN TUYÊN GIÁO\nTỈNH ỦY KIÊN GIANG",
    ("hd36", "Ban Tuyên giáo Tỉnh ủy Kiên Giang"): "BAN TUYÊN GIÁO\nTỈNH ỦY KIÊN GIANG",
    ("hd36", "Ban Thường vụ Huyện ủy Phú Lương"): "BAN THƯỜNG VỤ\nHUYỆN ỦY PHÚ LƯƠNG",
    ("nd30", "Ban Dân vận Thành ủy Thành phố Hồ Chí Minh"): (
        "BAN DÂN VẬN THÀNH ỦY\nTHÀNH PHỐ HỒ CHÍ MINH"
    ),
}

SUBJECT_WIDTH = 210 - 30 - 15  # A4 less the default left and right margins


def column(fmt: FormatProfile) -> float:
    return fmt.header_columns_mm[0] - 2 * linebreak.CELL_PADDING_MM


def header(fmt: FormatProfile, element: Element, name: str) -> str:
    rule = fmt.rule(element)
    return break_lines(
        name,
        column(fmt),
        rule.size.default,
        bold=rule.bold,
        upper=True,
        max_lines=LAYOUT_MAX_LINES,
    )


def assert_fits(text: str, width: float, size: float, bold: bool) -> None:
    for line in text.split("\n"):
        assert text_width_mm(line, size, bold=bold) <= width, (line, width)


def assert_whole(text: str, phrases: tuple[str, ...], upper: bool = True) -> None:
    lines = text.split("\n")
    for phrase in phrases:
        wanted = phrase.upper() if upper else phrase
        assert any(wanted in line for line in lines), f"«{phrase}» split in {lines}"


def test_enough_real_names() -> None:
    assert len(NAMES) >= 20


@pytest.mark.parametrize("fmt", [ND30, HD36], ids=lambda f: f.id)
@pytest.mark.parametrize("element", [Element.PARENT_BODY, Element.ISSUER])
@pytest.mark.parametrize("name", sorted(NAMES))
def test_header_names_fit_and_keep_their_groups(
    fmt: FormatProfile, element: Element, name: str
) -> None:
    rule = fmt.rule(element)
    text = header(fmt, element, name)
    assert text.replace("\n", " ") == " ".join(name.split()).upper()  # only breaks added
    assert_fits(text, column(fmt), rule.size.default, rule.bold)
    assert_whole(text, NAMES[name])
    assert text.count("\n") < LAYOUT_MAX_LINES
    if text_width_mm(name.upper(), rule.size.default, bold=rule.bold) <= column(fmt):
        assert "\n" not in text  # a name that fits stays on one line


@pytest.mark.parametrize(("format_id", "name"), sorted(EXPECTED))
def test_the_breaks_a_van_thu_writes(format_id: str, name: str) -> None:
    fmt = ND30 if format_id == "nd30" else HD36
    assert header(fmt, Element.ISSUER, name) == EXPECTED[format_id, name]


def test_typed_in_capitals_or_old_accents_breaks_the_same() -> None:
    capitals = header(ND30, Element.ISSUER, "ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH THÁI NGUYÊN")
    assert capitals == "ĐÀI PHÁT THANH VÀ\nTRUYỀN HÌNH THÁI NGUYÊN"
    title_case = header(ND30, Element.ISSUER, "Ủy Ban Nhân Dân Huyện Phú Lương")
    assert title_case == "ỦY BAN NHÂN DÂN\nHUYỆN PHÚ LƯƠNG"
    old = header(HD36, Element.ISSUER, "Ban Tuyên giáo Huyện uỷ Định Hoá")
    assert old == "BAN TUYÊN GIÁO\nHUYỆN UỶ ĐỊNH HOÁ"


SUBJECTS = {
    # NĐ30 trích yếu: the văn thư's break before "của"
    "Kết quả thực hiện Công văn số 3270-CV/BTGTU ngày 02/4/2024 của Ban Tuyên giáo Tỉnh ủy": (
        "Kết quả thực hiện Công văn số 3270-CV/BTGTU ngày 02/4/2024\ncủa Ban Tuyên giáo Tỉnh ủy"
    ),
    "Kết quả thực hiện Công văn số 830/STTTT-TTBCXB ngày 16/4/2024 của Sở Thông tin và "
    "Truyền thông tỉnh Thái Nguyên": (
        "Kết quả thực hiện Công văn số 830/STTTT-TTBCXB ngày 16/4/2024\n"
        "của Sở Thông tin và Truyền thông tỉnh Thái Nguyên"
    ),
    # Party trích yếu: lower-case initial, comma before "ngày"
    "kết quả thực hiện Công văn số 1483-CV/BTGTU, ngày 03/4/2024 của Ban Tuyên giáo Tỉnh ủy "
    "Kiên Giang": (
        "kết quả thực hiện Công văn số 1483-CV/BTGTU, ngày 03/4/2024\n"
        "của Ban Tuyên giáo Tỉnh ủy Kiên Giang"
    ),
    "kết quả thực hiện Công văn số 7944-CV/BTGTW, ngày 11/3/2024 của Ban Tuyên giáo Trung ương": (
        "kết quả thực hiện Công văn số 7944-CV/BTGTW, ngày 11/3/2024\ncủa Ban Tuyên giáo Trung ương"
    ),
}


@pytest.mark.parametrize("fmt", [ND30, HD36], ids=lambda f: f.id)
@pytest.mark.parametrize("subject", sorted(SUBJECTS))
def test_trich_yeu_breaks_before_cua(fmt: FormatProfile, subject: str) -> None:
    rule = fmt.rule(Element.SUBJECT)
    text = break_lines(subject, SUBJECT_WIDTH, rule.size.default, bold=rule.bold)
    assert text == SUBJECTS[subject]
    assert_fits(text, SUBJECT_WIDTH, rule.size.default, rule.bold)


def test_a_long_party_trich_yeu_keeps_names_dates_and_numbers_whole() -> None:
    subject = (
        "kết quả thực hiện Công văn số 990-CV/BTGTW, ngày 19-7-2021 của Ban Tuyên giáo Trung ương "
        "về tăng cường công tác chỉ đạo, định hướng, quản lý thông tin trên mạng xã hội"
    )
    text = break_lines(subject, SUBJECT_WIDTH, 14, bold=True)
    assert text.count("\n") == 2
    assert_fits(text, SUBJECT_WIDTH, 14, True)
    whole = ("số 990-CV/BTGTW", "ngày 19-7-2021", "Ban Tuyên giáo Trung ương", "mạng xã hội")
    assert_whole(text, whole, upper=False)


def test_signature_lines() -> None:
    width = ND30.header_columns_mm[1] - 2 * linebreak.CELL_PADDING_MM
    title = "PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN HUYỆN PHÚ LƯƠNG"
    text = break_lines(title, width, 14, bold=True, upper=True, max_lines=LAYOUT_MAX_LINES)
    assert text == "PHÓ CHỦ TỊCH THƯỜNG TRỰC\nỦY BAN NHÂN DÂN\nHUYỆN PHÚ LƯƠNG"
    assert break_lines("KT. GIÁM ĐỐC", width, 14, bold=True, upper=True) == "KT. GIÁM ĐỐC"


def test_short_and_empty_texts() -> None:
    assert break_lines("Sở Nội vụ", 64.2, 12, bold=True, upper=True) == "SỞ NỘI VỤ"
    assert break_lines("", 64.2, 12) == ""
    assert break_lines("  Báo   Kiên Giang ", 64.2, 12) == "Báo Kiên Giang"


def test_fallbacks_never_split_a_word() -> None:
    name = "Đài Phát thanh và Truyền hình Thái Nguyên"
    # Too narrow for the groups: compounds give way before the place name does.
    narrow = break_lines(name, 32, 12, bold=True, upper=True, max_lines=4)
    assert narrow == "ĐÀI PHÁT\nTHANH VÀ\nTRUYỀN HÌNH\nTHÁI NGUYÊN"
    assert_fits(narrow, 32, 12, True)
    # Narrower than the place name: it gives way too, at a word boundary.
    narrower = break_lines(name, 25, 12, bold=True, upper=True, max_lines=5)
    assert narrower.replace("\n", " ") == name.upper()
    assert_fits(narrower, 25, 12, True)
    # Nothing can fit: the longest line as short as it can be, words whole.
    word = "Siêuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"
    overflow = break_lines(f"{word} dài quá", 20, 12)
    assert overflow.split("\n")[0] == word and overflow.replace("\n", " ") == f"{word} dài quá"
    assert break_lines(name, 10, 12, max_lines=3).count("\n") == 2
    # Too many words for two lines: both overflow, as evenly as can be, groups kept.
    centre = "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Định Hóa"
    two = break_lines(centre, 64.2, 12, bold=True, upper=True, max_lines=2)
    assert two == "TRUNG TÂM VĂN HÓA, THỂ THAO VÀ\nTRUYỀN THÔNG HUYỆN ĐỊNH HÓA"


def test_cell_padding_is_the_writers() -> None:
    assert linebreak.CELL_PADDING_MM == docx_writer.CELL_PADDING_MM


VOCABULARY = [
    "Ủy", "ban", "nhân", "dân", "huyện", "Phú", "Lương", "và", "của", "Ban", "Tuyên", "giáo",
    "Tỉnh", "ủy", "Kiên", "Giang", "ngày", "02/4/2024", "số", "3270-CV/BTGTU", "thông", "tin",
    "Truyền", "hình", "-", "Sở", "thành", "phố", "Hồ", "Chí", "Minh", "tăng", "cường,", "các",
]  # fmt: skip


@given(
    words=st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30),
    width=st.floats(min_value=20, max_value=170),
    max_lines=st.integers(min_value=1, max_value=5),
    upper=st.booleans(),
)
def test_any_text_only_gains_breaks(words, width, max_lines, upper) -> None:
    text = " ".join(words)
    out = break_lines(text, width, 13, bold=True, upper=upper, max_lines=max_lines)
    lines = out.split("\n")
    assert out.replace("\n", " ") == (text.upper() if upper else text)
    assert len(lines) <= max_lines and all(lines)
    # When some choice of breaks fits, the one chosen fits.
    shown = out.replace("\n", " ").split()
    start, needed = 0, 1
    while text_width_mm(" ".join(shown[start:]), 13, bold=True) > width and needed <= max_lines:
        end = max(
            (
                j
                for j in range(start + 1, len(shown))
                if text_width_mm(" ".join(shown[start:j]), 13, bold=True) <= width
            ),
            default=None,
        )
        if end is None:
            return  # a word wider than the line: nothing fits
        start, needed = end, needed + 1
    if needed <= max_lines:
        assert all(text_width_mm(line, 13, bold=True) <= width for line in lines)
