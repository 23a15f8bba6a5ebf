"""Correct every field of a directive and save it into the library.

The editor turns its widgets into a core ``Directive`` (``dataclasses.replace`` of the one it was
given) and lets the core validate it; the library decides what saving may do: a new directive is
added (the same one already there is offered instead), the clerk's own is updated, a bundled one is
kept as it was and the corrections go into a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core.catalogue import TASK_KINDS
from assistant.core.directives import DirectiveLibrary, directive_from_dict, directive_to_dict
from assistant.core.errors import UserError
from assistant.core.model import AddresseeGroup, BodyKind, Directive, Signer, Task
from assistant.core.request import PERIODICITY_VI, Periodicity, PeriodRule
from assistant.gui import messages

HEADER = (
    ("issuer", "Cơ quan ban hành"),
    ("issuer_parent", "Cơ quan cấp trên"),
    ("number", "Số"),
    ("code", "Ký hiệu"),
    ("date", "Ngày ban hành"),
    ("place", "Địa danh"),
    ("subject", "Trích yếu"),
    ("signer.collective", "Người ký: thay mặt"),
    ("signer.authority", "Người ký: quyền hạn"),
    ("signer.title", "Người ký: chức vụ"),
    ("signer.name", "Người ký: họ tên"),
)
REPORT = (
    ("report_to", "Báo cáo gửi"),
    ("report_via", "Gửi qua đơn vị"),
    ("report_deadline", "Hạn báo cáo (một lần)"),
)
DATES = ("date", "report_deadline")
SIGNER_KEYS = ("collective", "authority", "title", "name")
# Vietnamese names of the fields the core may refuse, for the message beside the form.
LABELS = {
    **dict(HEADER),
    **dict(REPORT),
    "id": "Mã công văn",
    "kind": "Loại cơ quan",
    "recipients": "Kính gửi",
    "groups": "Nhóm",
    "tasks": "Nhiệm vụ",
    "report_periods": "Báo cáo định kỳ",
}
PARTS = {
    "id": "mã",
    "label": "tên nhóm / số thứ tự",
    "members": "thành viên",
    "text": "nội dung",
    "kind": "loại",
    "title": "tên ngắn",
    "periodicity": "kỳ",
    "day": "ngày",
    "month_offset": "tháng sau kỳ",
}
TABS = ("Văn bản", "Nhóm nơi nhận", "Nhiệm vụ", "Yêu cầu báo cáo")
TAB_OF = {"groups": 1, "tasks": 2, "report_periods": 3, **{key: 3 for key, _ in REPORT}}


def _shown_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _read_date(text: str, field: str) -> date | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise UserError(
            f"«{LABELS[field]}» phải viết dạng dd/mm/yyyy, ví dụ 02/04/2024.",
            f"{field}: {text!r}",
            field=field,
        ) from None


def _lines(box: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in box.toPlainText().splitlines() if line.strip())


def explain(field: str, data: dict) -> str:
    """The clerk's sentence for a field the core refused ("tasks.1.text" → "Nhiệm vụ 2, nội dung")."""
    parts = field.split(".")
    if len(parts) > 1 and parts[1].isdigit():
        name = f"{LABELS.get(parts[0], parts[0])} {int(parts[1]) + 1}"
        name += f", {PARTS.get(parts[2], parts[2])}" if len(parts) > 2 else ""
    else:
        name = LABELS.get(field, field)
    value = data
    for part in parts:
        value = value[int(part)] if isinstance(value, list) else (value or {}).get(part)
    reason = "đang để trống" if value in ("", [], None) else "chưa đúng dạng"
    return f"Chưa lưu được: «{name}» {reason}. Hãy sửa rồi lưu lại."


