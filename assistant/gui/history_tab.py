"""The history tab: a lazily fetched table over History.search, and the actions on a report."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assistant.core.errors import UserError
from assistant.gui import export_actions, messages, period_dialog
from assistant.gui.generate_flow import open_path
from assistant.gui.rows_model import RowsModel
from assistant.storage.history import History, HistoryEntry, StatusDates

PAGE = 100
COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "Ngày"),
    QT_TRANSLATE_NOOP("HistoryModel", "Số"),
    QT_TRANSLATE_NOOP("HistoryModel", "Trạng thái"),
    QT_TRANSLATE_NOOP("HistoryModel", "Kỳ báo cáo"),
    QT_TRANSLATE_NOOP("HistoryModel", "Trả lời công văn"),
    QT_TRANSLATE_NOOP("HistoryModel", "Lập nháp"),
    QT_TRANSLATE_NOOP("HistoryModel", "Tạo tệp"),
    QT_TRANSLATE_NOOP("HistoryModel", "Gửi"),
    QT_TRANSLATE_NOOP("HistoryModel", "Tệp"),
    QT_TRANSLATE_NOOP("HistoryModel", "Trích yếu"),
)
STATUS_COLUMN, PERIOD_COLUMN, FILE_COLUMN = 2, 3, 8
STATUS_VI = {
    "draft": QT_TRANSLATE_NOOP("HistoryModel", "Bản nháp"),
    "writing": QT_TRANSLATE_NOOP("HistoryModel", "Đang ghi tệp"),
    "generated": QT_TRANSLATE_NOOP("HistoryModel", "Đã tạo"),
    "submitted": QT_TRANSLATE_NOOP("HistoryModel", "Đã gửi"),
}
MOVED = QT_TRANSLATE_NOOP("HistoryModel", "không còn tệp ở chỗ cũ")
MODIFIED = QT_TRANSLATE_NOOP("HistoryModel", "tệp đã bị sửa sau khi tạo")


def period_text(answers: dict) -> str:
    """«quý II năm 2024», else «02/04/2024 – 28/06/2024», else ""."""
    period = answers.get("period") or {}
    label = " ".join(str(period.get("label") or "").split())
    if label:
        return label
    ends = []
    for key in ("start", "end"):
        try:
            ends.append(f"{date.fromisoformat(period.get(key) or ''):%d/%m/%Y}")
        except ValueError:
            ends.append("")
    return " – ".join(ends) if any(ends) else ""


def _when(at: str | None) -> str:
    if not at:
        return ""
    try:
        return f"{datetime.fromisoformat(at):%d/%m/%Y %H:%M}"
    except ValueError:
        return at


class FileCheck:
    """Whether a recorded document is still where it was, as it was written: read again only
    when its size or time changed, and only for the rows the view asks for."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}

    def state(self, path: str, sha: str | None) -> str:
        """ "" when sound, else MOVED or MODIFIED."""
        try:
            stat = Path(path).stat()
        except OSError:
            return MOVED
        signature = (stat.st_mtime_ns, stat.st_size)
        key = (path, sha or "")
        known = self._seen.get(key)
        if known and known[0] == signature:
            return known[1]
        try:
            digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return MOVED
        state = "" if not sha or digest == sha else MODIFIED
        self._seen[key] = (signature, state)
        return state


class HistoryModel(RowsModel):
    """Keeps only what was fetched; pages of 100 arrive as the view scrolls (as Anki's browser)."""

    COLUMNS = COLUMNS

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history, self.query = history, ""
        self.archived: bool | None = False  # the usual list hides archived reports
        self.rows: list[HistoryEntry] = []
        self.dates: dict[int, StatusDates] = {}
        self.files = FileCheck()
        self._exhausted = False

    def set_query(self, query: str) -> None:
        """The first page is loaded inside the reset: no row insert may run while one is in flight."""
        self.beginResetModel()
        self.query = query
        self.rows = self.history.search(query, limit=PAGE, archived=self.archived)
        self.dates = self.history.dates([e.id for e in self.rows])
        self._exhausted = len(self.rows) < PAGE
        self.endResetModel()

    def set_archived(self, archived: bool | None) -> None:
        self.archived = archived
        self.set_query(self.query)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid():
            return
        more = self.history.search(
            self.query, limit=PAGE, offset=len(self.rows), archived=self.archived
        )
        self._exhausted = len(more) < PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.dates.update(self.history.dates([e.id for e in more]))
            self.endInsertRows()

    def file_problem(self, entry: HistoryEntry) -> str:
        """ "" or the Vietnamese words of what happened to the entry's document."""
        if not entry.output_path or entry.status not in ("generated", "submitted"):
            return ""
        state = self.files.state(entry.output_path, entry.sha256)
        return self.tr(state) if state else ""

    def _file_text(self, e: HistoryEntry) -> str:
        if not e.output_path:
            return ""
        problem = self.file_problem(e)
        name = Path(e.output_path).name + (self.tr(" + PDF") if e.pdf_path else "")
        return f"{name} — {problem}" if problem else name

    def _file_tip(self, e: HistoryEntry) -> str | None:
        if not e.pdf_path:
            return e.output_path or None
        pdf = self.tr("PDF: {path} (SHA-256 {sha})").format(path=e.pdf_path, sha=e.pdf_sha256)
        return f"{e.output_path}\n{pdf}"

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        column = index.column()
        if role == Qt.ToolTipRole and column == FILE_COLUMN:
            return self._file_tip(e)
        if role == Qt.ForegroundRole and column == FILE_COLUMN and self.file_problem(e):
            return QBrush(QColor("#b00020"))
        if role != Qt.DisplayRole:
            return None
        dates = self.dates.get(e.id, StatusDates())
        status = self.tr(STATUS_VI[e.status])
        if e.archived:
            status += self.tr(" (đã lưu trữ)")
        return (
            f"{e.report_date:%d/%m/%Y}",
            e.number_text or "—",
            status,
            period_text(e.answers) or "—",
            e.directive_symbol,
            _when(dates.created),
            _when(dates.generated),
            _when(dates.submitted),
            self._file_text(e),
            e.subject,
        )[column]


