"""What a scan's letterhead, a PDF's merged columns and a copy without marks leave, put right."""

from __future__ import annotations

from dataclasses import replace

from assistant.importer import parse_text
from assistant.importer.gazetteer import spell_places
from assistant.importer.ocrtidy import tidy
from assistant.importer.restore import correct_capitals
from tests.importer_corpus import strip_diacritics
from tests.layouts_corpus import SPECS, render_text

SCAN_HEAD = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT

; Ạ NAM
TĨNH HẠU GIANG

Độc lập - Tự do - Hạnh phúc
‹ - - : Hậu Giang, ngày 18 tháng 9 năm 2026
IL. MỤC ĐÍCH, YÊU CẦU
- Như trên;
"""


def test_specks_and_the_wrapped_motto_are_cut() -> None:
    lines = tidy(SCAN_HEAD).split("\n")
    assert lines[0].endswith("CHỦ NGHĨA VIỆT NAM") and "; Ạ NAM" not in lines
    assert "Hậu Giang, ngày 18 tháng 9 năm 2026" in lines
    assert "II. MỤC ĐÍCH, YÊU CẦU" in lines and "- Như trên;" in lines  # an item keeps its dash


def test_capitals_get_the_marks_their_context_asks_for() -> None:
    fixed = correct_capitals("TĨNH HẠU GIANG\nHUYỆN ỦY KIM BẢNG\nNĂM 2026\nSƠ VĂN HOA, THẺ THAO")
    assert fixed.text.split("\n") == [
        "TỈNH HẬU GIANG", "HUYỆN ỦY KIM BẢNG", "NĂM 2026", "SỞ VĂN HÓA, THỂ THAO"
    ]  # fmt: skip
    assert {"TỈNH", "HẬU", "SỞ", "HÓA", "THỂ"} <= set(fixed.review)


def test_a_scan_is_read_right_but_never_shown_certain() -> None:
    text = render_text(SPECS[0]).replace("TỈNH HẬU GIANG", "TĨNH HẠU GIANG")
    parsed = parse_text(text, source="scan.pdf", method="ocr")
    assert parsed["issuer"] == "Ủy ban nhân dân tỉnh Hậu Giang"
    assert all(parsed.confidence(f) < 0.9 for f in ("issuer", "subject", "signer", "tasks"))
    assert parsed.confidence("number") >= 0.9  # digits are not words: their confidence stays


def test_a_name_level_with_the_last_recipient_is_the_signer() -> None:
    spec = SPECS[5]  # a PDF's text layer prints the two foot columns on one line
    text = (
        render_text(spec)
        .replace("- Lưu: VT.\n", "")
        .replace("\nHoàng Văn Sơn\n", "\n- Lưu: VT. Hoàng Văn Sơn\n")
    )
    parsed = parse_text(text)
    assert parsed["signer"].name == "Hoàng Văn Sơn" and parsed["distribution"][-1] == "Lưu: VT"
    unit = render_text(replace(spec, noi_nhan=("Lưu: VT, Phòng Tổng Hợp",)))
    assert "Lưu: VT, Phòng Tổng Hợp" in parse_text(unit)["distribution"]


def test_a_code_that_lost_its_d_and_a_date_after_today() -> None:
    text = render_text(SPECS[9]).replace("QĐ-BTTTT", "QD-BTTTT").replace("năm 2026", "năm 2096")
    parsed = parse_text(text)
    assert parsed["code"] == "QĐ-BTTTT"
    assert parsed["date"].year == 2096 and parsed.confidence("date") < 0.5


def test_place_names_of_a_copy_without_marks_are_looked_up() -> None:
    spec = next(s for s in SPECS if s.key == "cv-ubnd-phuong")  # a ward the model cannot know
    parsed = parse_text(strip_diacritics(render_text(spec)))
    assert parsed["issuer"] == "Ủy ban nhân dân phường Phan Đình Phùng"
    assert parsed["place"] == "Phan Đình Phùng"
    assert spell_places("Sở Vân Hòa, Thể thao") == "Sở Vân Hòa, Thể thao"  # only after a unit
    assert spell_places("Huyện ủy Kim Bằng") == "Huyện ủy Kim Bảng"
