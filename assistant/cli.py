"""Command line: ``python -m assistant <command> …``; with no command it opens the window.

Each feature module contributes its sub-command through a ``register(subparsers, common)``
function, so this file only wires them together and turns a UserError into a Vietnamese message
and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from assistant.core.errors import UserError

log = logging.getLogger("assistant")

# Modules that add sub-commands, in the order they appear in --help.
COMMAND_MODULES = (
    "assistant.commands",
    "assistant.storage.command",
    "assistant.check.command",
    "assistant.importer.command",
)

EXIT_USER_ERROR = 2


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
        "-v",
        "--verbose",
        action="store_true",
        default=default or False,
        help="ghi nhật ký chi tiết",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="python -m assistant",
        description="Báo cáo nhanh: soạn báo cáo trả lời công văn theo đúng thể thức.",
        parents=[_common_options()],
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.command is None:
        from assistant.gui.app import run_app  # Qt is imported only when the window is wanted

        return run_app(args)
    try:
        return int(args.run(args) or 0)
    except UserError as exc:
        log.error("%s", exc.detail)
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
