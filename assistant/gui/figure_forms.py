"""Forms for the three structured task kinds. Parsing and checks come from core.figures."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.core import vntext
from assistant.core.figures import (
    CHECKLIST_874,
    NEGATIVE_LIMIT,
    PLATFORMS,
    ContentRatioFigures,
    figures_from_dict,
    parse_count,
)

ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff3f3; }"


class CountField(QLineEdit):
    """A count: refuses letters and negative numbers with a message right under the field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(110)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.textChanged.connect(self._check)

    def value(self) -> int | None:
        return parse_count(self.text())[0]

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))

    def show_problem(self, message: str) -> None:
        self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(message)
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _check(self) -> None:
        self.show_problem(parse_count(self.text())[1])


class FiguresForm(QWidget):
    """Base: collects CountFields by their dotted field path, to mark core problems on them."""

    changed = Signal()

    KIND = ""  # the core figures form (core.figures.FIGURE_TYPES) this widget edits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, CountField] = {}
        self.labels: dict[str, str] = {}

    def count(self, path: str, label: str) -> CountField:
        field = CountField(self)
        field.textChanged.connect(self.changed)
        self.fields[path], self.labels[path] = field, label.rstrip(":")
        return field

    def problems(self) -> list[str]:
        """What stops this form from going into a report: typing errors, else the core's checks."""
        typed = [
            f"{self.labels[p]}: {parse_count(f.text())[1]}"
            for p, f in self.fields.items()
            if f.value() is None
        ]
        if typed:
            return typed
        return [p.message for p in figures_from_dict(self.KIND, self.value()).problems()]

    def mark(self, problems: dict[str, str]) -> None:
        """Show core problems (by field path) on their fields; typing errors stay as they are."""
        for path, field in self.fields.items():
            if field.value() is not None:
                field.show_problem(problems.get(path, ""))

    def _given(self, *paths: str, key=lambda path: path) -> dict:
        """The counts typed in these fields; an empty field is a figure not given (left out)."""
        found = {key(p): self.fields[p].value() for p in paths if self.fields[p].text().strip()}
        return {k: v for k, v in found.items() if v is not None}

    def platform_grid(self, columns: dict[str, str]) -> QGridLayout:
        """One row per platform, one count per column; each error shows under its field."""
        grid = QGridLayout()
        for col, title in enumerate([self.tr("Nền tảng"), *columns.values()]):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        for row, (key, platform) in enumerate(PLATFORMS.items(), start=1):
            grid.addWidget(QLabel(platform), row * 2 - 1, 0)
            for col, (name, title) in enumerate(columns.items(), start=1):
                field = self.count(f"{key}.{name}", f"{platform} – {title.lower()}")
                grid.addWidget(field, row * 2 - 1, col)
                grid.addWidget(field.error, row * 2, col)
        grid.setColumnStretch(len(columns) + 1, 1)  # keep the fields next to their platform
        return grid


class ShortVideoForm(FiguresForm):
    KIND = "short_video"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        produced = self.tr("Số video clip đã sản xuất:")
        top.addRow(produced, self.count("clips_produced", produced))
        top.addRow("", self.fields["clips_produced"].error)
        layout.addLayout(top)
        columns = {
            "clips": self.tr("Số clip"),
            "views": self.tr("Lượt xem"),
            "interactions": self.tr("Lượt tương tác"),
        }
        layout.addLayout(self.platform_grid(columns))
        self.examples = QPlainTextEdit()
        self.examples.setPlaceholderText(self.tr("Mỗi dòng một clip tiêu biểu"))
        self.examples.setMaximumHeight(70)
        self.censored_by = QLineEdit()
        self.censored_by.setPlaceholderText(self.tr("Ví dụ: Phó Giám đốc phụ trách nội dung"))
        bottom = QFormLayout()
        bottom.addRow(self.tr("Clip tiêu biểu:"), self.examples)
        bottom.addRow(self.tr("Người kiểm duyệt trước khi đăng:"), self.censored_by)
        layout.addLayout(bottom)
        self.examples.textChanged.connect(self.changed)
        self.censored_by.textChanged.connect(self.changed)

    def value(self) -> dict:
        platforms = []
        for key in PLATFORMS:
            paths = [f"{key}.{n}" for n in ("clips", "views", "interactions")]
            counts = self._given(*paths, key=lambda path: path.split(".")[1])
            if counts:
                platforms.append({"platform": key, **counts})
        return {
            **self._given("clips_produced"),
            "platforms": platforms,
            "examples": vntext.paragraphs(self.examples.toPlainText()),
            "censored_by": self.censored_by.text().strip(),
        }

    def load(self, data: dict) -> None:
        self.fields["clips_produced"].set_value(data.get("clips_produced"))
        for p in data.get("platforms", ()):
            for name in ("clips", "views", "interactions"):
                if f"{p['platform']}.{name}" in self.fields:
                    self.fields[f"{p['platform']}.{name}"].set_value(p.get(name))
        self.examples.setPlainText("\n".join(data.get("examples", ())))
        self.censored_by.setText(data.get("censored_by", ""))


