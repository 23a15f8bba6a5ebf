"""Forms for the three structured task kinds. Parsing and checks come from core.figures."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
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
from assistant.gui.messages import VIETNAMESE

ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff3f3; }"


class ErrorLabel(QLabel):
    """A message under a field. Its one line is always there (empty when the field is fine), so a
    message appearing never pushes the rows below it: the next click lands where it was aimed.
    A message longer than the line is elided; the whole of it is the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #c62828;")
        self.setTextFormat(Qt.PlainText)
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 2)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.message = ""

    def set_message(self, message: str) -> None:
        self.message = message
        self.setToolTip(message)
        self._elide()

    def text(self) -> str:  # the whole message, whatever the width shows
        return self.message

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 80)
        super().setText(self.fontMetrics().elidedText(self.message, Qt.ElideRight, width))


class CountField(QLineEdit):
    """A count: refuses letters, negative and too large numbers; the message shows on the line
    reserved under the field (or the form's shared line), the field turns red with a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(110)
        self.setFixedHeight(self.sizeHint().height())  # the red border must not move the rows
        self.error = ErrorLabel()
        self.textChanged.connect(self._check)

    def value(self) -> int | None:
        return parse_count(self.text())[0]

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else str(value))

    def show_problem(self, message: str) -> None:
        self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(message)
        self.error.set_message(message)

    def _check(self) -> None:
        self.show_problem(parse_count(self.text())[1])


class FiguresForm(QWidget):
    """Base: collects CountFields by their dotted field path, to mark core problems on them.

    Fields in a grid (and the long list of the code of conduct) share one reserved message line
    under them, naming the field: a message line under each would double the form's height."""

    changed = Signal()

    KIND = ""  # the core figures form (core.figures.FIGURE_TYPES) this widget edits

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, CountField] = {}
        self.labels: dict[str, str] = {}
        self.shared: list[str] = []  # paths whose message shows on ``shared_error``
        self.shared_error = ErrorLabel()

    def count(self, path: str, label: str, shared: bool = False) -> CountField:
        field = CountField(self)
        field.textChanged.connect(self._refresh_shared)
        field.textChanged.connect(self.changed)
        self.fields[path], self.labels[path] = field, label.rstrip(":")
        if shared:
            self.shared.append(path)
        return field

    def invalid(self) -> list[str]:
        """The fields whose text is no count (letters, a negative or too large number)."""
        return [p for p, f in self.fields.items() if f.value() is None]

    def problems(self) -> list[str]:
        """What stops this form from going into a report: typing errors, else the core's checks."""
        typed = [
            f"{self.labels[p]}: {parse_count(self.fields[p].text())[1]}" for p in self.invalid()
        ]
        if typed:
            return typed
        return [p.message for p in figures_from_dict(self.KIND, self.value()).problems()]

    def mark(self, problems: dict[str, str]) -> None:
        """Show core problems (by field path) on their fields; typing errors stay as they are."""
        for path, field in self.fields.items():
            if field.value() is not None:
                field.show_problem(problems.get(path, ""))
        self._refresh_shared()

    def _refresh_shared(self) -> None:
        """The first message of the shared fields, named; the others are on their tooltips."""
        found = [
            (p, self.fields[p].error.text()) for p in self.shared if self.fields[p].error.text()
        ]
        if not found:
            self.shared_error.set_message("")
            return
        path, message = found[0]
        more = len(found) - 1
        text = f"{self.labels[path]}: {message}"
        if more:
            text += " " + self.tr("(và {count} ô khác tô đỏ)").format(count=more)
        self.shared_error.set_message(text)

    def _given(self, *paths: str, key=lambda path: path) -> dict:
        """The counts typed in these fields; an empty field is a figure not given (left out)."""
        found = {key(p): self.fields[p].value() for p in paths if self.fields[p].text().strip()}
        return {k: v for k, v in found.items() if v is not None}

    def platform_grid(self, columns: dict[str, str]) -> QGridLayout:
        """One row per platform, one count per column; messages on the line under the grid."""
        grid = QGridLayout()
        for col, title in enumerate([self.tr("Nền tảng"), *columns.values()]):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        for row, (key, platform) in enumerate(PLATFORMS.items(), start=1):
            grid.addWidget(QLabel(platform), row, 0)
            for col, (name, title) in enumerate(columns.items(), start=1):
                field = self.count(f"{key}.{name}", f"{platform} – {title.lower()}", shared=True)
                grid.addWidget(field, row, col)
        grid.addWidget(self.shared_error, len(PLATFORMS) + 1, 0, 1, len(columns) + 2)
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
        problems = figures.problems()
        self.mark(self.problem_paths(problems))
        self.over_limit = False
        if self.invalid() or problems:
            # A refused figure is left out of value(): a share without it would be wrong (a
            # platform hidden, a huge total making it "0%"), so nothing is said of the rule.
            self.share.setText(
                self.tr("Tỷ lệ tin, bài tiêu cực: chưa tính được — hãy sửa các ô tô đỏ.")
            )
            self.share.setStyleSheet("color: #6d4c00; padding: 4px;")
            return
        if figures.share is None:
            self.share.setText(self.tr("Tỷ lệ tin, bài tiêu cực: chưa có số liệu."))
            self.share.setStyleSheet("")
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
            form.addRow(self.tr(label), self.count(path, self.tr(label), shared=True))
        form.addRow(self.shared_error)
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


