"""A corpus of every layout class of ``shared/spec/directive-layouts.md``, in every format.

Each spec is a made-up directive with the structure of real ones (header columns, type line,
sections, report request); it is rendered as plain text, .docx with the header in a borderless
two-column table, a text PDF (LibreOffice), a scan (the PDF page at 300 dpi through Tesseract) and
a copy stripped of its diacritics. Portal copies are text only: that is how they reach a clerk.
"""

from __future__ import annotations

import subprocess
import tempfile
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from docx import Document
from docx.shared import Inches, Pt

from tests.importer_corpus import convert_to_pdf, fill_cell, have, strip_diacritics

STATE_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_MOTTO = ("ĐẢNG CỘNG SẢN VIỆT NAM",)


@dataclass(frozen=True)
class LSpec:
    key: str
    cls: str  # the class of the spec it stands for
    left: tuple[str, ...]  # left header column: bodies, rule, number, V/v
    right: tuple[str, ...]  # right header column: motto, place and date
    title: tuple[str, ...]  # type line and subject, centred under the header
    kinh_gui: tuple[str, ...]
    body: tuple[str, ...]
    noi_nhan: tuple[str, ...]
    sign: tuple[str, str, str]
    truth: dict = field(default_factory=dict)
    preamble: tuple[str, ...] = ()  # a portal's lines before the letterhead


def _cv(number: str, code: str) -> dict:
    return {"number": number, "code": code}


