"""The editor's tasks tab: the list of tasks (add, split, merge, delete, reorder) and the one shown.

Each task is edited in the panel beside the list and written back (``commit``) before the list
changes, so no keystroke is lost when the clerk picks another task or restructures the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.catalogue import TASK_KINDS
from assistant.core.model import AddresseeGroup, Task


class TasksPanel(QWidget):
    note = Signal(str)  # a hint for the editor's status line

    def __init__(
        self, groups: Callable[[], tuple[AddresseeGroup, ...]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.groups_of = groups
        self.tasks: list[Task] = []
        self.current = -1
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.task_list = QListWidget()
        self.task_list.setWordWrap(True)
        self.task_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.task_list.setMinimumWidth(260)
        self.task_list.currentRowChanged.connect(self._chosen)
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
        outer.addWidget(self._detail(), 3)

    def _detail(self) -> QWidget:
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
        return self.detail

    def load(self, tasks: tuple[Task, ...]) -> None:
        self.tasks, self.current = list(tasks), -1
        self._refill(0)

    def valid(self, ids: set[str]) -> tuple[Task, ...]:
        """The tasks, each keeping only the groups that still exist."""
        self.commit()
        return tuple(replace(t, groups=tuple(g for g in t.groups if g in ids)) for t in self.tasks)

    # -- the list and the task shown --------------------------------------------------------
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
        self.show_task(row if 0 <= row < len(self.tasks) else -1)

    def show_task(self, row: int) -> None:
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
        for group in self.groups_of():
            check = QCheckBox(f"{group.label or '…'} ({group.id})")
            check.setChecked(group.id in task.groups)
            layout.addWidget(check)
            self.group_checks[group.id] = check

    def commit(self) -> None:
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

    def _chosen(self, row: int) -> None:
        self.commit()
        self.show_task(row)

    def select_task(self, row: int) -> None:
        self.task_list.setCurrentRow(row)

    # -- groups changed on their tab --------------------------------------------------------
    def rename_group(self, old: str, new: str) -> None:
        self.commit()
        self.tasks = [
            replace(t, groups=tuple(new if g == old else g for g in t.groups)) for t in self.tasks
        ]
        self.show_task(self.current)

    def groups_changed(self) -> None:
        self.commit()
        self.show_task(self.current)

    # -- restructuring ----------------------------------------------------------------------
    def _free_task_id(self) -> str:
        return f"t{max((int(t.id[1:]) for t in self.tasks), default=0) + 1}"

    def _restructure(self, change: Callable[[int], int]) -> None:
        """Apply ``change(current row) → row to select``; labels "1", "2" … stay in order."""
        self.commit()
        numbered = [t.label for t in self.tasks] == [str(i + 1) for i in range(len(self.tasks))]
        row = change(self.current)
        if numbered:
            self.tasks = [replace(t, label=str(i + 1)) for i, t in enumerate(self.tasks)]
        self._refill(row)

    def add_task(self) -> None:
        def change(row: int) -> int:
            self.tasks.insert(row + 1, Task(self._free_task_id(), "-", "", "generic"))
            return row + 1

        self._restructure(change)
        self.task_text.setFocus()

    def split_task(self) -> None:
        """Two tasks: the text before the cursor and the text after it."""
        row, at = self.current, self.task_text.textCursor().position()
        text = self.task_text.toPlainText()
        if row < 0 or not text[:at].strip() or not text[at:].strip():
            self.note.emit(self.tr("Đặt con trỏ vào chỗ cần tách trong nội dung nhiệm vụ."))
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
