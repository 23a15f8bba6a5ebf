"""The editor of one report: the directive's tasks (mine first), their figures, and the sections.

It reads and writes the answers JSON (core.answers' format), so the draft, the history and the
command line all see the same thing. It holds no rule: checks come from the core.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant.core.catalogue import kind as task_kind
from assistant.core.concern import split_tasks, why_mine
from assistant.core.figures import parse_count
from assistant.core.model import STATUS_LABELS_VI, AgencyProfile, Directive, Task, TaskStatus
from assistant.gui.figure_forms import FORMS, CountField, DateField, ErrorLabel

# The report's options, each an answers key and its checkbox.
OPTIONS = (
    (
        "appendix_figures",
        QT_TRANSLATE_NOOP("ReportEditor", "Kèm phụ lục bảng số liệu (theo từng nền tảng)"),
    ),
    (
        "compare_previous",
        QT_TRANSLATE_NOOP("ReportEditor", "So sánh số liệu với báo cáo kỳ trước (nếu có)"),
    ),
)

# Unnumbered: a section left empty is left out of the report, and the numbering follows.
SECTIONS = (
    (
        "implementation",
        QT_TRANSLATE_NOOP("ReportEditor", "Tình hình triển khai (lãnh đạo, quán triệt, kế hoạch):"),
    ),
    ("strengths", QT_TRANSLATE_NOOP("ReportEditor", "Ưu điểm:")),
    ("difficulties", QT_TRANSLATE_NOOP("ReportEditor", "Hạn chế, khó khăn, vướng mắc:")),
    ("next_steps", QT_TRANSLATE_NOOP("ReportEditor", "Phương hướng thời gian tới:")),
    ("proposals", QT_TRANSLATE_NOOP("ReportEditor", "Đề xuất, kiến nghị:")),
)


def _text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    box.setMaximumHeight(height * 2)
    return box


class TaskBox(QGroupBox):
    """One task: a tick, its status, notes, and the figures form its kind needs."""

    changed = Signal()

    def __init__(
        self, task: Task, mine: bool, why: str = "", parent: QWidget | None = None
    ) -> None:
        kind = task_kind(task.kind)
        super().__init__(f"{task.label}. {task.title or kind.title}", parent)
        self.task, self.mine = task, mine
        layout = QVBoxLayout(self)
        text = QLabel(task.text)
        text.setWordWrap(True)
        text.setTextFormat(Qt.PlainText)
        text.setStyleSheet("color: #555;" if mine else "color: #999;")
        layout.addWidget(text)
        self.why = QLabel(why)  # why the task is (or is not) the agency's, for the clerk to check
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.PlainText)
        self.why.setStyleSheet("color: #888; font-size: 8pt;")
        layout.addWidget(self.why)
        self.gap = QLabel()  # what the report still needs from this task, in red
        self.gap.setWordWrap(True)
        self.gap.setStyleSheet("color: #c62828;")
        self.gap.hide()
        layout.addWidget(self.gap)
        self.included = QCheckBox(self.tr("Báo cáo nhiệm vụ này"))
        self.included.setChecked(False)
        layout.addWidget(self.included)
        self.body = QWidget()
        form = QFormLayout(self.body)
        self.status = QComboBox()
        for status in TaskStatus:
            self.status.addItem(self.tr(STATUS_LABELS_VI[status]), status.value)
        form.addRow(self.tr("Tình trạng:"), self.status)
        self.notes = _text_box(60)
        self.notes.setPlaceholderText(self.tr(kind.hint))
        form.addRow(self.tr("Kết quả, ghi chú:"), self.notes)
        self.figures = FORMS[kind.figures]() if kind.figures else None
        if self.figures:
            form.addRow(self.figures)
            self.figures.changed.connect(self.changed)
        layout.addWidget(self.body)
        self.body.setVisible(False)
        if not mine:
            self.setStyleSheet("QGroupBox { color: #888; }")
        self.included.toggled.connect(self.body.setVisible)
        self.included.toggled.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)
        self.notes.textChanged.connect(self.changed)

    def name(self) -> str:
        """The task as the clerk reads it in the directive: its number and title, never its id."""
        title = self.task.title or task_kind(self.task.kind).title
        if self.task.label in ("", "-"):
            return self.tr("Nhiệm vụ «{title}»").format(title=title)
        return self.tr("Nhiệm vụ {label}. {title}").format(label=self.task.label, title=title)

    def show_gap(self, message: str) -> None:
        self.gap.setText(message)
        self.gap.setVisible(bool(message))

    def answer(self) -> dict | None:
        if not self.included.isChecked():
            return None
        data = {"status": self.status.currentData(), "notes": self.notes.toPlainText()}
        if self.figures:
            data["figures"] = self.figures.value()
        return data

    def load(self, data: dict | None) -> None:
        self.included.setChecked(data is not None)
        if data is None:
            return
        self.status.setCurrentIndex(max(self.status.findData(data.get("status", "done")), 0))
        self.notes.setPlainText(data.get("notes", ""))
        if self.figures and "figures" in data:
            self.figures.load(data["figures"])


class ReportEditor(QScrollArea):
    """Everything a clerk types for one directive; ``answers()`` and ``load()`` speak answers JSON."""

    changed = Signal()

    def __init__(
        self, directive: Directive, profile: AgencyProfile | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.directive = directive
        self.setWidgetResizable(True)
        inner = QWidget()
        self.layout_ = QVBoxLayout(inner)
        self.setWidget(inner)
        self._header(directive)
        self.tasks = self._tasks(directive, profile)
        self._general()
        self.layout_.addStretch(1)

    def _header(self, d: Directive) -> None:
        box = QGroupBox(self.tr("Công văn"))
        form = QFormLayout(box)
        signer = " ".join(filter(None, (d.signer.authority, d.signer.title, d.signer.name)))
        for label, value in (
            (self.tr("Cơ quan ban hành:"), " – ".join(filter(None, (d.issuer_parent, d.issuer)))),
            (self.tr("Số, ký hiệu:"), d.symbol),
            (self.tr("Ngày:"), d.date.strftime("%d/%m/%Y") if d.date else self.tr("không rõ")),
            (self.tr("Trích yếu:"), d.subject),
            (self.tr("Báo cáo gửi:"), d.report_to),
            (self.tr("Người ký:"), signer),
        ):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextFormat(Qt.PlainText)  # directive text is data, never markup
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label, text)
        self.layout_.addWidget(box)
        full = QGroupBox(self.tr("Toàn văn công văn"))
        full.setCheckable(True)
        full.setChecked(False)
        text = QLabel(d.text.replace("\n\n", "\n"))
        text.setWordWrap(True)
        text.setTextFormat(Qt.PlainText)
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        text.setVisible(False)
        QVBoxLayout(full).addWidget(text)
        full.toggled.connect(text.setVisible)
        self.layout_.addWidget(full)

    def _tasks(self, d: Directive, profile: AgencyProfile | None) -> list[TaskBox]:
        mine, others = split_tasks(d, profile)
        boxes = []
        self.layout_.addWidget(QLabel(self.tr("<h3>Nhiệm vụ của đơn vị</h3>")))
        for task in mine:
            boxes.append(TaskBox(task, True, why_mine(d, profile, task)))
            self.layout_.addWidget(boxes[-1])
        if others:
            self.layout_.addWidget(
                QLabel(self.tr("<h3 style='color:#888'>Nhiệm vụ giao cho đơn vị khác</h3>"))
            )
            for task in others:
                boxes.append(TaskBox(task, False, why_mine(d, profile, task)))
                self.layout_.addWidget(boxes[-1])
        for box in boxes:
            box.changed.connect(self.changed)
        return boxes

    def _general(self) -> None:
        box = QGroupBox(self.tr("Thông tin chung của báo cáo"))
        form = QFormLayout(box)
        self.number = CountField()
        self.number.setPlaceholderText(self.tr("tự cấp"))
        form.addRow(self.tr("Số văn bản đi:"), self.number)
        form.addRow("", self.number.error)
        self.date = DateField()
        self.date.set_date(date.today())
        form.addRow(self.tr("Ngày báo cáo:"), self.date)
        form.addRow("", self.date.error)
        self.period_start, self.period_end = DateField(), DateField()
        for edit, label in (
            (self.period_start, self.tr("Kỳ báo cáo từ ngày:")),
            (self.period_end, self.tr("đến ngày:")),
        ):
            edit.changed.connect(self.changed)
            form.addRow(label, edit)
            form.addRow("", edit.error)
        self.period_label = QLineEdit()
        self.period_label.setPlaceholderText(self.tr("hoặc ghi: quý II năm 2024"))
        form.addRow(self.tr("Kỳ báo cáo (ghi bằng chữ):"), self.period_label)
        self.period_clash = ErrorLabel()  # another draft already holds the period typed
        form.addRow("", self.period_clash)
        self.sections = {}
        for key, label in SECTIONS:
            self.sections[key] = _text_box()
            self.sections[key].setPlaceholderText(
                self.tr("Mỗi dòng là một đoạn văn; để trống thì báo cáo không có mục này.")
            )
            form.addRow(self.tr(label), self.sections[key])
            self.sections[key].textChanged.connect(self.changed)
        self.options = {key: QCheckBox(self.tr(label)) for key, label in OPTIONS}
        for check in self.options.values():
            form.addRow("", check)
            check.toggled.connect(self.changed)
        self.layout_.addWidget(box)
        self.number.textChanged.connect(self.changed)
        self.date.changed.connect(self.changed)
        self.period_label.textChanged.connect(self.changed)

    # -- answers JSON ---------------------------------------------------------------------
    @staticmethod
    def _iso(edit: DateField) -> str | None:
        value = edit.date()
        return value.isoformat() if value else None

    def answers(self) -> dict:
        data = {
            "directive": self.directive.id,
            "number": parse_count(self.number.text())[0] or None,
            # a draft saved while the date is being typed keeps today; generating is refused
            "date": (self.date.date() or date.today()).isoformat(),
            "period": {
                "start": self._iso(self.period_start),
                "end": self._iso(self.period_end),
                "label": self.period_label.text().strip(),
            },
            "tasks": {b.task.id: a for b in self.tasks if (a := b.answer()) is not None},
        }
        data.update({key: box.toPlainText() for key, box in self.sections.items()})
        data.update({key: True for key, check in self.options.items() if check.isChecked()})
        return data

    def load(self, data: dict) -> None:
        self.number.set_value(data.get("number"))
        if data.get("date"):
            self.date.set_date(date.fromisoformat(data["date"]))
        self.set_period(data.get("period") or {})
        tasks = data.get("tasks", {})
        for box in self.tasks:
            box.load(tasks.get(box.task.id))
        for key, box in self.sections.items():
            box.setPlainText(data.get(key, ""))
        for key, check in self.options.items():
            check.setChecked(bool(data.get(key)))

    def set_period(self, period: dict) -> None:
        """``period`` as the answers JSON holds it: ISO ``start``/``end`` and a ``label``."""
        for edit, key in ((self.period_start, "start"), (self.period_end, "end")):
            edit.set_date(date.fromisoformat(period[key]) if period.get(key) else None)
        self.period_label.setText(period.get("label", ""))

    def show_gaps(self, gaps) -> None:
        """Mark each task the report still needs something of (``core.readiness`` gaps)."""
        for box in self.tasks:
            own = [g.message for g in gaps if g.field.split(".")[:2] == ["tasks", box.task.id]]
            box.show_gap(own[0] if own else "")

    def problems(self) -> list[str]:
        """What stops generating, as Vietnamese sentences naming the task and the field."""
        found = []
        if self.number.value() is None:
            found.append(
                self.tr("Số văn bản đi: {message}").format(message=self.number.error.text())
            )
        for edit, label in (
            (self.date, self.tr("Ngày báo cáo")),
            (self.period_start, self.tr("Kỳ báo cáo từ ngày")),
            (self.period_end, self.tr("Kỳ báo cáo đến ngày")),
        ):
            if edit.problem():
                found.append(f"{label}: {edit.problem()}")
        if not self.date.edit.text().strip():
            found.append(self.tr("Ngày báo cáo: hãy ghi ngày của báo cáo."))
        start, end = self.period_start.date(), self.period_end.date()
        if start and end and start > end:
            found.append(self.tr("Kỳ báo cáo: ngày bắt đầu sau ngày kết thúc."))
        for box in self.tasks:
            if box.figures and box.included.isChecked():
                found += [f"{box.name()} — {message}" for message in box.figures.problems()]
        return found