SPECS = (
    LSpec(
        "cv-ubnd-tinh",
        "cong-van",
        (
            "ỦY BAN NHÂN DÂN",
            "TỈNH HẬU GIANG",
            "",
            "Số: 1520/UBND-VX",
            "V/v tăng cường thông tin tuyên truyền",
            "trên mạng xã hội",
        ),
        (*STATE_MOTTO, "", "Hậu Giang, ngày 18 tháng 9 năm 2026"),
        (),
        (
            "Kính gửi:",
            "- Các sở, ban, ngành tỉnh;",
            "- Ủy ban nhân dân các huyện, thị xã, thành phố.",
        ),
        (
            "Thực hiện Công văn số 4120/BTTTT-CBC ngày 02/9/2026 của Bộ Thông tin và Truyền thông, "
            "Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện các nội dung sau:",
            "1. Đẩy mạnh đăng tải thông tin tích cực trên các nền tảng số, mạng xã hội của cơ quan, "
            "đơn vị.",
            "2. Chỉ đạo kiểm duyệt chặt chẽ tin, bài trước khi đăng, phát.",
            "3. Khảo sát nhu cầu tiếp cận thông tin của người dân trên địa bàn.",
            "Các cơ quan, đơn vị báo cáo kết quả về Sở Thông tin và Truyền thông (qua Phòng Thông tin "
            "– Báo chí – Xuất bản) trước ngày 15/12/2026 để tổng hợp./.",
        ),
        ("Như trên;", "TT Tỉnh ủy (b/c);", "Lưu: VT, VX."),
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Cảnh Tuyên"),
        {
            **_cv("1520", "UBND-VX"),
            "date": date(2026, 9, 18),
            "issuer": "Ủy ban nhân dân tỉnh Hậu Giang",
            "parent": "",
            "kind": "state",
            "place": "Hậu Giang",
            "subject": "Tăng cường thông tin tuyên truyền trên mạng xã hội",
            "recipients": 2,
            "tasks": 3,
            "deadline": date(2026, 12, 15),
        },
    ),
    LSpec(
        "cv-so",
        "cong-van",
        (
            "UBND TỈNH HÀ NAM",
            "SỞ VĂN HÓA, THỂ THAO",
            "VÀ DU LỊCH",
            "",
            "Số: 845/SVHTTDL-QLVH",
            "Về việc tổ chức các hoạt động",
            "văn hóa, văn nghệ chào mừng",
            "ngày Quốc khánh",
        ),
        (*STATE_MOTTO, "", "Hà Nam, ngày 5 tháng 8", "năm 2026"),
        (),
        ("Kính gửi: Phòng Văn hóa và Thông tin các huyện, thị xã, thành phố.",),
        (
            "Để chào mừng ngày Quốc khánh, Sở Văn hóa, Thể thao và Du lịch đề nghị các đơn vị:",
            "-Cử cán bộ tham gia Ban tổ chức các hoạt động văn hóa tại địa phương.",
            "– Tổ chức trang trí, cổ động trực quan tại trung tâm các huyện.",
            "+ Đăng tải tin, bài về các hoạt động trên trang thông tin điện tử.",
            "Kết quả thực hiện gửi báo cáo về Sở Văn hóa, Thể thao và Du lịch trước ngày 10/9.",
        ),
        ("Như trên;", "Giám đốc Sở (b/c);", "Lưu: VT, QLVH."),
        ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Thu Hà"),
        {
            **_cv("845", "SVHTTDL-QLVH"),
            "date": date(2026, 8, 5),
            "issuer": "Sở Văn hóa, Thể thao và Du lịch",
            "parent": "Ủy ban nhân dân tỉnh Hà Nam",
            "kind": "state",
            "place": "Hà Nam",
            "subject": "Tổ chức các hoạt động văn hóa, văn nghệ chào mừng ngày Quốc khánh",
            "recipients": 1,
            "tasks": 3,
            "deadline": date(2026, 9, 10),
        },
    ),
    LSpec(
        "cv-bo",
        "cong-van",
        (
            "BỘ VĂN HÓA, THỂ THAO",
            "VÀ DU LỊCH",
            "",
            "Số: 3021/BVHTTDL-VP",
            "V/v rà soát nội dung đăng tải",
        ),
        (*STATE_MOTTO, "", "Hà Nội, ngày 22 tháng 10 năm 2026"),
        (),
        (
            "Kính gửi:",
            "- Các cơ quan, đơn vị thuộc Bộ;",
            "- Sở Văn hóa, Thể thao và Du lịch các tỉnh.",
        ),
        (
            "Bộ Văn hóa, Thể thao và Du lịch đề nghị các cơ quan, đơn vị rà soát:",
            "1. Số tin, bài đăng tải trong quý.",
            "2. Các nội dung chính đăng, phát trên mạng xã hội?",
            "3. Các khó khăn, vướng mắc.",
            "Các đơn vị báo cáo đột xuất khi có yêu cầu về Văn phòng Bộ./.",
        ),
        ("Như trên;", "Bộ trưởng (để b/c);", "Lưu: VT, VP."),
        ("TL. BỘ TRƯỞNG", "CHÁNH VĂN PHÒNG", "Nguyễn Văn Hùng"),
        {
            **_cv("3021", "BVHTTDL-VP"),
            "date": date(2026, 10, 22),
            "issuer": "Bộ Văn hóa, Thể thao và Du lịch",
            "parent": "",
            "kind": "state",
            "place": "Hà Nội",
            "subject": "Rà soát nội dung đăng tải",
            "recipients": 2,
            "tasks": 3,
            "deadline": None,
        },
    ),
    LSpec(
        "party-ban",
        "party",
        (
            "TỈNH ỦY HÀ NAM",
            "BAN TUYÊN GIÁO",
            "*",
            "Số 215-CV/BTGTU",
            "Về việc định hướng thông tin",
            "trên không gian mạng",
        ),
        (*PARTY_MOTTO, "", "Hà Nam, ngày 03 tháng 3 năm 2026"),
        (),
        ("Kính gửi: - Các cơ quan báo chí của tỉnh,", "- Ban tuyên giáo các huyện ủy, thành ủy."),
        (
            "Ban Tuyên giáo Tỉnh ủy đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:",
            "1. Tăng cường thông tin tích cực, chủ động định hướng dư luận xã hội.",
            "2. Phối hợp đấu tranh, phản bác các thông tin xấu, độc trên không gian mạng.",
            "Định kỳ hằng quý (trước ngày 20 của tháng cuối quý) báo cáo kết quả về Ban Tuyên giáo "
            "Tỉnh ủy (qua Phòng Báo chí - Xuất bản).",
        ),
        ("Như trên,", "Thường trực Tỉnh ủy (b/c),", "Lưu Ban Tuyên giáo Tỉnh ủy."),
        ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Đinh Văn Tuấn"),
        {
            **_cv("215", "CV/BTGTU"),
            "date": date(2026, 3, 3),
            "issuer": "Ban Tuyên giáo Tỉnh ủy",
            "parent": "Tỉnh ủy Hà Nam",
            "kind": "party",
            "place": "Hà Nam",
            "subject": "Định hướng thông tin trên không gian mạng",
            "recipients": 2,
            "tasks": 2,
            "deadline": None,
        },
    ),
    LSpec(
        "party-huyen",
        "party",
        (
            "ĐẢNG BỘ TỈNH HÀ NAM",
            "HUYỆN ỦY KIM BẢNG",
            "*",
            "Số 118-CV/HU",
            "V/v tổ chức học tập, quán triệt nghị quyết",
        ),
        (*PARTY_MOTTO, "", "Kim Bảng, ngày 14 tháng 4 năm 2026"),
        (),
        ("Kính gửi: Các chi bộ, đảng bộ cơ sở trực thuộc.",),
        (
            "Ban Thường vụ Huyện ủy yêu cầu các chi bộ, đảng bộ cơ sở:",
            "1. Tổ chức học tập, quán triệt nghị quyết đến toàn thể đảng viên.",
            "2. Xây dựng chương trình hành động thực hiện nghị quyết.",
            "3. Tuyên truyền kết quả thực hiện trên trang thông tin điện tử.",
            "Các chi bộ, đảng bộ báo cáo kết quả về Huyện ủy (qua Ban Tuyên giáo Huyện ủy) trước ngày "
            "30/5/2026./.",
        ),
        ("Như trên,", "Lưu Văn phòng Huyện ủy."),
        ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Thanh Lập"),
        {
            **_cv("118", "CV/HU"),
            "date": date(2026, 4, 14),
            "issuer": "Huyện ủy Kim Bảng",
            "parent": "Đảng bộ tỉnh Hà Nam",
            "kind": "party",
            "place": "Kim Bảng",
            "subject": "Tổ chức học tập, quán triệt nghị quyết",
            "recipients": 1,
            "tasks": 3,
            "deadline": date(2026, 5, 30),
        },
    ),
    LSpec(
        "ke-hoach",
        "ke-hoach",
        ("UBND HUYỆN ĐỊNH HÓA", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "", "Số: 45/KH-PVHTT"),
        (*STATE_MOTTO, "", "Định Hóa, ngày 10 tháng 01 năm 2026"),
        ("KẾ HOẠCH", "TRIỂN KHAI CÔNG TÁC THÔNG TIN CƠ SỞ", "NĂM 2026"),
        (),
        (
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân huyện, Phòng Văn hóa "
            "và Thông tin xây dựng kế hoạch như sau:",
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Nâng cao chất lượng thông tin cơ sở.",
            "2. Bảo đảm thông tin kịp thời, chính xác.",
            "II. NỘI DUNG",
            "1. Tuyên truyền các chủ trương, chính sách mới trên hệ thống loa truyền thanh.",
            "2. Cập nhật tin, bài trên trang thông tin điện tử của xã.",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Trung tâm Văn hóa, Thể thao và Truyền thông: chủ trì sản xuất chương trình phát thanh.",
            "2. Ủy ban nhân dân các xã, thị trấn: tổ chức thực hiện kế hoạch tại địa phương; báo cáo "
            "6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) về Phòng Văn hóa và Thông tin.",
        ),
        ("Trung tâm VHTT&TT huyện;", "UBND các xã, thị trấn;", "Lưu: VT."),
        ("", "TRƯỞNG PHÒNG", "Hoàng Văn Sơn"),
        {
            **_cv("45", "KH-PVHTT"),
            "date": date(2026, 1, 10),
            "issuer": "Phòng Văn hóa và Thông tin",
            "parent": "Ủy ban nhân dân huyện Định Hóa",
            "kind": "state",
            "place": "Định Hóa",
            "subject": "Triển khai công tác thông tin cơ sở năm 2026",
            "recipients": 2,
            "tasks": 4,
            "deadline": None,
        },
    ),
    LSpec(
        "huong-dan",
        "huong-dan",
        ("ỦY BAN NHÂN DÂN", "HUYỆN ĐỊNH HÓA", "", "Số: 07/HD-UBND"),
        (*STATE_MOTTO, "", "Định Hóa, ngày 2 tháng 2 năm 2026"),
        ("HƯỚNG DẪN", "THỰC HIỆN CHUYỂN ĐỔI SỐ", "TRONG CÁC CƠ QUAN HÀNH CHÍNH"),
        (),
        (
            "I. MỤC ĐÍCH, YÊU CẦU",
            "Thống nhất cách thực hiện chuyển đổi số trong các cơ quan hành chính của huyện.",
            "II. NỘI DUNG HƯỚNG DẪN",
            "1. Sử dụng hệ thống quản lý văn bản điện tử trong toàn bộ cơ quan.",
            "2. Số hóa hồ sơ, tài liệu lưu trữ theo lộ trình.",
            "3. Bảo đảm an toàn thông tin mạng.",
            "III. TỔ CHỨC THỰC HIỆN",
            "Các cơ quan, đơn vị báo cáo hằng tháng, trước ngày 05 của tháng sau, về Phòng Văn hóa "
            "và Thông tin huyện.",
        ),
        ("Các cơ quan, đơn vị thuộc huyện;", "UBND các xã, thị trấn;", "Lưu: VT."),
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Ma Thị Nguyệt"),
        {
            **_cv("07", "HD-UBND"),
            "date": date(2026, 2, 2),
            "issuer": "Ủy ban nhân dân huyện Định Hóa",
            "parent": "",
            "kind": "state",
            "place": "Định Hóa",
            "subject": "Thực hiện chuyển đổi số trong các cơ quan hành chính",
            "recipients": 2,
            "tasks": 3,
            "deadline": None,
        },
    ),
    LSpec(
        "thong-bao",
        "thong-bao",
        ("UBND QUẬN 3", "TRUNG TÂM VĂN HÓA", "", "Số: 19/TB-TTVH"),
        (*STATE_MOTTO, "", "Quận 3, ngày 25 tháng 11 năm 2026"),
        ("THÔNG BÁO", "KẾT QUẢ HỘI NGHỊ TỔNG KẾT", "CÔNG TÁC VĂN HÓA NĂM 2026"),
        (),
        (
            "Trung tâm Văn hóa thông báo kết luận của Giám đốc tại hội nghị như sau:",
            "1. Các câu lạc bộ xây dựng kế hoạch hoạt động năm 2027.",
            "2. Bộ phận truyền thông cập nhật lịch hoạt động trên trang thông tin.",
            "Các bộ phận báo cáo kết quả về Trung tâm Văn hóa trước ngày 20/12.",
        ),
        ("Ban Giám đốc;", "Các bộ phận;", "Lưu: VT."),
        ("", "GIÁM ĐỐC", "Phạm Thị Lan"),
        {
            **_cv("19", "TB-TTVH"),
            "date": date(2026, 11, 25),
            "issuer": "Trung tâm Văn hóa",
            "parent": "Ủy ban nhân dân Quận 3",
            "kind": "state",
            "place": "Quận 3",
            "subject": "Kết quả hội nghị tổng kết công tác văn hóa năm 2026",
            "recipients": 2,
            "tasks": 2,
            "deadline": date(2026, 12, 20),
        },
    ),
    LSpec(
        "chi-thi",
        "chi-thi",
        ("ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG", "", "Số: 09/CT-UBND"),
        (*STATE_MOTTO, "", "Hậu Giang, ngày 12 tháng 6 năm 2026"),
        ("CHỈ THỊ", "VỀ TĂNG CƯỜNG QUẢN LÝ THÔNG TIN ĐIỆN TỬ", "TRÊN ĐỊA BÀN TỈNH"),
        (),
        (
            "Thời gian qua, công tác quản lý thông tin điện tử trên địa bàn tỉnh đạt nhiều kết quả. "
            "Để tiếp tục nâng cao hiệu quả, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
            "1. Sở Thông tin và Truyền thông tăng cường kiểm tra các trang thông tin điện tử tổng hợp.",
            "2. Công an tỉnh phối hợp xử lý các hành vi vi phạm trên không gian mạng.",
            "3. Ủy ban nhân dân các huyện, thành phố chỉ đạo hệ thống thông tin cơ sở.",
            "Định kỳ hằng quý (trước ngày 20 của tháng cuối quý), các cơ quan báo cáo kết quả về Sở "
            "Thông tin và Truyền thông để tổng hợp./.",
        ),
        (
            "Sở Thông tin và Truyền thông;",
            "Công an tỉnh;",
            "UBND các huyện, thành phố;",
            "Lưu: VT.",
        ),
        ("", "CHỦ TỊCH", "Đồng Văn Thanh"),
        {
            **_cv("09", "CT-UBND"),
            "date": date(2026, 6, 12),
            "issuer": "Ủy ban nhân dân tỉnh Hậu Giang",
            "parent": "",
            "kind": "state",
            "place": "Hậu Giang",
            "subject": "Về tăng cường quản lý thông tin điện tử trên địa bàn tỉnh",
            "recipients": 3,
            "tasks": 3,
            "deadline": None,
        },
    ),
    LSpec(
        "qd-ke-hoach",
        "quyet-dinh-ke-hoach",
        ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG", "", "Số: 1876/QĐ-BTTTT"),
        (*STATE_MOTTO, "", "Hà Nội, ngày 30 tháng 7 năm 2026"),
        ("QUYẾT ĐỊNH", "Ban hành Kế hoạch truyền thông chính sách năm 2026"),
        (),
        (
            "BỘ TRƯỞNG BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
            "Căn cứ Nghị định số 48/2022/NĐ-CP ngày 26/7/2022 của Chính phủ;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch truyền thông chính sách năm 2026.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
            "Điều 3. Chánh Văn phòng và Thủ trưởng các đơn vị chịu trách nhiệm thi hành Quyết định này.",
        ),
        (
            "Như Điều 3;",
            "Các Thứ trưởng;",
            "Sở Thông tin và Truyền thông các tỉnh;",
            "Lưu: VT, VP.",
        ),
        ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phan Tâm Đức"),
        {
            **_cv("1876", "QĐ-BTTTT"),
            "date": date(2026, 7, 30),
            "issuer": "Bộ Thông tin và Truyền thông",
            "parent": "",
            "kind": "state",
            "place": "Hà Nội",
            "subject": "Ban hành Kế hoạch truyền thông chính sách năm 2026",
            "recipients": 2,
            "tasks": 3,
            "deadline": date(2026, 12, 1),
        },
    ),
    LSpec(
        "cv-ubnd-phuong",
        "cong-van",
        (
            "ỦY BAN NHÂN DÂN",
            "PHƯỜNG PHAN ĐÌNH PHÙNG",
            "",
            "Số: 112/UBND-VHXH",
            "V/v tổ chức tuyên truyền",
            "Ngày Pháp luật Việt Nam năm 2026",
        ),
        (*STATE_MOTTO, "", "Phan Đình Phùng, ngày 3 tháng 11 năm 2026"),
        (),
        ("Kính gửi: Các tổ dân phố trên địa bàn phường.",),
        (
            "Thực hiện Kế hoạch số 210/KH-UBND ngày 20/10/2026 của Ủy ban nhân dân tỉnh Thái Nguyên, "
            "Ủy ban nhân dân phường đề nghị các tổ dân phố:",
            "1. Treo băng rôn, khẩu hiệu tuyên truyền tại nhà văn hóa tổ dân phố.",
            "2. Phát trên hệ thống loa truyền thanh các nội dung tuyên truyền do phường cung cấp.",
            "Kết quả thực hiện báo cáo về Ủy ban nhân dân phường (qua Văn phòng HĐND và UBND phường) "
            "trước ngày 20/11/2026.",
        ),
        ("Như trên;", "Chủ tịch, các PCT UBND phường;", "Lưu: VT, VHXH."),
        ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lương Thị Hồng Nhung"),
        {
            **_cv("112", "UBND-VHXH"),
            "date": date(2026, 11, 3),
            "issuer": "Ủy ban nhân dân phường Phan Đình Phùng",
            "parent": "",
            "kind": "state",
            "place": "Phan Đình Phùng",
            "subject": "Tổ chức tuyên truyền Ngày Pháp luật Việt Nam năm 2026",
            "recipients": 1,
            "tasks": 2,
            "deadline": date(2026, 11, 20),
        },
    ),
    LSpec(
        "tb-huyen-uy",
        "thong-bao",
        ("HUYỆN ỦY ĐỒNG HỶ", "*", "Số 86-TB/HU"),
        (*PARTY_MOTTO, "", "Đồng Hỷ, ngày 9 tháng 10 năm 2026"),
        (
            "THÔNG BÁO",
            "KẾT LUẬN CỦA BAN THƯỜNG VỤ HUYỆN ỦY",
            "về công tác tuyên truyền chuyển đổi số",
        ),
        (),
        (
            "Ngày 5/10/2026, Ban Thường vụ Huyện ủy họp nghe báo cáo kết quả công tác tuyên truyền "
            "chuyển đổi số. Sau khi thảo luận, Ban Thường vụ Huyện ủy kết luận như sau:",
            "1. Ban Tuyên giáo Huyện ủy chủ trì hướng dẫn tuyên truyền chuyển đổi số trên các nền "
            "tảng mạng xã hội.",
            "2. Các chi bộ, đảng bộ cơ sở quán triệt đến đảng viên về chuyển đổi số.",
            "3. Ủy ban nhân dân huyện chỉ đạo các phòng, ban chuyên môn triển khai nền tảng số dùng "
            "chung.",
            "Định kỳ 6 tháng (trước ngày 15 của tháng cuối kỳ), các cơ quan, đơn vị báo cáo kết quả "
            "về Ban Thường vụ Huyện ủy (qua Văn phòng Huyện ủy).",
        ),
        (
            "Thường trực Tỉnh ủy (b/c),",
            "Các đồng chí Huyện ủy viên,",
            "Các chi, đảng bộ cơ sở,",
            "Lưu Văn phòng Huyện ủy.",
        ),
        ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Dương Văn Lượng"),
        {
            **_cv("86", "TB/HU"),
            "date": date(2026, 10, 9),
            "issuer": "Huyện ủy Đồng Hỷ",
            "parent": "",
            "kind": "party",
            "place": "Đồng Hỷ",
            "subject": "Kết luận của Ban Thường vụ Huyện ủy về công tác tuyên truyền chuyển đổi số",
            "recipients": 2,
            "tasks": 3,
            "deadline": None,
        },
    ),
)
# The plan a decision issues, printed after the decision's signature.
PLAN = (
    "KẾ HOẠCH", "TRUYỀN THÔNG CHÍNH SÁCH NĂM 2026",
    "(Ban hành kèm theo Quyết định số 1876/QĐ-BTTTT ngày 30/7/2026 của Bộ trưởng)",
    "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của người dân về chính sách mới.",
    "II. NHIỆM VỤ, GIẢI PHÁP", "1. Tổ chức họp báo định kỳ về chính sách.",
    "2. Sản xuất video clip ngắn giới thiệu chính sách.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Sở Thông tin và Truyền thông các tỉnh: triển khai kế hoạch tại địa phương, báo cáo kết quả về "
    "Bộ Thông tin và Truyền thông (qua Văn phòng Bộ) trước ngày 01/12/2026.",
)  # fmt: skip


