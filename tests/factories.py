"""Report inputs for tests: a small directive of every task kind, agency profiles, and answers."""

from __future__ import annotations

import copy

from assistant.core.directives import directive_from_dict
from assistant.core.model import Directive

DIRECTIVE = {
    "id": "test-cv-btgtu-2024",
    "kind": "party",
    "issuer": "Ban Tuyên giáo Tỉnh ủy",
    "issuer_parent": "Tỉnh ủy Thái Nguyên",
    "number": "3270",
    "code": "CV/BTGTU",
    "date": "2024-04-02",
    "place": "Thái Nguyên",
    "subject": "Tăng cường thông tin, tuyên truyền trên các nền tảng số, mạng xã hội",
    "recipients": ["Báo Thái Nguyên", "Đài PT-TH Thái Nguyên"],
    "groups": [{"id": "all", "label": "Các cơ quan báo chí"}],
    "tasks": [
        {"id": "t1", "label": "1", "kind": "short_video", "text": "Xây dựng video clip ngắn."},
        {"id": "t2", "label": "2", "kind": "content_ratio", "text": "Tiêu cực dưới 15%."},
        {"id": "t3", "label": "3", "kind": "code_of_conduct", "text": "Thực hiện QĐ 874."},
        {"id": "t4", "label": "4", "kind": "censorship", "text": "Kiểm duyệt clip."},
    ],
    "report_to": "Ban Tuyên giáo Tỉnh ủy",
    "signer": {
        "authority": "K/T TRƯỞNG BAN",
        "title": "PHÓ TRƯỞNG BAN",
        "name": "Nguyễn Quốc Thái",
    },
    "text": "Đề nghị các cơ quan thực hiện.",
}

STATE_PROFILE = {
    "name": "Đài Phát thanh và Truyền hình Thái Nguyên",
    "parent": "UBND tỉnh Thái Nguyên",
    "kind": "state",
    "symbol": "PTTH",
    "place": "Thái Nguyên",
    "signer": {"authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Nguyễn Văn An"},
    "drafting_unit": "TKBT",
}

PARTY_PROFILE = {
    "name": "Ban Tuyên giáo Huyện ủy Định Hóa",
    "parent": "Đảng bộ tỉnh Thái Nguyên",
    "kind": "party",
    "symbol": "BTGHU",
    "place": "Định Hóa",
    "signer": {"authority": "K/T TRƯỞNG BAN", "title": "PHÓ TRƯỞNG BAN", "name": "Hoàng Thị Lan"},
    "drafting_unit": "Ban Tuyên giáo Huyện ủy",
}

ANSWERS = {
    "profile": STATE_PROFILE,
    "number": 5,
    "date": "2024-06-28",
    "period": {"start": "2024-04-02", "end": "2024-06-28"},
    "implementation": "Ban Giám đốc quán triệt đến toàn thể viên chức.",
    "tasks": {
        "t1": {
            "status": "done",
            "figures": {
                "clips_produced": 42,
                "platforms": [
                    {"platform": "facebook", "clips": 40, "views": 125000, "interactions": 8300},
                    {"platform": "tiktok", "clips": 30, "views": 98000},
                ],
                "examples": ["Clip “Thái Nguyên mùa chè”"],
                "censored_by": "Phó Giám đốc phụ trách nội dung",
            },
        },
        "t2": {"figures": {"platforms": [{"platform": "facebook", "total": 500, "negative": 40}]}},
        "t3": {
            "figures": {
                "staff_total": 120,
                "staff_briefed": 118,
                "internal_rule": "Quy chế số 12/QC-PTTH",
            }
        },
        "t4": {"status": "partly", "notes": "Giám đốc trực tiếp duyệt."},
    },
    "difficulties": "Thiếu nhân lực.\nThiết bị cũ.",
    "next_steps": "Mở thêm chuyên mục video ngắn trên TikTok.",
    "proposals": "Đề nghị hỗ trợ kinh phí.",
}


def directive() -> Directive:
    return directive_from_dict(copy.deepcopy(DIRECTIVE))


def answers(**changes: object) -> dict:
    """The example answers with ``changes``; ``tasks`` given are merged by task id, so that every
    task of the directive stays answered."""
    data = copy.deepcopy(ANSWERS)
    changes = copy.deepcopy(changes)
    data["tasks"].update(changes.pop("tasks", {}))
    data.update(changes)
    return data


def answers_in(fmt: str, **changes: object) -> dict:
    """Answers from an agency of the format's own system (a Party body for hd36)."""
    changes.setdefault("profile", STATE_PROFILE if fmt == "nd30" else PARTY_PROFILE)
    return answers(**changes)
