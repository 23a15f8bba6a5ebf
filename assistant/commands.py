"""Core sub-commands: ``directives``, ``generate`` and ``profile``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from assistant.core.agency import load_profile, save_profile
from assistant.core.answers import answers_to_report, profile_from_dict, profile_to_dict
from assistant.core.directives import (
    DirectiveLibrary,
    directive_from_dict,
    directive_to_dict,
    unreadable_text,
)
from assistant.core.errors import UserError
from assistant.core.fileio import read_json_object
from assistant.core.formats import PROFILES
from assistant.paths import data_dir

USER_DIRECTIVES = "directives"
USER_TEMPLATES = "templates"


def library_in(folder: Path) -> DirectiveLibrary:
    return DirectiveLibrary(user_dir=folder / USER_DIRECTIVES)


def library(args: argparse.Namespace) -> DirectiveLibrary:
    return library_in(data_dir(args.data_dir))


def _directives(args: argparse.Namespace) -> int:
    """``directives [list|show|add|update|remove]``: the library, one record, or a change to it."""
    lib = library(args)
    if args.action in ("show", "update", "remove") and not args.id:
        raise UserError(f"Cần mã công văn: directives {args.action} MÃ", "no id")
    if args.action == "show":
        return _show_directive(lib.get(args.id), args.json)
    if args.action == "remove":
        lib.remove(args.id)
        print(f"Đã xóa công văn «{args.id}» khỏi thư viện của bạn.")
        return 0
    if args.action in ("add", "update"):
        return _save_directive(lib, args)
    directives, unreadable = lib.scan()
    if unreadable:
        print(f"Lưu ý: {unreadable_text(unreadable)}", file=sys.stderr)
    return _list_directives(directives, args.json)


def _list_directives(items: list, as_json: bool) -> int:
    if as_json:
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


def _show_directive(directive, as_json: bool) -> int:
    data = directive_to_dict(directive)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    when = directive.date.strftime("%d/%m/%Y") if directive.date else "không rõ"
    print(f"{directive.id}: Số {directive.symbol}, ngày {when}")
    print(
        f"Cơ quan ban hành: {' – '.join(filter(None, (directive.issuer_parent, directive.issuer)))}"
    )
    print(f"Trích yếu: {directive.subject}")
    print(
        f"Báo cáo gửi: {directive.report_to}"
        + (f" (qua {directive.report_via})" if directive.report_via else "")
    )
    if directive.report_deadline:
        print(f"Hạn báo cáo: {directive.report_deadline:%d/%m/%Y}")
    for rule in directive.report_periods:
        print(f"Báo cáo định kỳ: {rule.describe()}")
    for task in directive.tasks:
        print(f"  {task.label}. [{task.kind}] {task.title or task.text[:80]}")
    return 0


def _save_directive(lib: DirectiveLibrary, args: argparse.Namespace) -> int:
    file = args.file if args.action == "update" else args.id  # add takes the file alone
    if not file:
        usage = (
            "directives update MÃ TỆP.json"
            if args.action == "update"
            else "directives add TỆP.json"
        )
        raise UserError(f"Cần tệp JSON của công văn: {usage}", "no file")
    data = read_json_object(Path(file), "tệp công văn")
    if args.action == "update":
        data["id"] = args.id
        path = lib.update(directive_from_dict(data))
    else:
        path = lib.add(directive_from_dict(data), as_copy=args.copy)
    print(f"Đã lưu công văn «{path.stem}»: {path}")
    return 0


def _generate(args: argparse.Namespace) -> int:
    # Imported here: python-docx costs time that other commands do not need; the history (and
    # sqlite-utils) only when the report goes into it.
    from assistant.generate import generate

    folder = data_dir(args.data_dir)
    directive = library(args).get(args.directive)
    answers = read_json_object(Path(args.answers), "tệp trả lời")
    # The previous period's report: the file given, else (through the history, when the answers
    # ask for the comparison) the history's own report of that period.
    previous = None
    if args.previous_answers:
        previous = read_json_object(Path(args.previous_answers), "tệp trả lời kỳ trước")
    report = answers_to_report(
        answers, directive, load_profile(folder), format_id=args.format, previous=previous
    )
    if args.confirm_format:
        report = replace(report, format_confirmed=True)
    templates = [folder / USER_TEMPLATES]
    if args.no_history:
        result = generate(report, Path(args.out), template_dirs=templates)
    else:
        from assistant.storage.history import History

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
    p = sub.add_parser(
        "directives", parents=[common], help="xem, thêm, sửa, xóa công văn trong thư viện"
    )
    p.add_argument(
        "action",
        nargs="?",
        default="list",
        choices=["list", "show", "add", "update", "remove"],
        help="list: liệt kê; show MÃ: xem đủ; add TỆP.json; update MÃ TỆP.json; remove MÃ",
    )
    p.add_argument("id", nargs="?", metavar="MÃ", help="mã công văn (với add: tệp JSON)")
    p.add_argument("file", nargs="?", metavar="TỆP.json", help="tệp JSON của công văn")
    p.add_argument("--json", action="store_true", help="in ra dạng JSON")
    p.add_argument(
        "--copy", action="store_true", help="với add: công văn đã có thì lưu thành bản riêng"
    )
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
    p.add_argument(
        "--previous-answers",
        metavar="TỆP.json",
        help="tệp trả lời của báo cáo kỳ trước, để so sánh số liệu (khi tệp trả lời có "
        "«compare_previous»); không có thì lấy báo cáo kỳ trước trong lịch sử",
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
