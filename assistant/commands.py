"""Core sub-commands: ``directives``, ``generate`` and ``profile``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from assistant.core.agency import load_profile, save_profile
from assistant.core.answers import answers_to_report, profile_from_dict, profile_to_dict
from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.core.fileio import read_json_object
from assistant.core.formats import PROFILES
from assistant.generate import generate
from assistant.paths import data_dir
from assistant.storage.history import History

USER_DIRECTIVES = "directives"
USER_TEMPLATES = "templates"


def library(args: argparse.Namespace) -> DirectiveLibrary:
    return DirectiveLibrary(user_dir=data_dir(args.data_dir) / USER_DIRECTIVES)


def _directives(args: argparse.Namespace) -> int:
    items = library(args).all()
    if args.json:
        rows = [
            {
                "id": d.id,
                "symbol": d.symbol,
                "kind": d.kind.value,
                "date": d.date.isoformat() if d.date else None,
                "issuer": d.issuer,
                "subject": d.subject,
                "tasks": len(d.tasks),
            }
            for d in items
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for d in items:
        when = d.date.strftime("%d/%m/%Y") if d.date else "??/??/????"
        print(f"{d.id}\n    Số {d.symbol}, {when}, {d.issuer}\n    {d.subject}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    directive = library(args).get(args.directive)
    answers = read_json_object(Path(args.answers), "tệp trả lời")
    report = answers_to_report(answers, directive, load_profile(folder), format_id=args.format)
    if args.confirm_format:
        report = replace(report, format_confirmed=True)
    templates = [folder / USER_TEMPLATES]
    if args.no_history:
        result = generate(report, Path(args.out), template_dirs=templates)
    else:
        history = History.open_in(folder)
        entry_id, result = history.generate(report, Path(args.out), template_dirs=templates)
        print(f"Đã ghi vào lịch sử: #{entry_id}, {history.get(entry_id).number_text}")
    for warning in result.warnings:
        print(f"Lưu ý: {warning}", file=sys.stderr)
    print(f"Đã tạo báo cáo: {result.path}")
    return 0


def _profile(args: argparse.Namespace) -> int:
    folder = data_dir(args.data_dir)
    if args.action == "set":
        if not args.file:
            raise UserError(
                "Cần chỉ ra tệp JSON thông tin cơ quan: profile set TỆP.json", "no file"
            )
        path = save_profile(
            folder, profile_from_dict(read_json_object(Path(args.file), "tệp thông tin cơ quan"))
        )
        print(f"Đã lưu thông tin cơ quan: {path}")
        return 0
    profile = load_profile(folder)
    if profile is None:
        print("Chưa khai báo thông tin cơ quan.", file=sys.stderr)
        return 1
    print(json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=2))
    return 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("directives", parents=[common], help="liệt kê các công văn trong thư viện")
    p.add_argument("--json", action="store_true", help="in ra dạng JSON")
    p.set_defaults(run=_directives)

    p = sub.add_parser("generate", parents=[common], help="tạo báo cáo .docx từ tệp trả lời")
    p.add_argument(
        "--directive", required=True, metavar="MÃ", help="mã công văn (xem lệnh directives)"
    )
    p.add_argument("--answers", required=True, metavar="TỆP.json", help="tệp trả lời (JSON)")
    p.add_argument("--out", required=True, metavar="TỆP.docx", help="tệp báo cáo sẽ tạo")
    p.add_argument("--format", choices=sorted(PROFILES), help="thể thức (mặc định theo cơ quan)")
    p.add_argument(
        "--confirm-format",
        action="store_true",
        help="xác nhận dùng thể thức của hệ thống khác (cơ quan nhà nước theo thể thức Đảng "
        "hoặc ngược lại)",
    )
    p.add_argument(
        "--no-history",
        action="store_true",
        help="không ghi vào lịch sử và sổ văn bản đi (số lấy đúng như tệp trả lời)",
    )
    p.set_defaults(run=_generate)

    p = sub.add_parser(
        "profile", parents=[common], help="xem hoặc khai báo thông tin cơ quan báo cáo"
    )
    p.add_argument("action", choices=["show", "set"])
    p.add_argument(
        "file", nargs="?", metavar="TỆP.json", help="với «set»: tệp JSON thông tin cơ quan"
    )
    p.set_defaults(run=_profile)
