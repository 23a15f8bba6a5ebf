"""``python -m assistant figures [--directive ID] [--year Y] [--csv F | --xlsx F | --png F]``:
the figures of the reports made, period by period (what the «Số liệu» tab draws), printed, exported
as a table, or drawn as the tab's charts.
"""

from __future__ import annotations

import argparse
import csv
import io
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core import vntext
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_bytes
from assistant.core.series import (
    PERIOD_COLUMNS,
    Chart,
    FigureTable,
    ReportFigures,
    Series,
    build,
)
from assistant.paths import data_dir

if TYPE_CHECKING:
    from assistant.storage.history import History

log = logging.getLogger(__name__)

MADE = ("generated", "submitted")  # a draft's figures are not yet the agency's word


def load_reports(history: History, library: DirectiveLibrary) -> list[ReportFigures]:
    """Every report generated or sent (archived ones too: their figures still stand), read
    through ``History.list``; a report whose directive left the library cannot say which task
    holds which figures, so it is left out (and logged)."""
    directives = {d.id: d for d in library.all()}
    found = []
    for status in MADE:
        for entry in history.list(limit=1_000_000, status=status, archived=None):
            directive = directives.get(entry.directive_id)
            if directive is None:
                log.warning(
                    "report %s: directive %s not in the library", entry.id, entry.directive_id
                )
                continue
            found.append(ReportFigures(directive, entry.answers, entry.report_date))
    return found


def figures_table(
    folder: Path, directive_id: str | None, year: int | None, database: str | None = None
) -> FigureTable:
    from assistant.commands import library_in
    from assistant.storage.history import History  # sqlite-utils: only for this command

    history = History.open_in(folder, database)
    try:
        reports = load_reports(history, library_in(folder))
    finally:
        history.close()
    return build(reports, directive_id, year)


def _cell(series_chart: Chart | None, value: object) -> object:
    """A CSV cell: a share as a percentage with one decimal, dates ISO, a gap empty."""
    if value is None:
        return ""
    if series_chart is Chart.SHARE:
        return f"{value * 100:.1f}"  # type: ignore[operator]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _charts(table: FigureTable) -> list[Chart | None]:
    return [None] * len(PERIOD_COLUMNS) + [s.chart for s in table.series]


def _header(table: FigureTable) -> list[str]:
    header, _ = table.rows()
    return [
        f"{text} (%)" if chart is Chart.SHARE else text
        for text, chart in zip(header, _charts(table), strict=True)
    ]


def to_csv(table: FigureTable) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel on Windows reads the Vietnamese letters."""
    _, rows = table.rows()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_header(table))
    charts = _charts(table)
    for row in rows:
        writer.writerow([_cell(c, v) for c, v in zip(charts, row, strict=True)])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(table: FigureTable) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    header, rows = table.rows()
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu"
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    charts = _charts(table)
    for row in rows:
        sheet.append(row)
        for cell, chart in zip(sheet[sheet.max_row], charts, strict=True):
            if chart is Chart.SHARE:
                cell.number_format = "0.0%"
            elif isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(cell.value, int):
                cell.number_format = "#,##0"
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["D"].width = 22
    sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_png(table: FigureTable) -> bytes:
    from assistant.gui.figures_tab import chart_png  # Qt only when a picture is asked for

    return chart_png(table)


def _text(series: Series, value: object) -> str:
    if value is None:
        return "—"
    if series.chart is Chart.SHARE:
        return vntext.percent(value)  # type: ignore[arg-type]
    return vntext.number(value)  # type: ignore[arg-type]


def _print(table: FigureTable) -> None:
    for i, period in enumerate(table.periods):
        print(f"{period.text} (công văn {', '.join(table.sources[i])})")
        for s in table.series:
            if s.values[i] is not None:
                print(f"  {s.label} — {s.chart_title}: {_text(s, s.values[i])}")


def _run(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    table = figures_table(folder, args.directive, args.year, getattr(args, "database", None))
    target = args.csv or args.xlsx or args.png
    if not table.periods:
        nothing = (
            "Chưa có báo cáo đã tạo nào có số liệu"
            + (f" trả lời công văn «{args.directive}»" if args.directive else "")
            + (f" trong năm {args.year}" if args.year else "")
            + "."
        )
        if target:  # no empty file: the clerk would take it for a failed export
            raise UserError(nothing, f"no figures (directive={args.directive}, year={args.year})")
        print(nothing)
        return 0
    if target:
        write = to_csv if args.csv else to_xlsx if args.xlsx else to_png
        atomic_write_bytes(Path(target), write(table))
        print(f"Đã ghi số liệu: {target}")
        return 0
    _print(table)
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("figures", parents=[common], help="số liệu các kỳ báo cáo, xuất Excel/CSV")
    p.add_argument("--directive", metavar="MÃ", help="chỉ báo cáo trả lời công văn này")
    p.add_argument("--year", type=int, metavar="NĂM", help="chỉ các kỳ kết thúc trong năm này")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--csv", metavar="TỆP.csv", help="ghi số liệu ra tệp CSV")
    out.add_argument("--xlsx", metavar="TỆP.xlsx", help="ghi số liệu ra tệp Excel")
    out.add_argument("--png", metavar="TỆP.png", help="ghi ảnh các biểu đồ (như thẻ «Số liệu»)")
    p.set_defaults(run=_run)