def render_text(spec: LSpec) -> str:
    """Plain text as a copy of an e-office document prints it: left column, then right."""
    lines = [*spec.preamble, *spec.left, "", *spec.right, ""]
    return _finish(spec, lines)


def _finish(spec: LSpec, lines: list[str]) -> str:
    if spec.title:
        lines += [*spec.title, ""]
    if spec.kinh_gui:
        lines += [*spec.kinh_gui, ""]
    for para in spec.body:
        lines += [para, ""]
    lines += ["Nơi nhận:", *(f"- {d}" for d in spec.noi_nhan), ""]
    lines += [s for s in spec.sign[:2] if s] + ["", "", spec.sign[2], ""]
    if spec.cls == "quyet-dinh-ke-hoach":
        for para in PLAN:
            lines += [para, ""]
        lines += ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Phan Tâm Đức"]
    return "\n".join(lines) + "\n"


def render_interleaved(spec: LSpec) -> str:
    """A portal copy: the header cells one per line, the two columns interleaved."""
    left, right = [x for x in spec.left if x], [x for x in spec.right if x]
    mixed = [x for pair in zip(left, right + [""] * len(left), strict=False) for x in pair if x]
    return _finish(spec, [*portal_lines(spec), *mixed, *right[len(left) :], ""])


def render_piped(spec: LSpec) -> str:
    """A portal copy whose header rows are joined with "|"."""
    left, right = [x for x in spec.left if x], [x for x in spec.right if x]
    rows = [f"{a} | {b}" if a and b else a or b for a, b in zip(
        left + [""] * (len(right) - len(left)), right + [""] * (len(left) - len(right)),
        strict=True)]  # fmt: skip
    return _finish(spec, [*portal_lines(spec), *rows, ""])


