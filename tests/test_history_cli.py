"""``python -m assistant history …`` on a real database: every action, human and JSON output."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli
from assistant.core.answers import answers_to_report
from assistant.storage.history import History
from tests import factories

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def filled(data_dir: Path, tmp_path: Path) -> Path:
    """A history with one generated report (#1, Số 01) and one draft (#2)."""
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    history = History.open_in(data_dir)
    data = factories.answers(number=None, proposals="Đề nghị hỗ trợ kinh phí đồng bộ thiết bị")
    history.generate(answers_to_report(data, factories.directive()), tmp_path / "docs" / "a.docx")
    history.save_draft(factories.directive(), factories.answers(date="2023-03-01", number=None))
    history.close()
    return data_dir


def run(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    code = cli.main(["history", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_and_search_in_json_and_in_words(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "list", "--json")
    entries = json.loads(out)
    assert code == 0 and [(e["id"], e["status"]) for e in entries] == [
        (1, "generated"),
        (2, "draft"),
    ]
    assert entries[0]["number_text"] == "Số: 01/BC-PTTH" and entries[0]["answers"]["profile"]
    _, out, _ = run(capsys, "list", "--status", "draft")
    assert "#2" in out and "bản nháp" in out and "#1" not in out
    _, out, _ = run(capsys, "search", "dong bo", "--json")
    assert [e["id"] for e in json.loads(out)] == [1]
    _, out, _ = run(capsys, "search", "khong co tu nay")
    assert out.strip() == "Không có báo cáo nào."


def test_show_submit_and_the_status_log(filled: Path, capsys) -> None:
    assert run(capsys, "submit", "1")[1].startswith("Đã đánh dấu báo cáo #1 là đã gửi")
    _, out, _ = run(capsys, "show", "1")
    assert "Số: 01/BC-PTTH" in out and "SHA-256" in out
    assert [line.split()[-1] for line in out.splitlines() if line.strip()[:4].isdigit()] == [
        "nháp",
        "tệp",  # đang ghi tệp
        "tạo",
        "gửi",
    ]
    code, _, err = run(capsys, "submit", "1")
    assert code == cli.EXIT_USER_ERROR and err.startswith("Lỗi: ")


def test_reopen_duplicate_and_regenerate(filled: Path, tmp_path: Path, capsys) -> None:
    assert "bản nháp #3" in run(capsys, "reopen", "1")[1]
    args = ["duplicate", "1", "--period-start", "2024-07-01", "--period-end", "2024-09-30"]
    assert "bản nháp #4" in run(capsys, *args)[1]
    copy = json.loads(run(capsys, "show", "4", "--json")[1])
    assert copy["answers"]["period"] == {"start": "2024-07-01", "end": "2024-09-30", "label": ""}
    out_file = tmp_path / "again.docx"
    assert str(out_file) in run(capsys, "regenerate", "1", "--out", str(out_file))[1]
    assert out_file.stat().st_size > 10_000


def test_cancel_number_export_and_restore(filled: Path, tmp_path: Path, capsys) -> None:
    assert (
        "sẽ không được cấp lại" in run(capsys, "cancel-number", "2024", "2", "--reason", "Hỏng")[1]
    )
    backup = tmp_path / "sao-luu.zip"
    assert str(backup) in run(capsys, "export", str(backup))[1]
    run(capsys, "submit", "1")
    assert "Đã khôi phục 2 báo cáo" in run(capsys, "restore", str(backup))[1]
    assert json.loads(run(capsys, "show", "1", "--json")[1])["status"] == "generated"
    code, _, err = run(capsys, "restore", str(tmp_path / "khong-co.zip"))
    assert code == cli.EXIT_USER_ERROR and "không phải bản sao lưu" in err


def test_unknown_report_is_a_message_not_a_traceback(filled: Path, capsys) -> None:
    code, _, err = run(capsys, "show", "99")
    assert (
        code == cli.EXIT_USER_ERROR and err.strip() == "Lỗi: Không có báo cáo số 99 trong lịch sử."
    )


def test_data_dir_option_in_a_real_process(filled: Path, tmp_path: Path) -> None:
    """Run as the clerk would, with the data folder given on the command line, not the environment."""
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "history", "list", "--json", "--data-dir", str(filled)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=True,
    )
    assert [e["id"] for e in json.loads(done.stdout)] == [1, 2]
