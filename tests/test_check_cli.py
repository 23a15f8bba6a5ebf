"""``python -m assistant check`` in a real subprocess: output, --json and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.faulty_docs import FAULTS, make_report, spoil


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "check", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    return make_report(tmp_path_factory.mktemp("cli"), "nd30")


def test_a_correct_report_exits_0(report) -> None:
    done = run_check(str(report))
    assert done.returncode == 0, done.stderr
    assert "Không phát hiện sai sót" in done.stdout


def test_a_faulty_report_exits_1_and_names_the_fault(report, tmp_path) -> None:
    fault = next(f for f in FAULTS if f[0] == "month_padded")
    done = run_check(str(spoil(report, tmp_path / "bad.docx", fault[2])))
    assert done.returncode == 1
    line = next(x for x in done.stdout.splitlines() if "date.month_padding" in x)
    assert line.startswith("[LỖI] Địa danh, ngày tháng:")
    assert "tháng 03" in line and "Vị trí: bảng tiêu đề" in line


def test_json_lists_every_field(report, tmp_path) -> None:
    fault = next(f for f in FAULTS if f[0] == "party_number_colon")
    party = make_report(tmp_path, "hd36")
    done = run_check(str(spoil(party, tmp_path / "bad.docx", fault[2])), "--json")
    assert done.returncode == 1
    (finding,) = json.loads(done.stdout)
    assert finding["id"] == "number.colon" and finding["element"] == "number"
    assert finding["label"] == "Số, ký hiệu" and finding["severity"] == "error"
    assert finding["expected"].startswith("HD 36-HD/VPTW, Phụ lục 3: ")
    assert set(finding) >= {"found", "where", "message", "count"}


def test_forced_format_and_missing_file(report, tmp_path) -> None:
    assert run_check(str(report), "--format", "hd36").returncode == 1
    done = run_check(str(tmp_path / "khong-co.docx"))
    assert done.returncode == 2
    assert "Không tìm thấy tệp" in done.stderr


def test_json_of_a_correct_report_is_an_empty_list(report) -> None:
    done = run_check(str(report), "--json")
    assert done.returncode == 0 and json.loads(done.stdout) == []
