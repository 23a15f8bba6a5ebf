"""Vietnamese helpers: NĐ30 dates for every day and month, numbers, percentages, cleaning."""

import calendar
import unicodedata
from datetime import date

import pytest
from babel.numbers import format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from assistant.core import vntext


@pytest.mark.parametrize("month", range(1, 13))
def test_date_words_every_day_of_every_month(month: int) -> None:
    days = calendar.monthrange(2024, month)[1]
    for d in range(1, days + 1):
        text = vntext.date_words(date(2024, month, d))
        expected_day = f"{d:02d}"  # days below 10 take a leading zero
        expected_month = f"{month:02d}" if month <= 2 else str(month)  # only months 1 and 2 do
        assert text == f"ngày {expected_day} tháng {expected_month} năm 2024"


def test_spec_examples() -> None:
    assert vntext.place_date("Hà Nội", date(2020, 1, 5)) == "Hà Nội, ngày 05 tháng 01 năm 2020"
    assert (
        vntext.place_date("Thành phố Hồ Chí Minh", date(2019, 6, 29))
        == "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"
    )
    assert vntext.place_date("Thái Nguyên", date(2024, 2, 5)).endswith("ngày 05 tháng 02 năm 2024")
    assert vntext.day_month(date(2024, 6, 29)) == "ngày 29 tháng 6"
    assert vntext.day_month(date(2024, 3, 1)) == "ngày 01 tháng 3"
    assert vntext.short_date(date(2024, 3, 11)) == "11/3/2024"
    assert vntext.short_date(date(2024, 4, 2)) == "02/4/2024"  # as the directives cite dates
    assert vntext.short_date(date(2024, 2, 5)) == "05/02/2024"


def test_a_rule_threshold_reads_as_the_directive_states_it() -> None:
    assert vntext.limit_percent(0.15) == "15%"


def test_unknown_date_leaves_blanks() -> None:
    assert vntext.place_date("Kiên Giang", None).startswith("Kiên Giang, ngày ")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "0"),
        (7, "7"),
        (999, "999"),
        (1000, "1.000"),
        (12500, "12.500"),
        (1234567, "1.234.567"),
        (8.5, "8,5"),
        (-3, "-3"),
    ],
)
def test_numbers(value: float, text: str) -> None:
    assert vntext.number(value) == text


@pytest.mark.parametrize(
    ("share", "text"),
    [
        (0.085, "8,5%"),
        (0.15, "15,0%"),
        (0.149, "14,9%"),
        (0.0, "0,0%"),
        (0.04, "4,0%"),
        (1.0, "100,0%"),
        (0.12345, "12,3%"),
    ],
)
def test_percent(share: float, text: str) -> None:
    assert vntext.percent(share) == text


def test_clean_drops_xml_forbidden_controls_and_normalises() -> None:
    nfd = unicodedata.normalize("NFD", "Tiếng Việt")
    assert vntext.clean(f"a\x00b\x07c\x1f{nfd}\ufffe") == "abcTiếng Việt"
    assert vntext.clean("tab\tand\nnewline") == "tab\tand\nnewline"


def test_paragraphs_split_lines_and_drop_blanks() -> None:
    assert vntext.paragraphs("  một \r\n\n hai\rba  \n") == ["một", "hai", "ba"]


def test_fold_ignores_diacritics_and_d_stroke() -> None:
    assert vntext.fold("Đồng Tăng CƯỜNG") == "dong tang cuong"


def test_case_helpers() -> None:
    assert vntext.lower_initial("Kết quả thực hiện") == "kết quả thực hiện"
    assert vntext.lower_initial("UBND tỉnh") == "UBND tỉnh"
    assert vntext.upper_initial("về công tác") == "Về công tác"


# Babel's CLDR patterns are the reference the numbers were first written with; Babel is a test
# dependency only now, and these keep the two the same on any value the reports can hold.
_COUNTS = st.integers(min_value=-(10**15), max_value=10**15)
_FLOATS = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)
_SHARES = st.floats(min_value=-1, max_value=10, allow_nan=False, allow_infinity=False)


@given(st.one_of(_COUNTS, _FLOATS))
def test_numbers_are_written_as_babels_vi_pattern(value: float) -> None:
    assert vntext.number(value) == format_decimal(value, locale="vi", format="#,##0.##")


@given(_SHARES)
def test_percentages_are_written_as_babels_vi_patterns(share: float) -> None:
    assert vntext.percent(share) == format_percent(share, locale="vi", format="#,##0.0%")
    assert vntext.limit_percent(share) == format_percent(share, locale="vi", format="#,##0.##%")


@pytest.mark.parametrize(
    ("share", "expected"), [(0.085, "8,5%"), (0.04, "4,0%"), (0.15, "15,0%"), (0.00025, "0,0%")]
)
def test_shares_always_keep_one_decimal(share: float, expected: str) -> None:
    assert vntext.percent(share) == expected
