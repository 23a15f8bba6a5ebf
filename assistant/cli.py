"""Command line: ``python -m assistant <command> …``; with no command it opens the window.

Each feature module contributes its sub-command through a ``register(subparsers, common)``
function, so this file only wires them together and keeps the console Vietnamese: a refusal is one
"Lỗi: …" sentence and an exit code, while the technical detail (and any traceback) goes to the log
file in the data folder, and to the console too with ``-v``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import NoReturn

from assistant.cli_text import vietnamese_argparse
from assistant.core.errors import UserError, os_error
from assistant.paths import data_dir, missing_resources
from assistant.storage import DATABASE_ENV

log = logging.getLogger("assistant")

# Each sub-command and the module that registers it, in the order of --help. Running a command
# imports only its own module: importing all of them would cost most of a command's time.
COMMANDS = {
    "directives": "assistant.commands",
    "generate": "assistant.commands",
    "profile": "assistant.commands",
    "history": "assistant.storage.command",
    "server": "assistant.storage.server_command",
    "fix": "assistant.check.command",
    "check": "assistant.check.command",
    "import": "assistant.importer.command",
    "due": "assistant.due_command",
    "figures": "assistant.figures_command",
    "pdf": "assistant.export.command",
    "print": "assistant.export.command",
    "about": "assistant.about_command",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
OPTIONS_WITH_VALUE = ("--data-dir", "--database")  # the options before a command that take a value

EXIT_USER_ERROR = 2
EXIT_BUG = 3
EXIT_INTERRUPTED = 130  # the shell's convention for Ctrl+C
LOG_FILE = Path("logs") / "bao-cao-nhanh.log"  # inside the data folder


class Parser(argparse.ArgumentParser):
    """Sub-parsers are made of the same class, so every level refuses the same way."""

    def error(self, message: str) -> NoReturn:
        # argparse's own error() prints the whole usage first; one sentence and a pointer suffice.
        self.exit(EXIT_USER_ERROR, f"Lỗi: {message}.\nXem cách dùng: {self.prog} --help\n")


def _common_options(default: object = None) -> argparse.ArgumentParser:
    """Options every command takes. Sub-commands get them with a suppressed default, so that
    ``--data-dir X`` before the command is not overwritten by the sub-parser's empty default."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="thư mục dữ liệu của người dùng (mặc định: thư mục AppData cục bộ; "
        "hoặc biến môi trường BAO_CAO_NHANH_DATA)",
    )
    common.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help="máy chủ dữ liệu dùng chung của cơ quan, dạng postgresql://người_dùng@máy_chủ/tên_csdl "
        f"(hoặc biến môi trường {DATABASE_ENV}); mặc định: tệp lịch sử trong thư mục dữ liệu",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=default or False,
        help="hiện cả nhật ký chi tiết trên màn hình",
    )
    return common


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``, with the sub-commands it needs (``_modules_for``)."""
    common = _common_options(argparse.SUPPRESS)
    parser = Parser(
        prog="python -m assistant",
        description="Báo cáo nhanh: soạn báo cáo trả lời công văn theo đúng thể thức.",
        parents=[_common_options()],
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in _modules_for(argv or []):
        importlib.import_module(name).register(sub, common)
    return parser


def _modules_for(argv: list[str]) -> tuple[str, ...]:
    """The command's own module; none for the window (no command word); every one for help or
    a word that is no command (argparse then lists them all)."""
    named = _command_named(argv)
    if named in COMMANDS:
        return (COMMANDS[named],)
    if named is None and not {"-h", "--help"} & set(argv):
        return ()
    return COMMAND_MODULES


def _command_named(argv: list[str]) -> str | None:
    """The command word of ``argv``: its first word that is neither an option nor an option's
    value (``--data-dir history`` names a folder, not the command)."""
    words = iter(argv)
    for word in words:
        if word in OPTIONS_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


class _LogFile(RotatingFileHandler):
    def handleError(self, record: logging.LogRecord) -> None:
        """A log that cannot be written (disk full; on Windows, rotated while another copy of the
        program holds it) must neither stop the work nor print English on the console."""


def _log_file(args: argparse.Namespace) -> _LogFile | None:
    try:
        path = data_dir(args.data_dir) / LOG_FILE
        path.parent.mkdir(exist_ok=True)
        handler = _LogFile(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None  # no data folder: the command itself will explain that, logging must not
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    return handler


@contextlib.contextmanager
def _logging(args: argparse.Namespace) -> Iterator[Path | None]:
    """Log to the file (and with -v to stderr) while a command runs; yields the file's path. The
    handlers are removed afterwards, so tests that call main() repeatedly do not pile them up."""
    root = logging.getLogger()
    file = _log_file(args)
    # Without any handler, logging's last resort would print warnings (English) on the console.
    handlers: list[logging.Handler] = [logging.NullHandler()]
    if file is not None:
        handlers.append(file)
    if args.verbose:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(console)
    saved_level = root.level
    root.setLevel(logging.DEBUG if args.verbose else logging.INFO)
    for handler in handlers:
        root.addHandler(handler)
    try:
        yield Path(file.baseFilename) if file is not None else None
    finally:
        root.setLevel(saved_level)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()


def _bug_message(log_path: Path | None) -> str:
    if log_path is None:
        return (
            "Lỗi: chương trình gặp sự cố ngoài dự kiến; hãy chạy lại lệnh với tùy chọn -v và "
            "gửi toàn bộ nội dung hiện ra cho người hỗ trợ phần mềm."
        )
    return (
        "Lỗi: chương trình gặp sự cố ngoài dự kiến; chi tiết đã được ghi vào tệp nhật ký "
        f"«{log_path}», hãy gửi tệp này cho người hỗ trợ phần mềm."
    )


def _require_resources() -> None:
    missing = missing_resources()
    if missing:
        raise UserError(
            f"Bản cài đặt thiếu dữ liệu đi kèm chương trình («{missing[0].name}»); hãy cài lại "
            "Báo cáo nhanh.",
            "missing bundled resources: " + ", ".join(map(str, missing)),
        )


@contextlib.contextmanager
def _database(args: argparse.Namespace) -> Iterator[None]:
    """``--database`` for every command and the window: each opens its history through the
    environment variable (``storage.opening``), set while the command runs."""
    url = getattr(args, "database", None)
    if not url:
        yield
        return
    before = os.environ.get(DATABASE_ENV)
    os.environ[DATABASE_ENV] = url
    try:
        yield
    finally:
        if before is None:
            del os.environ[DATABASE_ENV]
        else:
            os.environ[DATABASE_ENV] = before


def _run(args: argparse.Namespace, log_path: Path | None) -> int:
    try:
        _require_resources()
        with _database(args):
            if args.command is None:
                from assistant.gui.app import run_app  # Qt only when the window is wanted

                return run_app(args)
            return int(args.run(args) or 0)
    except UserError as exc:
        log.error("%s", exc.detail)
        message = exc.message
    except OSError as exc:
        # A file error the command did not explain: still one Vietnamese sentence for the clerk,
        # and the traceback in the log shows where an explanation is missing. For a rename the
        # second name is the target the clerk chose, the first a temporary file.
        error = os_error(exc, exc.filename2 or exc.filename or "", "xử lý")
        log.error("%s", error.detail, exc_info=True)
        message = error.message
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        log.exception("unexpected error")
        print(_bug_message(log_path), file=sys.stderr)
        return EXIT_BUG
    print(f"Lỗi: {message}", file=sys.stderr)
    return EXIT_USER_ERROR


def main(argv: list[str] | None = None) -> int:
    with vietnamese_argparse():  # parsers translate their texts both when built and when used
        if argv is None:
            argv = sys.argv[1:]
        args = build_parser(argv).parse_args(argv)
    with _logging(args) as log_path:
        log.info("command line: %s", argv)
        return _run(args, log_path)
