"""The console speaks Vietnamese only: argparse refusals, file errors, bugs; details go to the log."""

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant import cli, commands
from assistant.core.errors import UserError, os_error

REPO = Path(__file__).resolve().parent.parent
DIRECTIVE = "3270-cv-btgtu-2024"
ANSWERS = f"resources/answers/{DIRECTIVE}.json"
# What argparse, logging and the OS print in English; none of it may reach a clerk's console.
ENGLISH = ("usage:", "error:", "ERROR", "invalid choice", "choose from", "required", "unrecognized")


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        cwd=REPO,
        env={**os.environ, "BAO_CAO_NHANH_DATA": str(data_dir)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def log_text(data_dir: Path) -> str:
    return (data_dir / "logs" / "bao-cao-nhanh.log").read_text(encoding="utf-8")


def assert_vietnamese_refusal(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == cli.EXIT_USER_ERROR, result.stderr
    assert result.stderr.startswith("Lỗi: ")
    assert not [word for word in ENGLISH if word in result.stderr], result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_lists_the_allowed_ones(data_dir: Path) -> None:
    result = run(
        "generate", "--directive", DIRECTIVE, "--answers", ANSWERS, "--out", "r.docx",
        "--format", "nd31", data_dir=data_dir,
    )  # fmt: skip
    assert_vietnamese_refusal(result)
    assert "«nd31»" in result.stderr and "'nd30'" in result.stderr and "'hd36'" in result.stderr
    assert "python -m assistant generate --help" in result.stderr


def test_missing_options_are_named(data_dir: Path) -> None:
    result = run("generate", "--directive", DIRECTIVE, data_dir=data_dir)
    assert_vietnamese_refusal(result)
    assert "thiếu tham số bắt buộc: --answers, --out" in result.stderr


def test_unknown_option_is_named(data_dir: Path) -> None:
    result = run("directives", "--bogus", data_dir=data_dir)
    assert_vietnamese_refusal(result)
    assert "không hiểu tham số: --bogus" in result.stderr


def test_option_without_its_value(data_dir: Path) -> None:
    result = run("history", "list", "--limit", data_dir=data_dir)
    assert_vietnamese_refusal(result)
    assert "--limit: cần một giá trị" in result.stderr


def test_help_is_vietnamese(data_dir: Path) -> None:
    for args in (("--help",), ("generate", "--help")):
        result = run(*args, data_dir=data_dir)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("cách dùng: python -m assistant")
        assert "tùy chọn:" in result.stdout and "hiện hướng dẫn này rồi thoát" in result.stdout
        for english in ("usage:", "show this help", "options:", "positional arguments"):
            assert english not in result.stdout


def _generate_into_a_folder(tmp_path: Path, data_dir: Path, *extra: str):
    target = tmp_path / "là-thư-mục.docx"
    target.mkdir()
    return target, run(
        "generate", "--directive", DIRECTIVE, "--answers", ANSWERS, "--out", str(target),
        *extra, data_dir=data_dir,
    )  # fmt: skip


def test_out_folder_is_explained_and_its_detail_logged(tmp_path: Path, data_dir: Path) -> None:
    target, result = _generate_into_a_folder(tmp_path, data_dir)
    assert_vietnamese_refusal(result)
    assert "thư mục" in result.stderr and str(target) in result.stderr
    assert "directory" not in result.stderr.lower()  # neither the strerror nor the detail
    log = log_text(data_dir)
    assert str(target) in log and "directory" in log.lower()


def test_verbose_shows_the_detail_too(tmp_path: Path, data_dir: Path) -> None:
    _, result = _generate_into_a_folder(tmp_path, data_dir, "-v")
    assert result.returncode == cli.EXIT_USER_ERROR
    assert "directory" in result.stderr.lower()
    assert result.stderr.splitlines()[-1].startswith("Lỗi: ")


# In-process, with a command that fails on purpose: the log is written when main() returns.


def _failing_command(monkeypatch: pytest.MonkeyPatch, exc: BaseException) -> None:
    def fail(args) -> int:
        raise exc

    monkeypatch.setattr(commands, "_directives", fail)  # register() runs inside main()


def test_refusal_detail_goes_to_the_log_only(data_dir: Path, monkeypatch, capsys) -> None:
    _failing_command(monkeypatch, UserError("Không làm được.", "technical detail 42"))
    assert cli.main(["directives"]) == cli.EXIT_USER_ERROR
    assert capsys.readouterr().err == "Lỗi: Không làm được.\n"
    assert "ERROR assistant: technical detail 42" in log_text(data_dir)


def test_an_unexplained_file_error_is_still_vietnamese(data_dir: Path, monkeypatch, capsys) -> None:
    strerror = os.strerror(errno.EISDIR)
    # As os.replace raises it: the temporary file first, the clerk's target second.
    _failing_command(monkeypatch, IsADirectoryError(errno.EISDIR, strerror, ".tmp", None, "r.docx"))
    assert cli.main(["directives"]) == cli.EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: Không xử lý được «r.docx»: đây là một thư mục")
    assert strerror not in err
    assert "Traceback" in log_text(data_dir)


def test_a_bug_points_to_the_log(data_dir: Path, monkeypatch, capsys) -> None:
    _failing_command(monkeypatch, RuntimeError("boom 17"))
    assert cli.main(["directives"]) == cli.EXIT_BUG
    err = capsys.readouterr().err
    log_file = data_dir / "logs" / "bao-cao-nhanh.log"
    assert err.startswith("Lỗi: chương trình gặp sự cố ngoài dự kiến") and str(log_file) in err
    assert "boom" not in err and "Traceback" not in err
    assert "Traceback" in log_text(data_dir) and "RuntimeError: boom 17" in log_text(data_dir)


def test_ctrl_c_stops_quietly(data_dir: Path, monkeypatch, capsys) -> None:
    _failing_command(monkeypatch, KeyboardInterrupt())
    assert cli.main(["directives"]) == cli.EXIT_INTERRUPTED == 130
    assert capsys.readouterr().err == "Đã dừng.\n"


def test_logging_is_undone_after_main(data_dir: Path) -> None:
    import logging

    before = list(logging.getLogger().handlers)
    assert cli.main(["directives", "--json"]) == 0
    assert logging.getLogger().handlers == before


# os_error, one errno at a time: Vietnamese reason, the file named, never the English strerror.


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (OSError(errno.EISDIR, os.strerror(errno.EISDIR), "f.docx"), "đây là một thư mục"),
        (IsADirectoryError("no errno"), "đây là một thư mục"),
        (OSError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), "f.docx"), "đường dẫn là tệp"),
        (OSError(errno.ENOENT, os.strerror(errno.ENOENT), "f.docx"), "không tìm thấy tệp"),
        (FileNotFoundError("no errno"), "không tìm thấy tệp"),
        (OSError(errno.EACCES, os.strerror(errno.EACCES), "f.docx"), "không có quyền"),
        (OSError(errno.EPERM, os.strerror(errno.EPERM), "f.docx"), "không có quyền"),
        (PermissionError("no errno"), "không có quyền"),
        (OSError(errno.EROFS, os.strerror(errno.EROFS), "f.docx"), "ổ đĩa này chỉ cho phép đọc"),
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "f.docx"), "ổ đĩa đã đầy"),
        (OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), "f.docx"), "quá dài"),
        (OSError(errno.EINVAL, os.strerror(errno.EINVAL), "f.docx"), "ký tự không được phép"),
        (OSError(errno.EIO, os.strerror(errno.EIO), "f.docx"), "hệ thống báo lỗi"),
    ],
)
def test_os_error_explains_each_errno(exc: OSError, reason: str) -> None:
    error = os_error(exc, "f.docx", "ghi")
    assert error.message.startswith("Không ghi được «f.docx»: ") and reason in error.message
    if exc.strerror:
        assert exc.strerror not in error.message
    assert "Errno" not in error.message
    assert error.detail == f"ghi f.docx: {exc!r}"


def test_os_error_on_windows_mentions_word(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    error = os_error(PermissionError(errno.EACCES, "Access is denied"), "f.docx", "ghi")
    assert "tệp đang mở trong Word" in error.message


def test_os_error_without_a_file_name() -> None:
    error = os_error(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "", "xử lý")
    assert error.message == "Không xử lý được: ổ đĩa đã đầy. Hãy xóa bớt tệp hoặc chọn ổ đĩa khác."
