"""Figures of the three structured task kinds, their totals, and their checks.

* short video production ("nhanh - ngắn - rộng": clips, platforms, views, who censored them);
* content ratio (CV 830/STTTT-TTBCXB): negative items must stay *under* 15% of all items posted;
* Code of Conduct on social networks (Quyết định 874/QĐ-BTTTT, 17/6/2021), as a checklist
  (spec/formatting.md §7).

Totals are derived, never typed twice. ``problems()`` lists what is wrong, field by field, in
Vietnamese: the command line refuses to generate with any, the window marks the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from assistant.core import vntext
from assistant.core.limits import COUNT_MAX

NEGATIVE_LIMIT = 0.15  # "dưới 15%": 15.0% already breaks the rule

PLATFORMS: dict[str, str] = {
    "facebook": "Facebook",
    "zalo": "Zalo",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "website": "Trang/cổng thông tin điện tử",
    "other": "Nền tảng khác",
}

# Compliance checklist derived from QĐ 874 (spec §7); items computed from figures are not here.
CHECKLIST_874: dict[str, str] = {
    "security_procedure": "Có quy trình bảo mật tài khoản và xử lý khi bị mất quyền kiểm soát",
    "official_sources_only": "Chỉ chia sẻ thông tin từ nguồn chính thống, tin cậy",
    "no_harmful_content": "Không đăng tải thông tin vi phạm pháp luật, xúc phạm, tin giả, quảng cáo sai",
    "positive_content": "Chủ động đăng tải thông tin tích cực, gương người tốt, việc tốt",
}
# Each checklist answer as the predicate of a sentence whose subject is the agency:
# (ticked, answered "no").
CHECKLIST_874_SENTENCES: dict[str, tuple[str, str]] = {
    "security_procedure": (
        "đã có quy trình bảo mật tài khoản và xử lý khi bị mất quyền kiểm soát",
        "chưa có quy trình bảo mật tài khoản và xử lý khi bị mất quyền kiểm soát",
    ),
    "official_sources_only": (
        "chỉ chia sẻ thông tin từ nguồn chính thống, tin cậy",
        "chưa bảo đảm chỉ chia sẻ thông tin từ nguồn chính thống, tin cậy",
    ),
    "no_harmful_content": (
        "không đăng tải thông tin vi phạm pháp luật, xúc phạm, tin giả, quảng cáo sai sự thật",
        "còn để xảy ra việc đăng tải thông tin vi phạm pháp luật, xúc phạm, tin giả, "
        "quảng cáo sai sự thật",
    ),
    "positive_content": (
        "chủ động đăng tải thông tin tích cực, gương người tốt, việc tốt",
        "chưa chủ động đăng tải thông tin tích cực, gương người tốt, việc tốt",
    ),
}


@dataclass(frozen=True)
class Problem:
    """A figure that cannot stand as entered (a part larger than its whole …)."""

    field: str  # dotted path inside the figures: "platforms.0.negative"
    message: str  # Vietnamese


def platform_label(key: str, name: str = "") -> str:
    return name or PLATFORMS.get(key, key)


@dataclass(frozen=True)
class PlatformClips:
    """The short video clips of one platform: how many, their views and interactions."""

    platform: str
    name: str = ""  # for "other": the platform's own name
    clips: int | None = None  # None: not given, so the report says nothing of it
    views: int | None = None
    interactions: int | None = None

    @property
    def label(self) -> str:
        return platform_label(self.platform, self.name)


@dataclass(frozen=True)
class ShortVideoFigures:
    """The figures of a short-video task: clips produced, per platform, examples, who censors."""

    clips_produced: int | None = None
    platforms: tuple[PlatformClips, ...] = ()
    examples: tuple[str, ...] = ()
    censored_by: str = ""

    @property
    def views(self) -> int | None:
        return _sum(p.views for p in self.platforms)

    @property
    def interactions(self) -> int | None:
        return _sum(p.interactions for p in self.platforms)

    def problems(self) -> list[Problem]:
        found = _negatives(self, "clips_produced")
        for i, p in enumerate(self.platforms):
            found += _negatives(p, "clips", "views", "interactions", prefix=f"platforms.{i}.")
        return found


@dataclass(frozen=True)
class PlatformPosts:
    """The posts of one platform: all of them, and the negative ones."""

    platform: str
    name: str = ""
    total: int | None = None
    negative: int | None = None

    @property
    def label(self) -> str:
        return platform_label(self.platform, self.name)

    @property
    def share(self) -> float | None:
        return _share(self.negative, self.total)


@dataclass(frozen=True)
class ContentRatioFigures:
    """The figures of a content-ratio task: posts per platform, negative share computed."""

    platforms: tuple[PlatformPosts, ...] = ()

    @property
    def total(self) -> int | None:
        return _sum(p.total for p in self.platforms)

    @property
    def negative(self) -> int | None:
        return _sum(p.negative for p in self.platforms)

    @property
    def share(self) -> float | None:
        """Negative share of all posts; None when nothing was posted or a figure is missing."""
        if any(p.total is None or p.negative is None for p in self.platforms):
            return None
        return _share(self.negative, self.total)

    @property
    def over_limit(self) -> bool:
        return self.share is not None and self.share >= NEGATIVE_LIMIT

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        for i, p in enumerate(self.platforms):
            prefix = f"platforms.{i}."
            found += _negatives(p, "total", "negative", prefix=prefix)
            if p.negative is not None and p.total is not None and p.negative > p.total:
                found.append(
                    Problem(
                        prefix + "negative",
                        f"{p.label}: số tin, bài tiêu cực ({p.negative}) lớn hơn tổng số ({p.total}).",
                    )
                )
        return found


@dataclass(frozen=True)
class CodeOfConductFigures:
    """The figures of a Code of Conduct (QĐ 874) task: staff briefed, rule issued, accounts,
    violations."""

    staff_total: int | None = None
    staff_briefed: int | None = None
    internal_rule: str = ""  # the rule issued ("Quy chế số 12/QC-PTTH ngày …"); empty: not said
    accounts_total: int | None = None
    accounts_verified: int | None = None
    violations_found: int | None = None
    violations_handled: int | None = None
    checklist: dict[str, bool] = field(default_factory=dict)

    @property
    def briefed_share(self) -> float | None:
        return _share(self.staff_briefed, self.staff_total)

    def problems(self) -> list[Problem]:
        found = _negatives(
            self,
            "staff_total",
            "staff_briefed",
            "accounts_total",
            "accounts_verified",
            "violations_found",
            "violations_handled",
        )
        pairs = (
            ("staff_briefed", "staff_total", "Số cán bộ được phổ biến lớn hơn tổng số cán bộ."),
            ("accounts_verified", "accounts_total", "Số tài khoản đã xác thực lớn hơn tổng số."),
            ("violations_handled", "violations_found", "Số vi phạm đã xử lý lớn hơn số phát hiện."),
        )
        for part, whole, message in pairs:
            given = getattr(self, part), getattr(self, whole)
            if None not in given and given[0] > given[1]:
                found.append(Problem(part, message))
        unknown = set(self.checklist) - set(CHECKLIST_874)
        found += [
            Problem(f"checklist.{k}", f"Mục kiểm tra «{k}» không có.") for k in sorted(unknown)
        ]
        return found


def _negatives(obj: object, *names: str, prefix: str = "") -> list[Problem]:
    return [
        Problem(prefix + name, "Số liệu không được là số âm.")
        for name in names
        if (getattr(obj, name) or 0) < 0
    ]


def _sum(values: Iterable[int | None]) -> int | None:
    """The sum of the figures given; None when none was."""
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def _share(part: int | None, whole: int | None) -> float | None:
    return part / whole if part is not None and whole else None


FIGURE_TYPES = {
    "short_video": ShortVideoFigures,
    "content_ratio": ContentRatioFigures,
    "code_of_conduct": CodeOfConductFigures,
}


def figures_from_dict(form: str, data: dict) -> object:
    """Build the figures dataclass of ``form`` from its JSON form (already schema-checked)."""
    if form == "short_video":
        return ShortVideoFigures(
            clips_produced=data.get("clips_produced"),
            platforms=tuple(PlatformClips(**p) for p in data.get("platforms", ())),
            examples=tuple(data.get("examples", ())),
            censored_by=data.get("censored_by", ""),
        )
    if form == "content_ratio":
        return ContentRatioFigures(tuple(PlatformPosts(**p) for p in data.get("platforms", ())))
    if form == "code_of_conduct":
        return CodeOfConductFigures(**data)
    raise ValueError(f"unknown figures form {form!r}")


def figures_to_dict(figures: object) -> dict:
    """The JSON form: a figure not given is left out (the schema has no null counts)."""

    def given(value: object) -> object:
        if isinstance(value, dict):
            return {k: given(v) for k, v in value.items() if v is not None}
        if isinstance(value, list | tuple):
            return [given(v) for v in value]
        return value

    return given(asdict(figures))  # type: ignore[call-overload, return-value]


def parse_count(text: str) -> tuple[int | None, str]:
    """A count typed by a clerk: "12500" or "12.500" → 12500; empty → 0.

    Returns (value, "") or (None, Vietnamese message) — letters and negative numbers are refused.
    """
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return 0, ""
    if cleaned.startswith("-") and cleaned[1:].replace(".", "").isdigit():
        return None, "Số liệu không được là số âm."
    if not re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", cleaned):
        return None, "Chỉ nhập chữ số (ví dụ 12500 hoặc 12.500)."
    value = int(cleaned.replace(".", ""))
    if value > COUNT_MAX:
        return None, f"Số quá lớn (tối đa {vntext.number(COUNT_MAX)})."
    return value, ""