DATE_TYPED = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*")


def parse_date(text: str) -> tuple[date | None, str]:
    """A date typed by a clerk: "01/10/2026", "1/10/2026", "1.10.2026" → (date, ""); empty →
    (None, ""); anything else → (None, Vietnamese message)."""
    if not text.strip():
        return None, ""
    match = DATE_TYPED.fullmatch(text)
    if not match:
        return None, "Ghi ngày dạng ngày/tháng/năm, ví dụ 01/10/2026."
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day), ""
    except ValueError:
        return None, f"Không có ngày {day:02d}/{month:02d}/{year}."


class DateField(QWidget):
    """A date the clerk types (dd/mm/yyyy) or picks on a Vietnamese calendar; may stay empty.

    A date typed wrong is never thrown away: it stays in the field, red, with its message on the
    reserved line under it, and ``problem()`` stops the report until it is corrected."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("ngày/tháng/năm"))
        self.edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9/.\- ]{0,12}"), self.edit)
        )
        self.edit.setMaximumWidth(130)
        self.edit.setFixedHeight(self.edit.sizeHint().height())
        self.pick = QToolButton()
        self.pick.setText(self.tr("Lịch…"))
        self.pick.setToolTip(self.tr("Chọn ngày trên lịch"))
        self.pick.clicked.connect(self.open_calendar)
        self.error = ErrorLabel()
        self.calendar: QCalendarWidget | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.pick)
        row.addStretch(1)
        self.edit.textChanged.connect(self._check)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self._tidy)

    def date(self) -> date | None:
        return parse_date(self.edit.text())[0]

    def problem(self) -> str:
        return parse_date(self.edit.text())[1]

    def set_date(self, value: date | None) -> None:
        self.edit.setText(value.strftime("%d/%m/%Y") if value else "")

    def _check(self) -> None:
        message = self.problem()
        self.edit.setStyleSheet(ERROR_STYLE if message else "")
        self.edit.setToolTip(message)
        self.error.set_message(message)

    def _tidy(self) -> None:
        """ "1/10/2026" reads back as "01/10/2026" once the clerk leaves the field."""
        value = self.date()
        if value and self.edit.text() != value.strftime("%d/%m/%Y"):
            self.set_date(value)

    def open_calendar(self) -> QCalendarWidget:
        """The calendar in Vietnamese, at the date typed, else at today."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.Popup)
        calendar.setLocale(VIETNAMESE)
        calendar.setFirstDayOfWeek(Qt.Monday)
        calendar.setGridVisible(True)
        calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        shown = QDate(self.date() or date.today())
        calendar.setSelectedDate(shown)
        calendar.setCurrentPage(shown.year(), shown.month())
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        calendar.show()
        self.calendar = calendar
        return calendar

    def _picked(self, day: QDate) -> None:
        self.set_date(day.toPython())
        if self.calendar is not None:
            self.calendar.close()
            self.calendar.deleteLater()
            self.calendar = None
        self.edit.setFocus()