class HistoryTab(QWidget):
    open_draft = Signal(int)  # a draft to load into the editor
    draft_deleted = Signal(int)  # a draft gone (deleted, or a reopening undone)
    said = Signal(str, bool)  # what was done, and whether «Hoàn tác» can undo it

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history = history
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm trong lịch sử (không cần gõ dấu)…"))
        self.show_archived = QCheckBox(self.tr("Chỉ xem báo cáo đã lưu trữ"))
        self.model = HistoryModel(history)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.Stretch)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.buttons: dict[str, QPushButton] = {}
        rows = (QHBoxLayout(), QHBoxLayout())
        for line, text, slot in (
            (0, self.tr("Mở lại thành bản nháp"), self.reopen),
            (0, self.tr("Nhân bản cho kỳ mới"), self.duplicate),
            (0, self.tr("Đánh dấu đã gửi"), self.mark_submitted),
            (0, self.tr("Lưu trữ"), self.archive),
            (0, self.tr("Xóa bản nháp"), self.delete_draft),
            (1, self.tr("Mở tệp"), self.open_file),
            (1, self.tr("Mở thư mục"), self.open_folder),
            (1, self.tr("Xuất PDF…"), self.export_pdf),
            (1, self.tr("In…"), self.print_file),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)  # a bound method: no reference cycle
            rows[line].addWidget(button)
            self.buttons[text] = button
        self.notice = QLabel()
        self.undo_button = QPushButton(self.tr("Hoàn tác"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        self._undo: Callable[[], str | None] | None = None
        rows[1].addWidget(self.notice, 1)
        rows[1].addWidget(self.undo_button)
        rows[0].addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_archived)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(rows[0])
        layout.addLayout(rows[1])
        self.search.textChanged.connect(self.model.set_query)
        self.show_archived.toggled.connect(self._show_archived)
        self.refresh()

    def _show_archived(self, on: bool) -> None:
        self.model.set_archived(bool(on))

    def refresh(self) -> None:
        self.model.set_query(self.search.text())

    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            messages.inform(
                self, self.tr("Lịch sử"), self.tr("Hãy chọn một báo cáo trong danh sách.")
            )
            return None
        return self.model.rows[rows[0].row()]

    def _act(self, action) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            action(entry)
        except UserError as exc:
            messages.warn(self, self.tr("Lịch sử"), exc.message)
        self.refresh()

    def _name(self, e: HistoryEntry) -> str:
        """How a message names a report: its number, else the draft's id, and the directive."""
        what = e.number_text.removeprefix("Số: ") if e.number_text else f"#{e.id}"
        kind = self.tr("bản nháp") if e.status == "draft" else self.tr("báo cáo")
        period = period_text(e.answers)
        return self.tr("{kind} {what} trả lời CV {symbol}{period}").format(
            kind=kind,
            what=what,
            symbol=e.directive_symbol,
            period=self.tr(", kỳ {p}").format(p=period) if period else "",
        )

    def _confirm(self, title: str, text: str) -> bool:
        return messages.ask(self, title, text)

    def _done(self, text: str, undo: Callable[[], str | None] | None = None) -> None:
        """Say what was done, with «Hoàn tác» when it can be undone."""
        self.notice.setText(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.said.emit(text, undo is not None)

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.undo_button.hide()
        if action is None:
            return
        try:
            said = action()
        except UserError as exc:
            messages.warn(self, self.tr("Hoàn tác"), exc.message)
        else:
            self.notice.setText(said or self.tr("Đã hoàn tác."))
        self.said.emit(self.notice.text(), False)
        self.refresh()

    def reopen(self) -> None:
        def run(e: HistoryEntry) -> None:
            if e.status == "draft":
                self.open_draft.emit(e.id)
                return
            if not self._confirm(
                self.tr("Mở lại thành bản nháp"),
                self.tr(
                    "Mở lại {name} thành một bản nháp mới?\n\nBáo cáo đã tạo và tệp của nó được "
                    "giữ nguyên; bản nháp mới chưa có số."
                ).format(name=self._name(e)),
            ):
                return
            new_id = self.history.reopen(e.id)

            def undo() -> None:
                self.history.delete_draft(new_id)
                self.draft_deleted.emit(new_id)

            self._done(self.tr("Đã mở lại thành bản nháp #{id}.").format(id=new_id), undo)
            self.open_draft.emit(new_id)

        self._act(run)

    def duplicate(self) -> None:
        def run(entry: HistoryEntry) -> None:
            period = period_dialog.ask_period(self, self.tr("Nhân bản cho kỳ mới"))
            if period is not None:
                self.open_draft.emit(self.history.duplicate(entry.id, period))

        self._act(run)

    def mark_submitted(self) -> None:
        def run(e: HistoryEntry) -> None:
            if e.status != "generated":
                self.history.mark_submitted(e.id)  # says why not
            if not self._confirm(
                self.tr("Đánh dấu đã gửi"),
                self.tr(
                    "Đánh dấu {name} là đã gửi?\n\nBáo cáo đã gửi không bị ghi đè; muốn sửa thì "
                    "mở lại thành bản nháp mới."
                ).format(name=self._name(e)),
            ):
                return
            self.history.mark_submitted(e.id)
            self._done(
                self.tr("Đã đánh dấu {name} là đã gửi.").format(name=self._name(e)),
                lambda: self.history.unsubmit(e.id),
            )

        self._act(run)

    def archive(self) -> None:
        def run(e: HistoryEntry) -> None:
            if e.archived:
                if self._confirm(
                    self.tr("Bỏ lưu trữ"),
                    self.tr("Đưa {name} trở lại danh sách?").format(name=self._name(e)),
                ):
                    self.history.unarchive(e.id)
                    self._done(
                        self.tr("Đã đưa {name} trở lại danh sách.").format(name=self._name(e)),
                        lambda: self.history.archive(e.id),
                    )
                return
            if not self._confirm(
                self.tr("Lưu trữ"),
                self.tr(
                    "Lưu trữ {name}?\n\nBáo cáo được ẩn khỏi danh sách, không bị xóa; xem lại "
                    "bằng ô «Chỉ xem báo cáo đã lưu trữ»."
                ).format(name=self._name(e)),
            ):
                return
            self.history.archive(e.id)
            self._done(
                self.tr("Đã lưu trữ {name}.").format(name=self._name(e)),
                lambda: self.history.unarchive(e.id),
            )

        self._act(run)

    def delete_draft(self) -> None:
        def run(e: HistoryEntry) -> None:
            if e.status != "draft":
                self.history.delete_draft(e.id)  # refused, with the words why
            if not self._confirm(
                self.tr("Xóa bản nháp"),
                self.tr(
                    "Xóa {name}?\n\nCó thể bấm «Hoàn tác» ngay sau khi xóa để lấy lại nội dung."
                ).format(name=self._name(e)),
            ):
                return
            self.history.delete_draft(e.id)
            self.draft_deleted.emit(e.id)

            def undo() -> str:  # the same answers, as a draft again (under a new entry number)
                restored = self.history.save_draft(
                    self.history.library.get(e.directive_id), e.answers
                )
                return self.tr("Đã lấy lại thành bản nháp #{id}.").format(id=restored)

            self._done(self.tr("Đã xóa {name}.").format(name=self._name(e)), undo)

        self._act(run)

    def open_file(self) -> None:
        entry = self.selected()
        if entry is not None:
            open_path(self, entry.output_path)
            self.refresh()

    def open_folder(self) -> None:
        entry = self.selected()
        if entry is not None:
            open_path(self, entry.output_path, folder=True)

    def export_pdf(self) -> None:
        """As Công cụ → «Xuất PDF…», and the PDF with its SHA-256 kept in the entry."""
        entry, job = self._with_file(export_actions.export_pdf)
        if job is not None:
            # A slot of this widget, so the recording runs in the UI thread, the history's.
            self._pdf_entry = entry.id
            job.signals.done.connect(self._record_pdf)

    def _record_pdf(self, pdf: Path) -> None:
        from assistant.export.pdf import sha256_of

        try:
            self.history.record_pdf(self._pdf_entry, pdf, sha256_of(pdf))
        except UserError as exc:
            messages.warn(self, self.tr("Xuất PDF"), exc.message)
        self.refresh()

    def print_file(self) -> None:
        self._with_file(export_actions.print_report)

    def _with_file(self, act) -> tuple[HistoryEntry | None, object]:
        """(the selected entry, what ``act`` on its document returned); None for what was not
        done."""
        entry = self.selected()
        if entry is None:
            return None, None
        if not entry.output_path:
            text = self.tr("Báo cáo này chưa có tệp (còn là bản nháp).")
            messages.inform(self, self.tr("Lịch sử"), text)
            return entry, None
        return entry, act(self, Path(entry.output_path))
