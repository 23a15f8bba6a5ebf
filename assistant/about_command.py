"""``python -m assistant about``: the version, where the data and the log are, the licence —
what the window's "Giới thiệu…" shows, for whoever supports the clerk."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NamedTuple

from assistant.paths import data_dir

DISTRIBUTION = "bao-cao-nhanh"


class About(NamedTuple):  # not a dataclass: importing dataclasses costs every command ~9 ms
    version: str
    licence: str
    data_folder: Path
    log_file: Path


def about(folder: Path) -> About:
    from importlib.metadata import metadata  # ~20 ms: only when asked

    from assistant.cli import LOG_FILE

    meta = metadata(DISTRIBUTION)  # a wheel, an editable install and the bundle all carry it
    licence = meta.get("License-Expression") or meta.get("License") or ""
    return About(meta["Version"], licence, folder, folder / LOG_FILE)


def _run(args: argparse.Namespace) -> int:
    facts = about(data_dir(args.data_dir))
    print(f"Báo cáo nhanh, phiên bản {facts.version}")
    print(f"Thư mục dữ liệu: {facts.data_folder}")
    print(f"Tệp nhật ký: {facts.log_file}")
    print(f"Giấy phép: {facts.licence}")
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "about",
        parents=[common],
        help="phiên bản, thư mục dữ liệu, tệp nhật ký",
        description="Phiên bản chương trình, nơi lưu dữ liệu và tệp nhật ký (để gửi người hỗ trợ).",
    )
    parser.set_defaults(run=_run)
