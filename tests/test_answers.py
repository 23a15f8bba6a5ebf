"""Answers files: errors name the field in Vietnamese; figures and the 15% rule at its edges."""

from datetime import date

import pytest

from assistant.core.answers import answers_to_report, report_to_answers
from assistant.core.errors import UserError
from assistant.core.figures import ContentRatioFigures, PlatformPosts, parse_count
from assistant.core.layout import build_layout
from assistant.core.limits import COUNT_MAX
from assistant.core.warnings import report_warnings
from tests import factories


def _report(data: dict):
    return answers_to_report(data, factories.directive(), today=date(2024, 7, 1))


def _error(data: dict) -> UserError:
    with pytest.raises(UserError) as caught:
        _report(data)
    return caught.value


def _ratio_answers(total: int, negative: int) -> dict:
    return factories.answers(
        tasks={
            "t2": {
                "figures": {
                    "platforms": [{"platform": "zalo", "total": total, "negative": negative}]
                }
            }
        }
    )


@pytest.mark.parametrize(
    ("total", "negative", "over"),
    [(1000, 149, False), (1000, 150, True), (1000, 151, True), (0, 0, False), (10, 0, False)],
)
def test_negative_share_at_its_edges(total: int, negative: int, over: bool) -> None:
    figures = ContentRatioFigures((PlatformPosts("zalo", total=total, negative=negative),))
    assert figures.over_limit is over
    report = _report(_ratio_answers(total, negative))
    warned = any("tiêu cực" in w for w in report_warnings(report))
    text = build_layout(report).plain_text()
    assert warned is over
    if over:
        assert "chưa bảo đảm yêu cầu dưới 15%" in text
    elif total:
        assert ") bảo đảm yêu cầu dưới 15%" in text
    else:  # 0 posts: no share, no division by zero, and no sentence about a share
        assert "Zalo: 0 tin, bài, trong đó 0 tin, bài tiêu cực." in text
        assert "yêu cầu dưới 15%" not in text


def test_share_is_computed_over_all_platforms() -> None:
    figures = ContentRatioFigures(
        (
            PlatformPosts("facebook", total=100, negative=20),
            PlatformPosts("zalo", total=300, negative=0),
        )
    )
    assert figures.total == 400 and figures.negative == 20
    assert figures.share == pytest.approx(0.05)
    assert figures.platforms[0].share == pytest.approx(0.2)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (_ratio_answers(10, 11), "tasks.t2.figures.platforms.0.negative", "lớn hơn tổng số"),
        (_ratio_answers(-1, 0), "tasks.t2.figures.platforms.0.total", "không được nhỏ hơn 0"),
        (
            factories.answers(tasks={"t1": {"figures": {"clips_produced": "mười"}}}),
            "tasks.t1.figures.clips_produced",
            "số nguyên",
        ),
        (factories.answers(tasks={"t4": {"status": "xong"}}), "tasks.t4.status", "chỉ nhận"),
        (factories.answers(tasks={"t9": {"status": "done"}}), "tasks.t9", "không có nhiệm vụ"),
        (factories.answers(tasks={"t4": {"figures": {}}}), "tasks.t4.figures", "không có số liệu"),
        (factories.answers(date="30/06/2024"), "date", "dạng ngày"),
        (factories.answers(number=0), "number", "không được nhỏ hơn 1"),
        (factories.answers(surprise=1), "", "không được hỗ trợ"),
        (
            factories.answers(tasks={"t3": {"figures": {"staff_total": 5, "staff_briefed": 6}}}),
            "tasks.t3.figures.staff_briefed",
            "lớn hơn tổng số",
        ),
    ],
)
def test_errors_name_the_field(data: dict, field: str, words: str) -> None:
    error = _error(data)
    assert error.field == field
    assert words in error.message
    if field:
        assert f"«{field}»" in error.message


def test_missing_profile_field_is_named() -> None:
    data = factories.answers()
    del data["profile"]["symbol"]
    error = _error(data)
    assert error.field == "profile.symbol"
    assert "thiếu" in error.message


def test_no_profile_anywhere_says_how_to_set_one() -> None:
    data = factories.answers()
    del data["profile"]
    assert "profile set" in _error(data).message


def test_snapshot_round_trip() -> None:
    report = _report(factories.answers())
    again = answers_to_report(report_to_answers(report), factories.directive())
    assert again == report
    assert build_layout(again).plain_text() == build_layout(report).plain_text()


def test_a_count_typed_in_the_window_is_bounded_like_the_answers_file() -> None:
    assert parse_count("1.000.000.000.000") == (COUNT_MAX, "")
    value, message = parse_count("99999999999999999999")
    assert value is None and message == "Số quá lớn (tối đa 1.000.000.000.000)."
    assert parse_count("-5")[0] is None and parse_count("abc")[0] is None