class DirectiveEditor(QWidget):
    """Every field of one directive; ``save()`` stores it through the library."""

    saved = Signal(str)  # the saved directive's id
    opened = Signal(str)  # the clerk chose the library's copy of the same directive instead

    def __init__(
        self, library: DirectiveLibrary, confirm: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library, self.confirm = library, confirm
        self.original: Directive | None = None
        self.new_id: Callable[[Directive], str] | None = None
        self.tasks: list[Task] = []
        self.current = -1
        self.edits: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget()
        for build in (self._header_tab, self._groups_tab, self._tasks_tab, self._report_tab):
            self.tabs.addTab(build(), "")
        for index, title in enumerate(TABS):
            self.tabs.setTabText(index, self.tr(title))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b71c1c;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        save = QPushButton(self.tr("Lưu công văn"))
        save.clicked.connect(self.save)
        bottom = QHBoxLayout()
        notes = QVBoxLayout()
        notes.addWidget(self.error)
        notes.addWidget(self.status)
        bottom.addLayout(notes, 1)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.setEnabled(False)

    def _line(self, key: str) -> QLineEdit:
        self.edits[key] = QLineEdit()
        if key in DATES:
            self.edits[key].setPlaceholderText(
                self.tr("ngày/tháng/năm, ví dụ 02/04/2024; để trống nếu không có")
            )
        return self.edits[key]

    # -- tabs -----------------------------------------------------------------------------
    def _header_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Cơ quan Đảng"), BodyKind.PARTY.value)
        self.kind.addItem(self.tr("Cơ quan nhà nước"), BodyKind.STATE.value)
        form.addRow(self.tr("Loại cơ quan:"), self.kind)
        for key, label in HEADER:
            form.addRow(self.tr(label) + ":", self._line(key))
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(self.tr("Mỗi dòng một nơi"))
        form.addRow(self.tr("Kính gửi (mỗi dòng một nơi):"), self.recipients)
        return page

    def _groups_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        hint = QLabel(
            self.tr(
                "Các nhóm nơi nhận mà công văn giao việc chung. Mã chỉ gồm chữ thường không dấu, "
                "số và «_»; thành viên cách nhau bằng dấu «;»."
            )
        )
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.groups = QTableWidget(0, 3)
        self.groups.setHorizontalHeaderLabels(
            [self.tr("Mã"), self.tr("Tên nhóm"), self.tr("Thành viên")]
        )
        self.groups.horizontalHeader().setStretchLastSection(True)
        self.groups.setColumnWidth(1, 300)
        self.groups.cellChanged.connect(self._group_changed)
        box.addWidget(self.groups)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Thêm nhóm"), self.add_group),
            (self.tr("Xóa nhóm đang chọn"), self.remove_group),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        box.addLayout(row)
        return page

    def _tasks_tab(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        left = QVBoxLayout()
        self.task_list = QListWidget()
        self.task_list.setWordWrap(True)
        self.task_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.task_list.setMinimumWidth(260)
        self.task_list.currentRowChanged.connect(self._task_chosen)
        left.addWidget(self.task_list, 1)
        for text, slot in (
            (self.tr("Thêm nhiệm vụ"), self.add_task),
            (self.tr("Tách tại con trỏ"), self.split_task),
            (self.tr("Gộp với nhiệm vụ sau"), self.merge_task),
            (self.tr("Xóa nhiệm vụ"), self.delete_task),
            (self.tr("Lên trên"), lambda: self.move_task(-1)),
            (self.tr("Xuống dưới"), lambda: self.move_task(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            left.addWidget(button)
        outer.addLayout(left, 2)
        self.detail = QWidget()
        form = QFormLayout(self.detail)
        self.task_label, self.task_title = QLineEdit(), QLineEdit()
        self.task_label.setMaximumWidth(80)
        form.addRow(self.tr("Số thứ tự:"), self.task_label)
        self.task_kind = QComboBox()
        for kind in TASK_KINDS.values():
            self.task_kind.addItem(self.tr(kind.title), kind.key)
        form.addRow(self.tr("Loại nhiệm vụ:"), self.task_kind)
        form.addRow(self.tr("Tên ngắn (trong báo cáo):"), self.task_title)
        self.task_text = QPlainTextEdit()
        form.addRow(self.tr("Nội dung:"), self.task_text)
        self.task_groups = QGroupBox(self.tr("Giao cho nhóm (không chọn nhóm nào: mọi nơi nhận)"))
        self.group_checks: dict[str, QCheckBox] = {}
        QVBoxLayout(self.task_groups)
        form.addRow(self.task_groups)
        outer.addWidget(self.detail, 3)
        return page

    def _report_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for key, label in REPORT:
            form.addRow(self.tr(label) + ":", self._line(key))
        self.periods = QTableWidget(0, 3)
        self.periods.setHorizontalHeaderLabels(
            [self.tr("Kỳ báo cáo"), self.tr("Hạn: ngày"), self.tr("Tháng sau kỳ")]
        )
        self.periods.horizontalHeader().setStretchLastSection(True)
        self.periods.setColumnWidth(0, 160)
        form.addRow(self.tr("Báo cáo định kỳ:"), self.periods)
        hint = QLabel(
            self.tr("«Tháng sau kỳ» 0: hạn trong tháng cuối kỳ; 1: trong tháng kế tiếp …")
        )
        hint.setStyleSheet("color: #666;")
        form.addRow("", hint)
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("Thêm kỳ báo cáo"), lambda: self.add_period()),
            (
                self.tr("Xóa kỳ đang chọn"),
                lambda: self.periods.removeRow(self.periods.currentRow()),
            ),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        form.addRow("", row)
        return page

    # -- loading --------------------------------------------------------------------------
    def load(self, directive: Directive, new_id: Callable[[Directive], str] | None = None) -> None:
        """Show ``directive``; with ``new_id`` it is new, its id made from the corrected fields."""
        self.original, self.new_id = directive, new_id
        d = directive
        self.kind.setCurrentIndex(self.kind.findData(d.kind.value))
        values = {
            "issuer": d.issuer,
            "issuer_parent": d.issuer_parent,
            "number": d.number or "",
            "code": d.code,
            "date": _shown_date(d.date),
            "place": d.place,
            "subject": d.subject,
            **{f"signer.{k}": getattr(d.signer, k) for k in SIGNER_KEYS},
            "report_to": d.report_to,
            "report_via": d.report_via,
            "report_deadline": _shown_date(d.report_deadline),
        }
        for key, edit in self.edits.items():
            edit.setText(values[key])
            edit.setCursorPosition(0)  # long subjects show their beginning
        self.recipients.setPlainText("\n".join(d.recipients))
        with QSignalBlocker(self.groups):
            self.groups.setRowCount(0)
            for group in d.groups:
                self._group_row(group.id, group.label, "; ".join(group.members))
        self.known_ids = self._group_ids()
        self.tasks, self.current = list(d.tasks), -1
        self._refill(0)
        self.periods.setRowCount(0)
        for rule in d.report_periods:
            self.add_period(rule)
        self.error.clear()
        if new_id:
            note = self.tr("Công văn mới: sửa các trường rồi bấm «Lưu công văn».")
        elif self.library.is_bundled(d.id):
            note = self.tr(
                "Công văn có sẵn trong chương trình: bản gốc giữ nguyên, khi lưu các sửa đổi "
                "được lưu thành một bản riêng."
            )
        else:
            note = self.tr("Bấm «Lưu công văn» để cập nhật công văn «{id}».").format(id=d.id)
        self.status.setText(note)
        self.setEnabled(True)

    # -- groups ---------------------------------------------------------------------------
    def _group_row(self, group_id: str, label: str, members: str) -> None:
        row = self.groups.rowCount()
        self.groups.insertRow(row)
        for column, text in enumerate((group_id, label, members)):
            self.groups.setItem(row, column, QTableWidgetItem(text))

    def _cell(self, row: int, column: int) -> str:
        item = self.groups.item(row, column)
        return item.text().strip() if item else ""

    def _group_ids(self) -> list[str]:
        return [self._cell(r, 0) for r in range(self.groups.rowCount())]

    def _groups(self) -> tuple[AddresseeGroup, ...]:
        return tuple(
            AddresseeGroup(
                self._cell(r, 0),
                self._cell(r, 1),
                tuple(m.strip() for m in self._cell(r, 2).split(";") if m.strip()),
            )
            for r in range(self.groups.rowCount())
        )

    def _group_changed(self, row: int, column: int) -> None:
        """A renamed group keeps its tasks; the task's checkboxes follow the table."""
        self._commit_task()
        if column == 0 and row < len(self.known_ids):
            old, new = self.known_ids[row], self._cell(row, 0)
            self.tasks = [
                replace(t, groups=tuple(new if g == old else g for g in t.groups))
                for t in self.tasks
            ]
        self.known_ids = self._group_ids()
        self._show(self.current)

    def add_group(self) -> None:
        self._commit_task()
        with QSignalBlocker(self.groups):
            self._group_row(f"nhom_{self.groups.rowCount() + 1}", "", "")
        self.known_ids = self._group_ids()
        self._show(self.current)
        self.groups.setCurrentCell(self.groups.rowCount() - 1, 1)

    def remove_group(self) -> None:
        if self.groups.currentRow() < 0:
            return
        self._commit_task()
        self.groups.removeRow(self.groups.currentRow())
        self.known_ids = self._group_ids()
        self._show(self.current)

    # -- tasks ----------------------------------------------------------------------------
    def _item_text(self, task: Task) -> str:
        text = f"{task.label}. {task.title or task.text}".replace("\n", " ")
        text = text if len(text) <= 70 else text[:69] + "…"
        return text + (f"  [{', '.join(task.groups)}]" if task.groups else "")

    def _refill(self, row: int) -> None:
        """Rebuild the list after tasks were added, split, merged, deleted or moved."""
        with QSignalBlocker(self.task_list):
            self.task_list.clear()
            self.task_list.addItems([self._item_text(t) for t in self.tasks])
            self.task_list.setCurrentRow(row)
        self._show(row if 0 <= row < len(self.tasks) else -1)

    def _show(self, row: int) -> None:
        self.current = row
        self.detail.setEnabled(row >= 0)
        task = self.tasks[row] if row >= 0 else Task("", "", "", "generic")
        self.task_label.setText(task.label)
        self.task_title.setText(task.title)
        self.task_kind.setCurrentIndex(max(self.task_kind.findData(task.kind), 0))
        self.task_text.setPlainText(task.text)
        layout = self.task_groups.layout()
        for check in self.group_checks.values():
            layout.removeWidget(check)
            check.deleteLater()
        self.group_checks = {}
        for group in self._groups():
            check = QCheckBox(f"{group.label or '…'} ({group.id})")
            check.setChecked(group.id in task.groups)
            layout.addWidget(check)
            self.group_checks[group.id] = check

    def _commit_task(self) -> None:
        """Write the detail panel back into the task it shows."""
        if not 0 <= self.current < len(self.tasks):
            return
        task = replace(
            self.tasks[self.current],
            label=self.task_label.text().strip(),
            title=self.task_title.text().strip(),
            kind=self.task_kind.currentData(),
            text=self.task_text.toPlainText().strip(),
            groups=tuple(g for g, check in self.group_checks.items() if check.isChecked()),
        )
        self.tasks[self.current] = task
        self.task_list.item(self.current).setText(self._item_text(task))

    def _task_chosen(self, row: int) -> None:
        self._commit_task()
        self._show(row)

    def select_task(self, row: int) -> None:
        self.task_list.setCurrentRow(row)

    def _free_task_id(self) -> str:
        return f"t{max((int(t.id[1:]) for t in self.tasks), default=0) + 1}"

    def _restructure(self, change: Callable[[int], int]) -> None:
        """Apply ``change(current row) → row to select``; labels "1", "2" … stay in order."""
        self._commit_task()
        numbered = [t.label for t in self.tasks] == [str(i + 1) for i in range(len(self.tasks))]
        row = change(self.current)
        if numbered:
            self.tasks = [replace(t, label=str(i + 1)) for i, t in enumerate(self.tasks)]
        self._refill(row)

    def add_task(self) -> None:
        def change(row: int) -> int:
            task = Task(self._free_task_id(), "-", "", "generic")
            self.tasks.insert(row + 1, task)
            return row + 1

        self._restructure(change)
        self.task_text.setFocus()

    def split_task(self) -> None:
        """Two tasks: the text before the cursor and the text after it."""
        row, at = self.current, self.task_text.textCursor().position()
        text = self.task_text.toPlainText()
        if row < 0 or not text[:at].strip() or not text[at:].strip():
            self.status.setText(self.tr("Đặt con trỏ vào chỗ cần tách trong nội dung nhiệm vụ."))
            return

        def change(row: int) -> int:
            task = self.tasks[row]
            second = replace(task, id=self._free_task_id(), text=text[at:].strip(), title="")
            self.tasks[row : row + 1] = [replace(task, text=text[:at].strip()), second]
            return row + 1

        self._restructure(change)

    def merge_task(self) -> None:
        if not 0 <= self.current < len(self.tasks) - 1:
            return

        def change(row: int) -> int:
            first, second = self.tasks[row], self.tasks.pop(row + 1)
            self.tasks[row] = replace(first, text=f"{first.text}\n{second.text}")
            return row

        self._restructure(change)

    def delete_task(self) -> None:
        if self.current < 0:
            return

        def change(row: int) -> int:
            del self.tasks[row]
            return min(row, len(self.tasks) - 1)

        self.current, row = -1, self.current  # the deleted task is not written back
        self._restructure(lambda _: change(row))

    def move_task(self, step: int) -> None:
        target = self.current + step
        if self.current < 0 or not 0 <= target < len(self.tasks):
            return

        def change(row: int) -> int:
            self.tasks[row], self.tasks[target] = self.tasks[target], self.tasks[row]
            return target

        self._restructure(change)

    # -- periodic reports -----------------------------------------------------------------
    def add_period(self, rule: PeriodRule | None = None) -> None:
        rule = rule or PeriodRule(Periodicity.QUARTERLY, 20)
        row = self.periods.rowCount()
        self.periods.insertRow(row)
        kind = QComboBox()
        for periodicity in Periodicity:
            kind.addItem(self.tr(PERIODICITY_VI[periodicity]), periodicity.value)
        kind.setCurrentIndex(kind.findData(rule.periodicity.value))
        day, offset = QSpinBox(), QSpinBox()
        day.setRange(1, 31)
        day.setValue(rule.day)
        offset.setRange(0, 12)
        offset.setValue(rule.month_offset)
        for column, widget in enumerate((kind, day, offset)):
            self.periods.setCellWidget(row, column, widget)

    def _periods(self) -> tuple[PeriodRule, ...]:
        cell = self.periods.cellWidget
        return tuple(
            PeriodRule(
                Periodicity(cell(r, 0).currentData()), cell(r, 1).value(), cell(r, 2).value()
            )
            for r in range(self.periods.rowCount())
        )

    # -- the directive --------------------------------------------------------------------
    def directive(self) -> Directive:
        """The corrected directive, validated by the core; a UserError names the bad field."""
        self._commit_task()
        text = {key: edit.text().strip() for key, edit in self.edits.items()}
        ids = set(self._group_ids())
        draft = replace(
            self.original,
            kind=BodyKind(self.kind.currentData()),
            issuer=text["issuer"],
            issuer_parent=text["issuer_parent"],
            number=text["number"] or None,
            code=text["code"],
            date=_read_date(text["date"], "date"),
            place=text["place"],
            subject=text["subject"],
            signer=Signer(**{k: text[f"signer.{k}"] for k in SIGNER_KEYS}),
            recipients=_lines(self.recipients),
            groups=self._groups(),
            tasks=tuple(
                replace(t, groups=tuple(g for g in t.groups if g in ids)) for t in self.tasks
            ),
            report_to=text["report_to"],
            report_via=text["report_via"],
            report_deadline=_read_date(text["report_deadline"], "report_deadline"),
            report_periods=self._periods(),
        )
        if self.new_id:
            draft = replace(draft, id=self.new_id(draft))
        data = directive_to_dict(draft)
        try:
            return directive_from_dict(data)
        except UserError as exc:
            raise UserError(explain(exc.field, data), exc.detail, field=exc.field) from None

    def save(self) -> bool:
        """Validate and store; True when something was saved."""
        try:
            directive = self.directive()
            saved = self._store(directive)
        except UserError as exc:
            self.error.setText(exc.message)
            self._point_to(exc.field)
            messages.warn(self, self.tr("Chưa lưu được"), exc.message)
            return False
        if saved is None:
            return False
        kept = self.original.id if saved.id != directive.id and not self.new_id else ""
        self.load(saved)
        done = self.tr("Đã lưu công văn {symbol} vào thư viện (mã «{id}»).").format(
            symbol=saved.symbol, id=saved.id
        )
        if kept:
            done += " " + self.tr(
                "Công văn có sẵn «{kept}» vẫn giữ nguyên; bản đã sửa là một bản riêng."
            ).format(kept=kept)
        self.status.setText(done)
        if self.confirm:
            messages.inform(self, self.tr("Đã lưu"), done)
        self.saved.emit(saved.id)
        return True

    def _store(self, directive: Directive) -> Directive | None:
        """What the library saved, or None when the clerk chose the copy already there."""
        if self.new_id:
            try:
                self.library.add(directive)
                return directive
            except UserError as exc:
                if exc.field == "id":  # the id made from the fields names another directive
                    return replace(directive, id=self.library.add(directive, as_copy=True).stem)
                if exc.field != "duplicate":
                    raise
            same = self.library.find_same(directive)
            if messages.ask(
                self,
                self.tr("Công văn đã có trong thư viện"),
                self.tr(
                    "Công văn {symbol} này đã có trong thư viện (mã «{id}»).\n\n"
                    "Có: mở công văn đã có, không lưu gì thêm.\n"
                    "Không: lưu bản này thành một công văn riêng."
                ).format(symbol=directive.symbol, id=same.id),
            ):
                self.load(same)
                self.status.setText(
                    self.tr("Đã mở công văn có sẵn «{id}»; chưa lưu gì thêm.").format(id=same.id)
                )
                self.opened.emit(same.id)
                return None
        elif not self.library.is_bundled(directive.id):
            self.library.update(directive)
            return directive
        return replace(directive, id=self.library.add(directive, as_copy=True).stem)

    def _point_to(self, field: str) -> None:
        """Show the tab, the task or the box of a refused field."""
        root, _, rest = field.partition(".")
        self.tabs.setCurrentIndex(TAB_OF.get(root, 0))
        index = rest.split(".")[0]
        if root == "tasks" and index.isdigit():
            self.select_task(int(index))
            self.task_text.setFocus()
        elif root == "groups" and index.isdigit():
            self.groups.selectRow(int(index))
        elif field in self.edits:
            self.edits[field].setFocus()


class DirectiveEditorDialog(QDialog):
    """The editor in its own window, for a directive already in the library."""

    def __init__(
        self, library: DirectiveLibrary, directive: Directive, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sửa công văn"))
        messages.fit_to_screen(self, QSize(1000, 680))
        self.editor = DirectiveEditor(library)
        self.editor.load(directive)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(close)
