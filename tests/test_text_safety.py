"""Whatever a clerk types is printed literally: markup, template syntax, emoji, NFD, controls, size."""

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.core.limits import NARRATIVE_MAX_CHARS
from assistant.generate import generate
from tests import factories

NASTY = [
    "Ký tự & < > \" ' và <b>đậm</b> &amp; &lt;",
    "Mẫu {{ profile.name }} {% for x in y %} {# chú thích #} ${x}",
    "Biểu tượng 🎬📱👍🏽 và chữ Hán 越南",
    unicodedata.normalize("NFD", "Tiếng Việt tổ hợp: Đài Phát thanh và Truyền hình"),
    "Điều khiển\x00\x01\x07\x0b\x0c\x1f ở giữa",
    "Tab\tgiữa dòng",
]


def _text_of(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def _generate(tmp_path: Path, fmt: str, **changes) -> str:
    report = answers_to_report(
        factories.answers_in(fmt, **changes),
        factories.directive(),
        format_id=fmt,
        today=date(2024, 7, 1),
    )
    out = tmp_path / f"{fmt}.docx"
    generate(report, out)
    return _text_of(out)


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
@pytest.mark.parametrize("value", NASTY)
def test_typed_text_is_shown_literally(tmp_path: Path, fmt: str, value: str) -> None:
    text = _generate(
        tmp_path,
        fmt,
        implementation=value,
        difficulties=value,
        tasks={"t4": {"status": "done", "notes": value}},
        extra_recipients=[value],
    )
    expected = " ".join(unicodedata.normalize("NFC", value).split())
    for forbidden in "\x00\x01\x07\x0b\x0c\x1f":
        expected = expected.replace(forbidden, "")
    assert text.count(expected) >= 3, expected


def test_template_syntax_in_the_agency_name_stays_literal(tmp_path: Path) -> None:
    profile = dict(factories.STATE_PROFILE, name="Đài {{ 7 * 7 }} & <Cơ quan>")
    text = _generate(tmp_path, "nd30", profile=profile)
    assert "Đài {{ 7 * 7 }} & <Cơ quan>" in text
    assert "49" not in text


def test_a_field_at_the_length_limit(tmp_path: Path) -> None:
    line = "Nội dung dài có dấu tiếng Việt & ký tự <đặc biệt> " * 20
    count = NARRATIVE_MAX_CHARS // (len(line) + 1)  # some 90 paragraphs, 120 KB of UTF-8
    value = "\n".join([line] * count)
    assert len(value.encode()) > 100_000
    text = _generate(tmp_path, "nd30", proposals=value)
    assert text.count(line.strip()) == count


def test_a_field_over_the_length_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        _generate(tmp_path, "nd30", proposals="x" * (NARRATIVE_MAX_CHARS + 1))
    assert caught.value.field == "proposals" and "100.000 ký tự" in caught.value.message
    assert not list(tmp_path.iterdir())


def test_each_line_of_typed_text_is_its_own_paragraph(tmp_path: Path) -> None:
    text = _generate(tmp_path, "nd30", difficulties="Thứ nhất\r\n\r\nThứ hai\rThứ ba")
    lines = text.splitlines()
    first = lines.index("Thứ nhất")
    assert lines[first : first + 3] == ["Thứ nhất", "Thứ hai", "Thứ ba"]
