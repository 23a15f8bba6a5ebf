"""Parsing directive text into fields: header columns, symbols, recipients, tasks, signer."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.core.directives import directive_from_dict, directive_to_dict
from assistant.core.errors import UserError
from assistant.core.model import BodyKind
from assistant.importer import parse_text
from assistant.importer.header import split_columns
from tests.importer_corpus import SPECS, render_text


def test_merged_header_columns_are_split() -> None:
    assert split_columns("BAN TUYÊN GIÁO Kiên Giang, ngày 03 tháng 4 năm 2024") == [
        "BAN TUYÊN GIÁO",
        "Kiên Giang, ngày 03 tháng 4 năm 2024",
    ]
    assert split_columns("TỈNH ỦY KIÊN GIANG ĐẢNG CỘNG SẢN VIỆT NAM") == [
        "TỈNH ỦY KIÊN GIANG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ]
    assert split_columns("Số: 830/STTTT-TTBCXB Thái Nguyên, ngày 16 tháng 4 năm 2024")[1] == (
        "Thái Nguyên, ngày 16 tháng 4 năm 2024"
    )


def test_party_directive_fields() -> None:
    parsed = parse_text(render_text(SPECS[0]))
    assert parsed["kind"] is BodyKind.PARTY
    assert (parsed["issuer"], parsed["issuer_parent"]) == (
        "Ban Dân vận Tỉnh ủy",
        "Tỉnh ủy Bắc Ninh",
    )
    assert parsed.directive_id == "512-cv-bdvtu-2024"
    assert parsed["implements"][0].symbol == "1024-CV/BDVTW"
    assert parsed["implements"][0].date == date(2024, 4, 15)
    assert parsed["report_deadline"] == date(2024, 6, 30)
    assert parsed["report_to"] == "Ban Dân vận Tỉnh ủy"
    groups = {g.label for g in parsed["groups"]}
    assert "Ban Dân vận các huyện ủy, thị ủy, thành ủy" in groups
    assert parsed["tasks"][2].groups == ()  # "3. Đẩy mạnh …" names no addressee


def test_state_heading_items_group_their_dash_tasks() -> None:
    parsed = parse_text(render_text(SPECS[1]))
    tasks = parsed["tasks"]
    assert [t.label for t in tasks] == ["-", "-", "-"]
    assert tasks[0].groups == tasks[1].groups != tasks[2].groups
    assert [t.kind for t in tasks] == ["code_of_conduct", "content_ratio", "censorship"]
    assert parsed["signer"].authority == "KT. GIÁM ĐỐC"


def test_single_recipient_and_wrapped_recipient() -> None:
    assert parse_text(render_text(SPECS[2]))["recipients"] == ("Sở Thông tin và Truyền thông",)
    recipients = parse_text(render_text(SPECS[3]))["recipients"]
    assert recipients[-1] == "Các huyện ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy"


def test_hidden_number_stays_unknown() -> None:
    text = render_text(SPECS[3]).replace("Số 78-CV/TU", "Số      -CV/TU")
    parsed = parse_text(text)
    assert parsed["number"] is None
    assert parsed.confidence("number") == 0
    assert parsed.directive_id == "unknown-cv-tu-2023"


def test_no_date_and_no_subject_are_not_invented() -> None:
    lines = render_text(SPECS[3]).splitlines()
    text = "\n".join(
        line for line in lines if "ngày 20 tháng 11" not in line and "tăng cường quản" not in line
    )
    text = text.replace("trên không gian mạng\n", "", 1)
    parsed = parse_text(text)
    assert parsed["date"] is None and parsed.confidence("date") == 0
    assert parsed["subject"] == "" and "subject" in parsed.missing()
    with pytest.raises(UserError, match="trích yếu"):
        parsed.to_directive()


def test_overrides_win_and_produce_a_valid_directive() -> None:
    parsed = parse_text(render_text(SPECS[1])).with_overrides(subject="Chủ đề đã sửa", number="99")
    assert parsed.confidence("subject") == 1.0
    directive = parsed.to_directive()
    assert directive.id == "99-stttt-bcxb-2024"
    assert directive_from_dict(directive_to_dict(directive)) == directive
    with pytest.raises(KeyError):
        parsed.with_overrides(colour="red")


def test_json_is_serialisable_with_confidences() -> None:
    import json

    data = parse_text(render_text(SPECS[0])).to_json()
    json.dumps(data, ensure_ascii=False)
    assert all(0 <= f["confidence"] <= 1 for f in data["fields"].values())
    assert data["fields"]["signer"]["value"]["name"] == "Trần Văn Minh"


def test_text_far_too_long_for_a_directive_is_refused() -> None:
    with pytest.raises(UserError, match="quá dài"):
        parse_text(render_text(SPECS[0]) * 200)