class ContentRatioForm(FiguresForm):
    KIND = "content_ratio"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        columns = {"total": self.tr("Tổng số tin, bài"), "negative": self.tr("Tin, bài tiêu cực")}
        layout.addLayout(self.platform_grid(columns))
        self.share = QLabel()
        self.share.setWordWrap(True)
        layout.addWidget(self.share)
        self.changed.connect(self.update_share)
        self.update_share()

    def value(self) -> dict:
        platforms = []
        for key in PLATFORMS:
            counts = self._given(f"{key}.total", f"{key}.negative", key=lambda p: p.split(".")[1])
            if counts:
                platforms.append({"platform": key, **counts})
        return {"platforms": platforms}

    def load(self, data: dict) -> None:
        for p in data.get("platforms", ()):
            self.fields[f"{p['platform']}.total"].set_value(p.get("total"))
            self.fields[f"{p['platform']}.negative"].set_value(p.get("negative"))
        self.update_share()

    def update_share(self) -> None:
        """The negative share as the clerk types; a warning from 15% on (core decides)."""
        figures: ContentRatioFigures = figures_from_dict("content_ratio", self.value())
        self.mark(self.problem_paths(figures.problems()))
        if figures.share is None:
            self.share.setText(self.tr("Tỷ lệ tin, bài tiêu cực: chưa có số liệu."))
            self.share.setStyleSheet("")
            self.over_limit = False
            return
        text = self.tr("Tỷ lệ tin, bài tiêu cực: {share} ({negative}/{total}).").format(
            share=vntext.percent(figures.share),
            negative=vntext.number(figures.negative),
            total=vntext.number(figures.total),
        )
        self.over_limit = figures.over_limit
        if figures.over_limit:
            text += " " + self.tr("Cảnh báo: không đạt yêu cầu dưới {limit}.").format(
                limit=vntext.limit_percent(NEGATIVE_LIMIT)
            )
            self.share.setStyleSheet(
                "color: #b71c1c; font-weight: bold; background: #ffebee; padding: 4px;"
            )
        else:
            self.share.setStyleSheet("color: #1b5e20; padding: 4px;")
        self.share.setText(text)

    def problem_paths(self, problems) -> dict[str, str]:
        return _platform_paths(problems, self.value())


def _platform_paths(problems, value: dict) -> dict[str, str]:
    """Core paths ("platforms.0.negative") → this form's fields ("zalo.negative")."""
    keys = [p["platform"] for p in value.get("platforms", ())]
    found = {}
    for problem in problems:
        parts = problem.field.split(".")
        if parts[0] == "platforms" and len(parts) == 3:
            found[f"{keys[int(parts[1])]}.{parts[2]}"] = problem.message
        else:
            found[problem.field] = problem.message
    return found


class CodeOfConductForm(FiguresForm):
    KIND = "code_of_conduct"
    COUNTS = (
        (
            "staff_total",
            QT_TRANSLATE_NOOP("CodeOfConductForm", "Tổng số cán bộ, viên chức, người lao động:"),
        ),
        (
            "staff_briefed",
            QT_TRANSLATE_NOOP("CodeOfConductForm", "Số người đã được phổ biến Bộ Quy tắc:"),
        ),
        (
            "accounts_total",
            QT_TRANSLATE_NOOP("CodeOfConductForm", "Số tài khoản, trang mạng xã hội chính thức:"),
        ),
        (
            "accounts_verified",
            QT_TRANSLATE_NOOP("CodeOfConductForm", "Số tài khoản dùng tên thật, đã xác thực:"),
        ),
        (
            "violations_found",
            QT_TRANSLATE_NOOP("CodeOfConductForm", "Số trường hợp vi phạm phát hiện:"),
        ),
        ("violations_handled", QT_TRANSLATE_NOOP("CodeOfConductForm", "Số trường hợp đã xử lý:")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        for path, label in self.COUNTS:
            form.addRow(self.tr(label), self.count(path, self.tr(label)))
            form.addRow("", self.fields[path].error)
        self.internal_rule = QLineEdit()
        self.internal_rule.setPlaceholderText(
            self.tr("Ví dụ: Quy chế số 12/QC-PTTH ngày 10/5/2024 (để trống nếu chưa có)")
        )
        self.internal_rule.textChanged.connect(self.changed)
        form.addRow(self.tr("Quy chế nội bộ đã ban hành:"), self.internal_rule)
        form.addRow(QLabel(self.tr("Đã thực hiện theo Bộ Quy tắc:")))
        self.checks: dict[str, QCheckBox] = {}
        for key, label in CHECKLIST_874.items():
            box = QCheckBox(label)  # core wording, the same as in the report
            box.toggled.connect(self.changed)
            self.checks[key] = box
            form.addRow(box)  # full width: the items are long sentences
        self.changed.connect(self._recheck)

    def value(self) -> dict:
        data = self._given(*(path for path, _ in self.COUNTS))
        data["internal_rule"] = self.internal_rule.text().strip()
        data["checklist"] = {k: b.isChecked() for k, b in self.checks.items() if b.isChecked()}
        return data

    def load(self, data: dict) -> None:
        for path, _ in self.COUNTS:
            self.fields[path].set_value(data.get(path))
        self.internal_rule.setText(data.get("internal_rule", ""))
        for key, box in self.checks.items():
            box.setChecked(bool(data.get("checklist", {}).get(key)))

    def problem_paths(self, problems) -> dict[str, str]:
        return {p.field: p.message for p in problems}

    def _recheck(self) -> None:
        self.mark(self.problem_paths(figures_from_dict("code_of_conduct", self.value()).problems()))


FORMS = {
    "short_video": ShortVideoForm,
    "content_ratio": ContentRatioForm,
    "code_of_conduct": CodeOfConductForm,
}
