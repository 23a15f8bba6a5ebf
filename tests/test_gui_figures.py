"""The «Số liệu» tab (pytest-qt) and the ``figures`` command, on a real history of generated
reports: the series drawn, the 15% line, the filters, and the exports read back."""

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage
from pytest import approx

from assistant.core.answers import answers_to_report
from assistant.core.directives import DirectiveLibrary
from assistant.figures_command import load_reports
from assistant.gui import figures_tab
from assistant.gui.figures_tab import LIMIT_NAME, FiguresTab
from assistant.storage.history import History
from tests import factories
from tests.test_series import quarter

SHOTS = Path("/tmp/figures-shots")


def _ratio(total: int, negative: int | None) -> dict:
    platform = {"platform": "facebook", "total": total}
    if negative is not None:
        platform["negative"] = negative
    return {"platforms": [platform, {"platform": "zalo", "total": 100, "negative": 3}]}


@pytest.fixture
def made(history: History, data_dir: Path) -> History:
    """Three quarters of 2025 generated (the third without Facebook's negative posts), one of
    2024, and a draft whose figures must not count."""
    directive = factories.directive()
    quarters = [
        (2024, 4, _ratio(400, 80)),
        (2025, 1, _ratio(500, 40)),
        (2025, 2, _ratio(400, 20)),
        (2025, 3, _ratio(300, None)),
    ]
    for n, (year, q, ratio) in enumerate(quarters, start=1):
        answers = quarter(year, q, number=n, date=f"{year + (q == 4)}-0{q % 4 + 1}-05")
        answers["tasks"]["t2"]["figures"] = ratio
        report = answers_to_report(answers, directive)
        history.generate(report, data_dir / f"bc-{year}-{q}.docx")
    draft = quarter(2025, 4)
    draft["tasks"]["t2"]["figures"] = _ratio(100, 90)
    history.save_draft(directive, draft)
    return history


def _library(data_dir: Path) -> DirectiveLibrary:
    return DirectiveLibrary(user_dir=data_dir / "directives")


def open_tab(qtbot, made: History, data_dir: Path) -> FiguresTab:
    tab = FiguresTab(lambda: load_reports(made, _library(data_dir)))
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_the_tab_draws_each_period_of_the_reports_made(qtbot, made, data_dir: Path) -> None:
    tab = open_tab(qtbot, made, data_dir)
    charts = tab.charts
    assert [p.text for p in tab.table.periods] == [
        "Quý IV/2024",
        "Quý I/2025",
        "Quý II/2025",
        "Quý III/2025",
    ]
    # Percent, one point per period; quarter III's Facebook share was not entered: no point.
    assert charts.points("share:facebook") == [(0, approx(20)), (1, approx(8)), (2, approx(5))]
    assert charts.points("share:zalo") == [(x, approx(3)) for x in range(4)]
    assert charts.points("share:total") == [
        (0, approx(16.6)),
        (1, approx(43 / 6)),
        (2, approx(4.6)),
    ]
    assert charts.points("clips:tiktok") == [(x, 30.0) for x in range(4)]
    assert charts.points("views:facebook") == [(x, approx(125)) for x in range(4)]  # thousands
    assert charts.points("conduct:staff_briefed") == [(x, 118.0) for x in range(4)]
    share = charts.views[figures_tab.Chart.SHARE].chart()
    limit = next(s for s in share.series() if s.name() == LIMIT_NAME)
    assert {p.y() for p in limit.points()} == {15.0}
    axis = share.axes()[0]
    assert axis.categoriesLabels() == [p.text for p in tab.table.periods]
    SHOTS.mkdir(exist_ok=True)
    assert tab.charts.grab().save(str(SHOTS / "so-lieu.png"))

    tab.year.setCurrentIndex(tab.year.findData(2024))
    assert [p.text for p in tab.table.periods] == ["Quý IV/2024"]
    assert charts.points("share:facebook") == [(0, approx(20))]
    assert [tab.year.itemText(i) for i in range(tab.year.count())] == [
        "Tất cả các năm",
        "2025",
        "2024",
    ]
    assert tab.directive.itemData(1) == factories.DIRECTIVE["id"]


def test_an_empty_history_says_so(qtbot, history: History, data_dir: Path) -> None:
    tab = open_tab(qtbot, history, data_dir)
    assert tab.table.periods == ()
    assert tab.empty.isVisibleTo(tab) and not tab.charts.isVisibleTo(tab)


def test_the_exports_read_back(qtbot, made, data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    tab = open_tab(qtbot, made, data_dir)
    targets = iter([tmp_path / "bieu-do.png", tmp_path / "so-lieu.xlsx", tmp_path / "so-lieu.csv"])
    monkeypatch.setattr(figures_tab, "ask_export_path", lambda *a: str(next(targets)))
    tab.save_png()
    tab.save_xlsx()
    tab.save_csv()
    assert (tmp_path / "bieu-do.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "so-lieu.csv" in tab.notice.text()

    sheet = load_workbook(tmp_path / "so-lieu.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    share = header.index("Tỷ lệ tin, bài tiêu cực (phải dưới 15%): Facebook")
    assert [r[0] for r in rows[1:]] == [p.text for p in tab.table.periods]
    assert [r[share] for r in rows[1:]] == [0.2, 0.08, 0.05, None]
    assert rows[1][1].date() == date(2024, 10, 1)
    assert sheet.cell(2, share + 1).number_format == "0.0%"

    with (tmp_path / "so-lieu.csv").open(encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    share = table[0].index("Tỷ lệ tin, bài tiêu cực (phải dưới 15%): Facebook (%)")
    assert [r[share] for r in table[1:]] == ["20.0", "8.0", "5.0", ""]
    assert table[1][:3] == ["Quý IV/2024", "2024-10-01", "2024-12-31"]


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "figures", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_figures_command_prints_and_exports(made, data_dir: Path, tmp_path: Path) -> None:
    printed = _cli(data_dir, "--year", "2025")
    assert printed.returncode == 0, printed.stderr
    assert "Quý I/2025" in printed.stdout and "Quý IV/2024" not in printed.stdout
    assert "Facebook — Tỷ lệ tin, bài tiêu cực (phải dưới 15%): 8,0%" in printed.stdout
    out = tmp_path / "so-lieu.xlsx"
    assert _cli(data_dir, "--xlsx", str(out)).returncode == 0
    assert load_workbook(out).active.max_row == 5
    picture = tmp_path / "bieu-do.png"
    assert (
        _cli(data_dir, "--directive", factories.DIRECTIVE["id"], "--png", str(picture)).returncode
        == 0
    )
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1300, 760)
    none = _cli(data_dir, "--year", "2019")
    assert none.returncode == 0 and "trong năm 2019." in none.stdout
    refused = _cli(data_dir, "--year", "2019", "--csv", str(tmp_path / "x.csv"))
    assert refused.returncode == 2 and "trong năm 2019." in refused.stderr
    assert not (tmp_path / "x.csv").exists()