def render_metadata_only(spec: LSpec) -> str:
    """A portal copy without the letterhead: number, date, issuer, signer only in the metadata."""
    return _finish(spec, [*portal_lines(spec), ""])


def portal_lines(spec: LSpec) -> list[str]:
    t = spec.truth
    return [
        f"{spec.title[0].title() if spec.title else 'Công văn'} {t['number']}/{t['code']} năm "
        f"{t['date'].year} {t['subject'].lower()}",
        "Nội dung toàn văn",
        "Văn bản liên quan: Luật Báo chí 2016; Luật An ninh mạng 2018",
        f"Số hiệu: | {t['number']}/{t['code']}",
        f"Loại văn bản: | {spec.title[0].title() if spec.title else 'Công văn'}",
        f"Nơi ban hành: | {t['issuer']}",
        f"Người ký: | {spec.sign[2]}",
        f"Ngày ban hành: | {t['date']:%d/%m/%Y}",
        f"Ngày hiệu lực: | {t['date']:%d/%m/%Y}",
    ]


def write_docx(spec: LSpec, path: Path) -> Path:
    """Header and signature in borderless two-column tables, as e-office sends them."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    header = doc.add_table(rows=1, cols=2)
    header.autofit = False
    for column, width in zip(header.columns, (Inches(2.6), Inches(3.9)), strict=True):
        for cell in column.cells:
            cell.width = width
    fill_cell(header.cell(0, 0), list(spec.left))
    fill_cell(header.cell(0, 1), list(spec.right))
    for line in (*spec.title, *spec.kinh_gui, *spec.body):
        doc.add_paragraph(line)
    footer = doc.add_table(rows=1, cols=2)
    fill_cell(footer.cell(0, 0), ["Nơi nhận:", *(f"- {d}" for d in spec.noi_nhan)])
    fill_cell(footer.cell(0, 1), [*(s for s in spec.sign[:2] if s), "", "", spec.sign[2]])
    if spec.cls == "quyet-dinh-ke-hoach":
        doc.add_page_break()
        for line in PLAN:
            doc.add_paragraph(line)
        for line in ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "", "Phan Tâm Đức"):
            doc.add_paragraph(line)
    doc.save(str(path))
    return path


def truth_of(spec: LSpec, stripped: bool = False) -> dict:
    """The fields the importer must find; a stripped copy's signer name stays as printed."""
    truth = {**spec.truth, "signer": spec.sign}
    if stripped:
        truth["signer"] = (*spec.sign[:2], strip_diacritics(spec.sign[2]))
    return truth


