"""The «Số liệu» tab: the figures of the reports made, period by period, as four charts, with the
15% line on the negative share; the chart saved as PNG, the numbers as Excel or CSV.

The charts are Qt Charts (PySide6-Addons). Of the three libraries that fit a Qt window, it costs
the Windows bundle least: QtCharts and the Qt libraries it links add about 4 MB, where pyqtgraph
needs numpy (about 45 MB with its OpenBLAS) and matplotlib numpy and more (60 MB and up), against a
bundle meant to stay under 120 MB. It draws with the window's own fonts (Vietnamese letters) and
needs no second toolkit. Qt marks Qt Charts deprecated since 6.10 in favour of Qt Graphs, which
has no widget API yet (Qt Quick only, a far larger runtime); the series are built in plain Python
(:mod:`assistant.core.series`), so moving the drawing elsewhere later touches this module only.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QBuffer, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.core.errors import UserError, os_error
from assistant.core.figures import NEGATIVE_LIMIT
from assistant.core.fileio import atomic_write_bytes
from assistant.core.series import (
    CHART_TITLES,
    Chart,
    FigureTable,
    ReportFigures,
    Series,
    build,
    choices,
)
from assistant.figures_command import load_reports, to_csv, to_xlsx
from assistant.gui import messages

COLOURS = {
    "facebook": "#1f5fbf",
    "zalo": "#0a9396",
    "youtube": "#c0392b",
    "tiktok": "#222222",
    "website": "#e67e22",
    "total": "#7b2cbf",
    "staff_briefed": "#1f5fbf",
    "accounts_verified": "#d97706",
}
OTHER_COLOURS = ("#8d6e63", "#6c757d", "#b5651d", "#5e548e")
# Drawn in percent, and views in thousands: Qt Charts' axis labels have no thousands separator.
SCALES = {Chart.SHARE: (100.0, "%"), Chart.VIEWS: (0.001, "nghìn lượt")}
LIMIT_COLOUR = QColor("#b00020")
LIMIT_NAME = "Ngưỡng 15%"
MAX_LABELS = 8  # period names under a chart


def _colour(series: Series, n: int) -> QColor:
    key = series.key.split(":", 1)[1]
    return QColor(COLOURS.get(key, OTHER_COLOURS[n % len(OTHER_COLOURS)]))


def _segments(values: tuple) -> list[list[tuple[int, float]]]:
    """Runs of entered values: a figure left empty breaks the line (Qt Charts draws no gaps)."""
    runs: list[list[tuple[int, float]]] = [[]]
    for x, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((x, float(value)))
    return [run for run in runs if run]


def _limit_line(periods: int) -> QLineSeries:
    """The 15% line across the whole chart, dashed red."""
    limit = QLineSeries()
    limit.setName(LIMIT_NAME)
    limit.setPen(QPen(LIMIT_COLOUR, 1.5, Qt.DashLine))
    level = NEGATIVE_LIMIT * 100
    limit.append([QPointF(-0.5, level), QPointF(periods - 0.5, level)])
    return limit


class FigureCharts(QWidget):
    """Four charts side by side; ``lines`` keeps the Qt series drawn for each series key."""

    def __init__(self) -> None:
        super().__init__()
        self.views: dict[Chart, QChartView] = {}
        self.lines: dict[str, list[QLineSeries]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for n, chart in enumerate(Chart):
            view = QChartView()
            view.setRenderHint(QPainter.Antialiasing)
            view.setMinimumSize(200, 120)  # the window still fits 800×600
            self.views[chart] = view
            grid.addWidget(view, n // 2, n % 2)

    def png(self) -> bytes:
        buffer = QBuffer()
        buffer.open(QIODevice.WriteOnly)
        self.grab().save(buffer, "PNG")
        return bytes(buffer.data())

    def points(self, key: str) -> list[tuple[float, float]]:
        """The points drawn for a series, read back from the chart."""
        return [(p.x(), p.y()) for line in self.lines.get(key, []) for p in line.points()]

    def draw(self, table: FigureTable) -> None:
        self.lines = {}
        labels = [p.text for p in table.periods]
        for chart, view in self.views.items():
            old = view.chart()
            view.setChart(self._chart(chart, table.of(chart), labels))
            old.deleteLater()  # the view gives the replaced chart back instead of deleting it

    def _chart(self, kind: Chart, series: list[Series], labels: list[str]) -> QChart:
        chart = QChart()
        chart.setTitle(CHART_TITLES[kind] + ("" if series else " — chưa có số liệu"))
        chart.legend().setAlignment(Qt.AlignBottom)
        chart.setMargins(chart.margins() * 0)
        scale, unit = SCALES.get(kind, (1.0, ""))
        top = 0.0
        for n, s in enumerate(series):
            pen = QPen(_colour(s, n), 2)
            for i, run in enumerate(_segments(s.values)):
                line = QLineSeries()
                line.setName(s.label)
                line.setPen(pen)
                line.setPointsVisible(True)  # a lone period shows as a dot
                line.append([QPointF(x, y * scale) for x, y in run])
                chart.addSeries(line)
                if i:  # one legend entry per series
                    chart.legend().markers(line)[0].setVisible(False)
                self.lines.setdefault(s.key, []).append(line)
                top = max(top, *(y * scale for _, y in run))
        if kind is Chart.SHARE:
            top = max(top, NEGATIVE_LIMIT * 100 * 1.3)
            chart.addSeries(_limit_line(len(labels)))
        self._axes(chart, labels, top, unit)
        return chart

    @staticmethod
    def _axes(chart: QChart, labels: list[str], top: float, unit: str) -> None:
        x = QCategoryAxis()
        x.setLabelsPosition(QCategoryAxis.AxisLabelsPositionOnValue)
        seen: set[str] = set()
        step = max(1, -(-len(labels) // MAX_LABELS))  # all named would each be cut to "…"
        for n, label in list(enumerate(labels))[::step]:
            while label in seen:  # category labels must differ
                label += " "
            seen.add(label)
            x.append(label, n)
        x.setRange(-0.5, max(len(labels) - 0.5, 0.5))
        if len(labels) > 4:
            x.setLabelsAngle(-45)
        y = QValueAxis()
        y.setRange(0, top * 1.1 or 1)
        y.applyNiceNumbers()
        y.setLabelFormat("%.0f%%" if unit == "%" else "%.0f" if top >= 10 else "%.1f")
        if unit != "%":
            y.setTitleText(unit)
        chart.addAxis(x, Qt.AlignBottom)
        chart.addAxis(y, Qt.AlignLeft)
        for line in chart.series():
            line.attachAxis(x)
            line.attachAxis(y)


def chart_png(table: FigureTable, width: int = 1300, height: int = 760) -> bytes:
    """The four charts of ``table`` as a PNG picture, drawn off screen (``figures --png``)."""
    from assistant.gui.app import application

    if QApplication.instance() is None:  # the command line: no screen needed (a server, a task)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application()
    charts = FigureCharts()
    charts.resize(width, height)
    charts.draw(table)
    charts.layout().activate()  # never shown: the layout places the charts before the grab
    try:
        return charts.png()
    finally:
        charts.deleteLater()


def ask_export_path(parent: QWidget, title: str, file_filter: str, suffix: str) -> str:
    """Where to save an export ("" when the clerk cancelled)."""
    dialog = messages.file_dialog(parent, title, file_filter, save=True)
    dialog.setDefaultSuffix(suffix)
    dialog.selectFile(f"so-lieu.{suffix}")
    if not dialog.exec() or not dialog.selectedFiles():
        return ""
    path = dialog.selectedFiles()[0]
    return path if path.lower().endswith(f".{suffix}") else f"{path}.{suffix}"


class FiguresTab(QWidget):
    """Filters (directive, year), the charts, and the exports; the history is read when shown."""

    def __init__(self, load: Callable[[], list[ReportFigures]]) -> None:
        super().__init__()
        self.load = load
        self.reports: list[ReportFigures] = []
        self.table = FigureTable((), (), ())
        self.directive = QComboBox()
        self.year = QComboBox()
        for combo in (self.directive, self.year):
            combo.currentIndexChanged.connect(lambda _: self.redraw())
        self.charts = FigureCharts()
        self.empty = QLabel(
            self.tr(
                "Chưa có báo cáo đã tạo nào có số liệu. Khi báo cáo có số liệu (video clip, tỷ lệ "
                "tin tiêu cực, Bộ Quy tắc ứng xử) được tạo, số liệu các kỳ sẽ hiện ở đây."
            )
        )
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("<b>Số liệu qua các kỳ báo cáo</b>")))
        filters.addStretch(1)
        filters.addWidget(QLabel(self.tr("Công văn:")))
        filters.addWidget(self.directive, 2)
        filters.addWidget(QLabel(self.tr("Năm:")))
        filters.addWidget(self.year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        for text, slot in (
            (self.tr("Lưu ảnh biểu đồ…"), self.save_png),
            (self.tr("Xuất Excel…"), self.save_xlsx),
            (self.tr("Xuất CSV…"), self.save_csv),
            (self.tr("Làm mới"), self.refresh),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.charts, 1)
        box.addWidget(self.empty, 1)
        box.addLayout(buttons)
        self.empty.hide()

    @classmethod
    def for_history(cls, history, library) -> FiguresTab:
        return cls(lambda: load_reports(history, library))

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the history again; the filters keep their choice when it still exists."""
        try:
            self.reports = self.load()
        except UserError as exc:
            self.reports = []
            self.notice.setText(exc.message)
        else:
            self.notice.clear()
        directives, years = choices(self.reports)
        self._fill(
            self.directive,
            [(self.tr("Tất cả công văn"), None)]
            + [(f"{d.symbol} — {d.issuer}", d.id) for d in directives],
        )
        self._fill(self.year, [(self.tr("Tất cả các năm"), None)] + [(str(y), y) for y in years])
        self.redraw()

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def redraw(self) -> None:
        self.table = build(self.reports, self.directive.currentData(), self.year.currentData())
        self.charts.draw(self.table)
        has = bool(self.table.periods)
        self.charts.setVisible(has)
        self.empty.setVisible(not has)

    # -- exports ----------------------------------------------------------------------------
    def _export(self, title: str, file_filter: str, suffix: str, data: Callable[[], bytes]):
        if not self.table.periods:
            messages.inform(self, title, self.tr("Chưa có số liệu để xuất."))
            return
        path = ask_export_path(self, title, file_filter, suffix)
        if not path:
            return
        try:
            atomic_write_bytes(Path(path), data())
        except OSError as exc:
            messages.warn(self, title, os_error(exc, Path(path), "ghi").message)
            return
        self.notice.setText(self.tr("Đã lưu: {path}").format(path=path))

    def png(self) -> bytes:
        return self.charts.png()

    def save_png(self) -> None:
        self._export(self.tr("Lưu ảnh biểu đồ"), self.tr("Ảnh PNG (*.png)"), "png", self.png)

    def save_xlsx(self) -> None:
        self._export(
            self.tr("Xuất số liệu"),
            self.tr("Bảng tính Excel (*.xlsx)"),
            "xlsx",
            lambda: to_xlsx(self.table),
        )

    def save_csv(self) -> None:
        self._export(
            self.tr("Xuất số liệu"), self.tr("Tệp CSV (*.csv)"), "csv", lambda: to_csv(self.table)
        )
