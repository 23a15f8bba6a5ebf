"""The main window: what is due first; pick a directive, fill the report, preview, generate;
history in a tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assistant.core import readiness
from assistant.core.agency import load_profile
from assistant.core.answers import (
    answers_to_report,
    for_new_period,
    period_answers,
    with_previous,
)
from assistant.core.directives import DirectiveLibrary, unreadable_text
from assistant.core.errors import UserError
from assistant.core.layout import build_layout
from assistant.gui import about_dialog, export_actions, messages, period_dialog, server_dialog
from assistant.gui.background import Background
from assistant.gui.directive_list import DirectiveModel, FoldFilter
from assistant.gui.draft_keeper import DraftKeeper
from assistant.gui.due_tab import DueTab
from assistant.gui.figures_tab import FiguresTab
from assistant.gui.generate_flow import GenerateFlow, open_path
from assistant.gui.history_tab import HistoryTab, period_text
from assistant.gui.preview import PreviewDialog
from assistant.gui.profile_wizard import ProfileWizard
from assistant.gui.reminders import daily_reminders
from assistant.gui.report_editor import ReportEditor


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, open_results: bool = True) -> None:
        super().__init__()
        self.data_dir, self.open_results = data_dir, open_results
        self.setWindowTitle(self.tr("Báo cáo nhanh"))
        self.settings = QSettings(str(data_dir / "settings.ini"), QSettings.IniFormat)
        # Without its server, the history is the drafts kept on this PC (storage/offline.py).
        self.history, unreachable = server_dialog.open_history(data_dir)
        self.library = DirectiveLibrary(user_dir=data_dir / "directives")
        self.profile = load_profile(data_dir)
        self.editor: ReportEditor | None = None
        self.drafts = DraftKeeper(self, self.history, data_dir)  # the report in the editor, kept
        self.drafts.said.connect(self._say)
        self.last_output: Path | None = None  # the file of the report last generated
        self.restart_requested = False  # the program starts again once this window has closed
        self.flow: GenerateFlow | None = None
        self._build()
        self._menus()
        messages.place_main_window(self, self.settings)
        self._resume_draft()
        self.tabs.setCurrentWidget(self.due_tab)  # the window opens on what is due
        self.reminders = daily_reminders(self, data_dir)
        self.reminders.clicked.connect(lambda: self.tabs.setCurrentWidget(self.due_tab))
        server_dialog.after_start(self, data_dir, unreachable)
        if self.unreadable:
            self.statusBar().showMessage(self.tr("Có tệp công văn không đọc được (xem thông báo)."))
            text = unreadable_text(self.unreadable)
            QTimer.singleShot(0, lambda: messages.warn(self, self.tr("Thư viện công văn"), text))

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Tìm công văn (số, cơ quan, trích yếu; không cần dấu)…")
        )
        directives, self.unreadable = self.library.scan()  # files that cannot be read: said
        self.model = DirectiveModel(directives)
        self.proxy = FoldFilter()
        self.proxy.setSourceModel(self.model)
        self.list = QTableView()
        self.list.setModel(self.proxy)
        self.list.setSelectionBehavior(QTableView.SelectRows)
        self.list.setSelectionMode(QTableView.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        header = self.list.horizontalHeader()
        for column, width in enumerate((125, 150, 85)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        # Rows grow to show a wrapped issuer and subject whole.
        self.proxy.layoutChanged.connect(self.list.resizeRowsToContents)
        self.proxy.rowsInserted.connect(self.list.resizeRowsToContents)
        header.sectionResized.connect(self.list.resizeRowsToContents)
        self.search.textChanged.connect(self.proxy.set_query)
        self.list.selectionModel().currentRowChanged.connect(
            lambda cur, _: self._directive_chosen(cur)
        )
        left = QWidget()
        box = QVBoxLayout(left)
        box.addWidget(QLabel(self.tr("<b>1. Chọn công văn cần báo cáo</b>")))
        box.addWidget(self.search)
        box.addWidget(self.list)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Chọn một công văn ở bên trái để bắt đầu soạn báo cáo."))
        self.placeholder.setAlignment(Qt.AlignCenter)
        self.stack.addWidget(self.placeholder)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.addWidget(QLabel(self.tr("<b>2. Đánh dấu việc đã làm, nhập số liệu</b>")))
        rbox.addWidget(self.stack)
        actions = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        actions.addWidget(self.status_label, 1)
        self.open_file_button = QPushButton(self.tr("Mở tệp"))
        self.open_file_button.clicked.connect(self.open_output_file)
        self.open_folder_button = QPushButton(self.tr("Mở thư mục"))
        self.open_folder_button.clicked.connect(self.open_output_folder)
        for button in (self.open_file_button, self.open_folder_button):
            button.hide()  # shown once a report is generated
            actions.addWidget(button)
        for text, slot in (
            (self.tr("Xem trước"), self.preview),
            (self.tr("Tạo báo cáo (Ctrl+G)"), self.generate),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button)
        rbox.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 720])
        self.history_tab = HistoryTab(self.history)
        self.drafts.listed.connect(self.history_tab.refresh)
        self.history_tab.open_draft.connect(self.open_draft)
        self.history_tab.draft_deleted.connect(self._draft_deleted)
        self._undo_bar()
        self.due_tab = DueTab(self.data_dir, self.library)
        self.due_tab.current_directive = lambda: self.editor.directive.id if self.editor else None
        self.due_tab.open_report.connect(self.open_due)
        self.due_tab.directive_saved.connect(self._deadline_saved)
        self.compose = splitter
        self.tabs = QTabWidget()
        self.tabs.addTab(self.due_tab, self.tr("Việc cần báo cáo"))
        self.tabs.addTab(splitter, self.tr("Soạn báo cáo"))
        self.tabs.addTab(self.history_tab, self.tr("Lịch sử"))
        self.figures_tab = FiguresTab.for_history(self.history, self.library)
        self.tabs.addTab(self.figures_tab, self.tr("Số liệu"))
        self.setCentralWidget(self.tabs)

    def _undo_bar(self) -> None:
        """What the last action in «Lịch sử» did, with «Hoàn tác», seen from every tab."""
        self.undo_button = QPushButton(self.tr("Hoàn tác"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.history_tab.undo)
        self.statusBar().addPermanentWidget(self.undo_button)
        self.history_tab.said.connect(self._history_said)

    def _history_said(self, text: str, undoable: bool) -> None:
        self.statusBar().showMessage(text)
        self.undo_button.setVisible(undoable)

    def _menus(self) -> None:
        def action(menu, text: str, slot, shortcut=None) -> QAction:
            act = QAction(text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        report = self.menuBar().addMenu(self.tr("&Báo cáo"))
        action(report, self.tr("Báo cáo mới"), self.new_report, QKeySequence.New)
        action(report, self.tr("Lưu nháp"), self.drafts.save, QKeySequence.Save)
        action(report, self.tr("Xem trước"), self.preview)
        action(report, self.tr("Tạo báo cáo…"), self.generate, "Ctrl+G")
        report.addSeparator()
        action(report, self.tr("Thoát"), self.close, QKeySequence.Quit)
        tools = self.menuBar().addMenu(self.tr("&Công cụ"))
        action(tools, self.tr("Tìm công văn"), self.focus_search, QKeySequence.Find)
        action(tools, self.tr("Nhập công văn mới…"), self.import_directive, "Ctrl+I")
        action(tools, self.tr("Sửa công văn…"), self.edit_directive)
        action(tools, self.tr("Kiểm tra thể thức một văn bản…"), self.check_document)
        action(tools, self.tr("Thông tin cơ quan báo cáo…"), self.edit_profile)
        server_dialog.add_to_menu(tools, self, self.data_dir)
        tools.addSeparator()
        export_actions.add_to_menu(tools, self, lambda: self.last_output)
        about_dialog.add_to_menu(self.menuBar().addMenu(self.tr("Trợ &giúp")), self, self.data_dir)

    # -- directives and drafts ------------------------------------------------------------
    def select_directive(self, directive_id: str, show: bool = True) -> None:
        """Select a directive in the list, clearing a search that hides it; ``show`` switches to
        «Soạn báo cáo», where the list is."""
        if show:
            self.tabs.setCurrentWidget(self.compose)
        row = self.model.row_of(directive_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.list.setCurrentIndex(index)

    def _directive_chosen(self, index) -> None:
        if not index.isValid():
            return
        directive_id = index.data(Qt.UserRole)
        if self.editor and self.editor.directive.id == directive_id:
            return
        self.drafts.save()
        draft = self.history.newest_draft(directive_id)
        if draft is not None:
            self._load_entry(self.history.get(draft))  # the draft being filled, resumed
            return
        self._show_editor(self.library.get(directive_id))
        self._fresh()

    def _fresh(self, period: dict | None = None) -> None:
        """A blank report for the directive shown (for ``period`` when given)."""
        self.drafts.fresh(period)
        self._say(self.tr("Báo cáo mới (sẽ tự lưu nháp khi bạn nhập)"))

    def _show_editor(self, directive) -> None:
        if self.editor:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
        self.editor = ReportEditor(directive, self.profile)
        self.drafts.attach(self.editor)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self._show_output(None)

    def _load_entry(self, entry) -> None:
        """Show ``entry`` in the editor, without saving anything."""
        if not self.editor or self.editor.directive.id != entry.directive_id:
            self._show_editor(self.library.get(entry.directive_id))
        self.drafts.load(entry)
        self._say(self.tr("Bản nháp #{id}").format(id=entry.id) + self._period_text(entry.answers))

    @staticmethod
    def _period_text(answers: dict) -> str:
        text = period_text(answers)
        return f", kỳ {text}" if text else ""

    def _say(self, text: str) -> None:
        """The status line, always naming the directive shown."""
        if self.editor:
            text = self.tr("{text} — trả lời CV {symbol}").format(
                text=text, symbol=self.editor.directive.symbol
            )
        self.status_label.setText(text)

    def _resume_draft(self) -> None:
        drafts = self.history.list(limit=1, status="draft")
        if drafts:
            self.open_draft(drafts[0].id)

    def open_draft(self, entry_id: int) -> None:
        entry = self.history.get(entry_id)
        self.drafts.save()
        self.tabs.setCurrentWidget(self.compose)
        # The editor first: selecting the directive then finds it shown and opens nothing else.
        try:
            self._load_entry(entry)
        except UserError as exc:  # its directive's file is gone or cannot be read
            messages.warn(self, self.tr("Mở bản nháp"), exc.message)
            return
        self.select_directive(entry.directive_id)

    def open_due(self, row) -> None:
        """A report due, in «Soạn báo cáo»: its period's draft resumed, else a fresh report for it."""
        directive_id = row.directive.id
        period = (
            {"start": row.period_start.isoformat(), "end": row.period_end.isoformat()}
            if row.period_start and row.period_end
            else None
        )
        draft = self.history.newest_draft(directive_id, {"period": period} if period else None)
        if draft is None and period:  # a draft of that period that also names it in words
            draft = next(
                (
                    e.id
                    for e in self.history.list(
                        limit=1_000_000, status="draft", directive=directive_id
                    )
                    if {k: (e.answers.get("period") or {}).get(k) for k in period} == period
                ),
                None,
            )
        if draft is not None:
            self.open_draft(draft)
            return
        self.drafts.save()
        self.tabs.setCurrentWidget(self.compose)
        try:
            self._show_editor(self.library.get(directive_id))
        except UserError as exc:
            messages.warn(self, self.tr("Mở công văn"), exc.message)
            return
        self._fresh()
        if period:
            with self.drafts.loading():
                self.editor.period_start.set_date(row.period_start)
                self.editor.period_end.set_date(row.period_end)
            self._carry_over(directive_id, row.period_start, row.period_end)
        self.select_directive(directive_id)

    def _carry_over(self, directive_id: str, start, end) -> None:
        """A new period of a periodic directive starts from the last period's report: its text
        kept for the clerk to rewrite, its figures cleared. Saved at once, so the period's draft
        is found again."""
        newest = [  # the newest of each status (the list is newest first)
            e
            for status in ("submitted", "generated")
            for e in self.history.list(limit=1, status=status, directive=directive_id)
        ]
        last = max(newest, key=lambda e: (e.report_date, e.id), default=None)
        if last is None:
            return
        with self.drafts.loading():
            self.editor.load(for_new_period(last.answers, start, end))
        self.drafts.keep()
        self._say(
            self.tr(
                "Đã chép lời văn của báo cáo #{id} kỳ trước, số liệu đã xóa: hãy sửa cho kỳ này"
            ).format(id=last.id)
        )

    def _deadline_saved(self, directive_id: str) -> None:
        shown = self.editor.directive.id if self.editor else None
        if shown == directive_id:  # the editor takes the directive as now saved, answers kept
            answers = self.editor.answers()
            self._show_editor(self.library.get(directive_id))
            with self.drafts.loading():
                self.editor.load(answers)
        self.model.set_directives(self.library.all())
        if shown:
            self.select_directive(shown, show=False)

    def _draft_deleted(self, entry_id: int) -> None:
        """The draft shown is gone: the directive's other draft takes its place, if it has one."""
        if self.editor and self.drafts.draft_id == entry_id:
            self.drafts.forget()
            other = self.history.newest_draft(self.editor.directive.id)
            if other is not None:
                self._load_entry(self.history.get(other))
                return
            self._show_editor(self.editor.directive)
            self._fresh()

    def new_report(self) -> None:
        """Another report of the directive shown, for a period the clerk names first; a period
        that already has a draft opens that draft."""
        if not self.editor:
            return
        self.drafts.save()
        period = period_dialog.ask_period(self, self.tr("Báo cáo mới"))
        if period is None:
            return
        period_json = period_answers(period)
        directive = self.editor.directive
        draft = self.history.newest_draft(directive.id, {"period": period_json})
        if draft is not None:
            self.open_draft(draft)
            self._say(self.tr("Kỳ này đã có bản nháp #{id}: mở lại bản nháp đó").format(id=draft))
            return
        self._show_editor(directive)
        self._fresh(period_json)

    # -- report -------------------------------------------------------------------------
    def _report(self):
        """The report as the core sees it, or None after telling the clerk what is missing."""
        if not self.editor:
            messages.inform(self, self.tr("Báo cáo"), self.tr("Hãy chọn một công văn trước."))
            return None
        problems = self.editor.problems()
        if problems:
            messages.warn(self, self.tr("Số liệu chưa đúng"), "\n".join(problems))
            return None
        try:
            report = answers_to_report(self.editor.answers(), self.editor.directive, self.profile)
        except UserError as exc:
            messages.warn(self, self.tr("Báo cáo còn thiếu"), exc.message)
            return None
        if report.compare_previous:  # the preview compares as the report will
            previous = self.history.previous_answers(report.directive.id, report.period)
            report = with_previous(report, previous)
        return report

    def preview(self) -> None:
        report = self._report()
        if report is not None:
            self.editor.show_gaps(readiness.gaps(report))  # preview anyway, gaps marked
            try:
                self.preview_dialog = PreviewDialog(
                    build_layout(report, [self.data_dir / "templates"]), self
                )
            except UserError as exc:
                messages.warn(self, self.tr("Xem trước"), exc.message)
                return
            self.preview_dialog.show()

    def generate(self) -> None:
        report = self._report()
        if report is None:
            return
        gaps = readiness.gaps(report)
        self.editor.show_gaps(gaps)
        if gaps:
            messages.warn(
                self,
                self.tr("Báo cáo còn thiếu"),
                "\n".join(f"- {gap.message}" for gap in gaps),
            )
            return
        self.drafts.save()
        self.flow = GenerateFlow(
            self, self.data_dir, report, self.drafts.draft_id, self.open_results, self.history
        )
        self.flow.finished.connect(self._generated)
        self.flow.start()

    def _generated(self, entry_id: int, result) -> None:
        self.drafts.generated(entry_id)
        self._say(
            self.tr("Đã tạo báo cáo #{id}: {path}").format(id=entry_id, path=result.path.name)
        )
        self._show_output(result.path)
        self.history_tab.refresh()

    def _show_output(self, path: Path | None) -> None:
        self.last_output = path
        for button in (self.open_file_button, self.open_folder_button):
            button.setVisible(path is not None)

    def open_output(self, folder: bool = False) -> bool:
        return open_path(self, self.last_output, folder=folder)

    def open_output_file(self) -> None:
        self.open_output()

    def open_output_folder(self) -> None:
        self.open_output(folder=True)

    # -- tools --------------------------------------------------------------------------
    def focus_search(self) -> None:
        if self.tabs.currentWidget() is self.history_tab:
            target = self.history_tab.search
        else:
            self.tabs.setCurrentWidget(self.compose)
            target = self.search
        target.setFocus()
        target.selectAll()

    def check_document(self) -> None:
        from assistant.check.checker import check  # the checker loads only when asked for

        path = messages.ask_open_path(self, self.tr("Chọn văn bản cần kiểm tra"))
        if not path:
            return
        self.checking = Background(
            self,
            self.tr("Đang kiểm tra thể thức…"),
            lambda: check(Path(path)),
            lambda result: self._show_findings(path, result),
            lambda exc: messages.warn(self, self.tr("Kiểm tra thể thức"), exc.message),
        ).start()

    def _show_findings(self, path: str, result) -> None:
        from assistant.gui.check_dialog import CheckDialog

        self.check_dialog = CheckDialog(path, result, self)
        self.check_dialog.show()

    def import_directive(self) -> None:
        from assistant.gui.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.library, self)
        self.import_dialog.imported.connect(self._directive_saved)
        self.import_dialog.opened.connect(self._show_directive)
        self.import_dialog.show()

    def edit_directive(self) -> None:
        from assistant.gui.directive_editor import DirectiveEditorDialog

        current = self.list.currentIndex()
        if not current.isValid():
            messages.inform(self, self.tr("Sửa công văn"), self.tr("Hãy chọn một công văn trước."))
            return
        directive = self.library.get(current.data(Qt.UserRole))
        self.directive_dialog = DirectiveEditorDialog(self.library, directive, self)
        self.directive_dialog.editor.saved.connect(self._directive_saved)
        self.directive_dialog.show()

    def _directive_saved(self, directive_id: str) -> None:
        self._show_directive(directive_id)
        self.status_label.setText(
            self.tr("Đã lưu công văn «{id}» vào thư viện.").format(id=directive_id)
        )

    def _show_directive(self, directive_id: str) -> None:
        """List the library again and select ``directive_id``, its report kept when it changed."""
        self.model.set_directives(self.library.all())
        self.search.clear()
        if self.editor and self.editor.directive.id == directive_id:
            answers = self.editor.answers()
            self._show_editor(self.library.get(directive_id))
            with self.drafts.loading():
                self.editor.load(answers)
        self.select_directive(directive_id)

    def edit_profile(self) -> None:
        wizard = ProfileWizard(self.data_dir, self.profile)
        if wizard.exec():
            self.profile = wizard.profile
            if self.editor:
                answers = self.editor.answers()
                self._show_editor(self.editor.directive)
                with self.drafts.loading():
                    self.editor.load(answers)

    def restart(self) -> None:
        """Close (the draft is saved, as on every close) and start the program again."""
        self.restart_requested = True
        self.close()

    def closeEvent(self, event) -> None:
        self.drafts.close()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        self.history.close()
        super().closeEvent(event)