@dataclass(frozen=True)
class LayoutFile:
    path: Path
    cls: str
    fmt: str  # txt, docx, pdf, scan, stripped, portal
    truth: dict


PORTAL = (("interleaved", render_interleaved, 0), ("piped", render_piped, 5),
          ("metadata-only", render_metadata_only, 8))  # fmt: skip


def build(root: Path, scans: bool = True) -> list[LayoutFile]:
    """Write every corpus file under ``root`` (PDFs in one LibreOffice call)."""
    files: list[LayoutFile] = []
    docx = []
    for spec in SPECS:
        text = render_text(spec)
        path = root / f"{spec.key}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(LayoutFile(path, spec.cls, "txt", truth_of(spec)))
        stripped = root / f"{spec.key}-ascii.txt"
        stripped.write_text(strip_diacritics(text), encoding="utf-8")
        files.append(LayoutFile(stripped, spec.cls, "stripped", truth_of(spec, stripped=True)))
        docx.append(write_docx(spec, root / f"{spec.key}.docx"))
        files.append(LayoutFile(docx[-1], spec.cls, "docx", truth_of(spec)))
    for name, render, index in PORTAL:
        spec = replace(SPECS[index], cls=f"portal-{name}")
        path = root / f"portal-{name}.txt"
        path.write_text(render(spec), encoding="utf-8")
        truth = truth_of(spec)
        if name == "metadata-only":
            truth["place"] = ""  # no place-date line printed: nothing to read, nothing to invent
        files.append(LayoutFile(path, spec.cls, "portal", truth))
    if have("soffice"):
        for pdf, spec in zip(convert_to_pdf(docx, root), SPECS, strict=True):
            files.append(LayoutFile(pdf, spec.cls, "pdf", truth_of(spec)))
            if scans and have("pdftoppm") and have("tesseract"):
                files.append(LayoutFile(scanned_pdf(pdf, root), spec.cls, "scan", truth_of(spec)))
    return files


