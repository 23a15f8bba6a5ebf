"""The catalogue of task kinds, as data.

Every task of a directive maps to one kind. Three kinds carry structured figures (their dataclasses
live in :mod:`assistant.core.figures`); every other kind is answered with a status and narrative.
The wording of each kind lives in ``templates/tasks/<key>.j2`` (falling back to ``generic.j2``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TaskKind:
    """A kind of task directives ask for: its title, its figures form, what the clerk is asked."""

    key: str
    title: str  # Vietnamese, shown in the checklist and used as the report's sub-heading
    figures: str | None = (
        None  # name of the figures form: "short_video", "content_ratio", "code_of_conduct"
    )
    hint: str = ""  # what the clerk is asked to describe


TASK_KINDS: dict[str, TaskKind] = {
    k.key: k
    for k in (
        TaskKind(
            "short_video",
            "Sản xuất, đăng, phát video clip ngắn trên các nền tảng số, mạng xã hội",
            figures="short_video",
            hint="Số clip, nền tảng, lượt xem/tương tác, clip tiêu biểu, người kiểm duyệt",
        ),
        TaskKind(
            "content_ratio",
            "Cân đối tỷ lệ thông tin tích cực, tiêu cực (tiêu cực dưới 15%)",
            figures="content_ratio",
            hint="Tổng số tin, bài đã đăng và số tin, bài tiêu cực trên từng nền tảng",
        ),
        TaskKind(
            "code_of_conduct",
            "Thực hiện Bộ Quy tắc ứng xử trên mạng xã hội (Quyết định số 874/QĐ-BTTTT)",
            figures="code_of_conduct",
            hint="Số cán bộ được phổ biến, quy chế nội bộ, tài khoản chính danh, vi phạm",
        ),
        TaskKind(
            "digital_content",
            "Đẩy mạnh thông tin, tuyên truyền trên các nền tảng số, mạng xã hội",
            hint="Kênh, chuyên trang, chuyên mục đã mở; nội dung đã đăng tải",
        ),
        TaskKind(
            "audience_survey",
            "Khảo sát nhu cầu công chúng, đánh giá hiệu quả thông tin",
            hint="Khảo sát đã làm, kết quả, điều chỉnh nội dung và phương thức",
        ),
        TaskKind(
            "censorship",
            "Biên tập, kiểm duyệt nội dung trước khi đăng, phát",
            hint="Ai kiểm duyệt, quy trình, sai sót phát hiện",
        ),
        TaskKind(
            "policy_communication",
            "Truyền thông chính sách, tuyên truyền chủ trương, nhiệm vụ của địa phương",
            hint="Chủ đề, số tin bài, chuyên trang, chuyên mục",
        ),
        TaskKind(
            "network_management",
            "Quản lý, kiểm tra, xử lý thông tin xấu, độc trên không gian mạng",
            hint="Trường hợp phát hiện, đã xử lý, phối hợp",
        ),
        TaskKind(
            "professional_training",
            "Bồi dưỡng nghiệp vụ, đạo đức nghề nghiệp cho đội ngũ",
            hint="Lớp, hội nghị, số người tham gia",
        ),
        TaskKind("generic", "Nhiệm vụ khác", hint="Kết quả thực hiện"),
    )
}


def kind(key: str) -> TaskKind:
    """The kind for ``key``; an unknown key falls back to the generic kind."""
    return TASK_KINDS.get(key, TASK_KINDS["generic"])