def scanned_pdf(pdf: Path, out_dir: Path, dpi: int = 300) -> Path:
    """Every page of ``pdf`` as a grey image in a PDF without text: what a scanner delivers."""
    with tempfile.TemporaryDirectory(prefix="scan-") as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"],
                       check=True, capture_output=True, timeout=120)  # fmt: skip
        pages = [_pgm(page) for page in sorted(Path(tmp).glob("p*.pgm"))]
    out = out_dir / f"{pdf.stem}-scan.pdf"
    out.write_bytes(_image_pdf(pages, dpi))
    return out


def _pgm(path: Path) -> tuple[int, int, bytes]:
    """(width, height, pixels) of a binary PGM as pdftoppm writes it (P5, 8 bits)."""
    data = path.read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255", path
    return int(width), int(height), pixels


def _image_pdf(pages: list[tuple[int, int, bytes]], dpi: int) -> bytes:
    """A minimal PDF: one Flate-compressed grey image filling each page, nothing else."""
    objects: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(n))
    objects += [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode(),
    ]
    for i, (width, height, pixels) in enumerate(pages):
        w, h = width * 72 / dpi, height * 72 / dpi
        content, image = 4 + 3 * i, 5 + 3 * i
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:.2f} {h:.2f}] "
                       f"/Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>"
                       .encode())  # fmt: skip
        draw = f"q {w:.2f} 0 0 {h:.2f} 0 0 cm /Im0 Do Q".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        packed = zlib.compress(pixels, 6)
        objects.append(f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
                       f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                       f"/Length {len(packed)} >>\nstream\n".encode() + packed + b"\nendstream")  # fmt: skip
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


# Text whose PDF font lost every Vietnamese letter: "Phú Thọ" → "Ph Th".
LOST_LETTERS = "".join(ch if ch.isascii() else "" for ch in render_text(SPECS[0])).replace(
    "Hu Giang", "Ph Th"
)
REPORT = render_text(replace(SPECS[5], title=("BÁO CÁO", "KẾT QUẢ CÔNG TÁC THÔNG TIN CƠ SỞ")))
