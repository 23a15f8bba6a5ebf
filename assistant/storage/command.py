"""``python -m assistant history …``: the report history and the outgoing-number register."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core.errors import UserError
from assistant.core.model import Period
from assistant.paths import data_dir
from assistant.storage import STATUSES

if TYPE_CHECKING:
    from assistant.storage.history import History, HistoryEntry

STATUS_VI = {
    "draft": "bản nháp",
    "writing": "đang ghi tệp",
    "generated": "đã tạo",
    "submitted": "đã gửi",
}


def _open(args: argparse.Namespace) -> History:
    from assistant.storage.history import History  # sqlite-utils: only for history commands

    return History.open_in(data_dir(args.data_dir), getattr(args, "database", None))


def _as_json(entry: HistoryEntry) -> dict:
    data = asdict(entry)
    data["report_date"] = entry.report_date.isoformat()
    return data


def _print_entries(entries: list[HistoryEntry], as_json: bool) -> None:
    if as_json:
        print(json.dumps([_as_json(e) for e in entries], ensure_ascii=False, indent=2))
        return
    for e in entries:
        number = e.number_text or "(chưa có số)"
        archived = "  (đã lưu trữ)" if e.archived else ""
        print(f"#{e.id}  {e.report_date:%d/%m/%Y}  {STATUS_VI[e.status]:<9} {number}{archived}")
        print(f"      trả lời CV {e.directive_symbol} — {e.issuer}: {e.subject}")
    if not entries:
        print("Không có báo cáo nào.")


def _filters(args: argparse.Namespace) -> dict:
    return {
        "year": args.year,
        "status": args.status,
        "issuer": args.issuer,
        "archived": bool(args.archived),
    }


def _list(args: argparse.Namespace) -> int:
    _print_entries(_open(args).list(limit=args.limit, **_filters(args)), args.json)
    return 0


def _search(args: argparse.Namespace) -> int:
    _print_entries(_open(args).search(args.query, limit=args.limit, **_filters(args)), args.json)
    return 0


def _show(args: argparse.Namespace) -> int:
    history = _open(args)
    entry, log = history.get(args.id), history.status_log(args.id)
    if args.json:
        print(json.dumps(_as_json(entry) | {"status_log": log}, ensure_ascii=False, indent=2))
        return 0
    _print_entries([entry], False)
    for status, at in log:
        print(f"      {at}  {STATUS_VI[status]}")
    if entry.output_path:
        print(f"      tệp: {entry.output_path}  (SHA-256 {entry.sha256})")
    if entry.pdf_path:
        print(f"      PDF: {entry.pdf_path}  (SHA-256 {entry.pdf_sha256})")
    return 0


# Status changes: the History method, and what to say after it ({id}: the report's id).
_CHANGES = {
    "submit": ("mark_submitted", "Đã đánh dấu báo cáo #{id} là đã gửi."),
    "unsubmit": ("unsubmit", "Đã bỏ đánh dấu «đã gửi» của báo cáo #{id}."),
    "delete": ("delete_draft", "Đã xóa bản nháp #{id}."),
    "archive": ("archive", "Đã lưu trữ báo cáo #{id}; xem lại bằng «history list --archived»."),
    "unarchive": ("unarchive", "Đã đưa báo cáo #{id} trở lại danh sách."),
}


def _simple(action: str):
    def run(args: argparse.Namespace) -> int:
        history = _open(args)
        if action == "reopen":
            print(f"Đã mở lại thành bản nháp #{history.reopen(args.id)}.")
        elif action == "regenerate":
            result = history.regenerate(args.id, Path(args.out) if args.out else None)
            print(f"Đã tạo lại báo cáo: {result.path}")
        else:
            method, said = _CHANGES[action]
            getattr(history, method)(args.id)
            print(said.format(id=args.id))
        return 0

    return run


def _duplicate(args: argparse.Namespace) -> int:
    start = date.fromisoformat(args.period_start) if args.period_start else None
    end = date.fromisoformat(args.period_end) if args.period_end else None
    period = Period(start, end, args.period_label or "")
    print(f"Đã nhân bản thành bản nháp #{_open(args).duplicate(args.id, period)}.")
    return 0


def _give_number(args: argparse.Namespace) -> int:
    number = _open(args).give_number(args.id, Path(args.out) if args.out else None)
    print(f"Đã cấp số {number:02d} cho báo cáo #{args.id} và ghi lại tệp.")
    return 0


def _pdf(args: argparse.Namespace) -> int:
    """As the history tab's «Xuất PDF…»: the PDF of a report's document, kept in its entry."""
    from assistant.export.pdf import pdf_with_digest  # LibreOffice or Word: only when asked

    history = _open(args)
    entry = history.get(args.id)
    if not entry.output_path:
        raise UserError(
            f"Báo cáo #{args.id} chưa có tệp (còn là bản nháp).", f"pdf({args.id}): no file"
        )
    pdf, sha256 = pdf_with_digest(Path(entry.output_path), Path(args.out) if args.out else None)
    history.record_pdf(args.id, pdf, sha256)
    print(f"Đã xuất PDF của báo cáo #{args.id}: {pdf}")
    print(f"SHA-256: {sha256}")
    return 0


# What the register's log says of each change to a number.
ACTION_VI = {
    "used": "cấp",
    "released": "trả lại (không ghi được tệp)",
    "cancelled": "hủy",
    "migrated": "chép từ lịch sử khác",
}


def _register(args: argparse.Namespace) -> int:
    """The sổ văn bản đi of a year: each number, and who did what to it, when, from which PC."""
    store = _open(args).store
    log: dict[int, list[tuple]] = {}
    for number, *rest in store.number_log(args.year, args.series):
        log.setdefault(number, []).append(rest)
    rows = store.register_rows(args.year, args.series)
    for number, state, report_id in rows:
        what = f"báo cáo #{report_id}" if state == "used" else "đã hủy"
        print(f"Số {number:02d}/{args.series}  {what}")
        for _report, action, reason, os_user, db_user, host, at in log.get(number, []):
            who = " / ".join(filter(None, [os_user, db_user])) or "?"
            why = f": {reason}" if reason else ""
            print(f"      {at}  {ACTION_VI.get(action, action)}{why}  ({who}, máy {host})")
    if not rows:
        print(f"Sổ văn bản đi năm {args.year} chưa có số nào.")
    return 0


def _cancel(args: argparse.Namespace) -> int:
    _open(args).cancel_number(args.year, args.number, args.reason)
    print(f"Đã hủy số {args.number:02d} năm {args.year}; số này sẽ không được cấp lại.")
    return 0


def _export(args: argparse.Namespace) -> int:
    print(f"Đã sao lưu: {_open(args).export(Path(args.file))}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from assistant.storage.history import History

    history = History.restore(Path(args.file), data_dir(args.data_dir))
    print(f"Đã khôi phục {history.count()} báo cáo từ {args.file}.")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    """Copy this history (the local file, or ``--database``) into the one at ``--to``."""
    from assistant.storage.opening import open_store
    from assistant.storage.transfer import copy_history

    source = _open(args)
    target = open_store(data_dir(args.data_dir), args.to)
    try:
        done = copy_history(source.store, target)
    finally:
        target.close()
    print(f"Đã chép {done.copied} báo cáo sang {target.where}.")
    if done.present:
        print(f"{done.present} báo cáo đã có ở nơi nhận từ lần chép trước, không chép lại.")
    for conflict in done.conflicts:
        print(f"Không chép: {conflict}.")
    return 1 if done.conflicts else 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    # The common options (--data-dir) go on each action only: given on both levels, argparse would
    # let the action's default silently replace a value typed before the action's name.
    parser = sub.add_parser("history", help="lịch sử báo cáo và sổ văn bản đi")
    actions = parser.add_subparsers(dest="action", metavar="VIỆC", required=True)

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--year", type=int, help="năm")
    filters.add_argument("--status", choices=STATUSES, help="trạng thái")
    filters.add_argument("--issuer", help="cơ quan ban hành công văn")
    filters.add_argument("--limit", type=int, default=50, help="số dòng tối đa (mặc định 50)")
    filters.add_argument("--json", action="store_true", help="in ra dạng JSON")
    filters.add_argument("--archived", action="store_true", help="chỉ các báo cáo đã lưu trữ")

    p = actions.add_parser("list", parents=[common, filters], help="các báo cáo, mới nhất trước")
    p.set_defaults(run=_list)
    p = actions.add_parser(
        "search", parents=[common, filters], help="tìm theo nội dung (không cần dấu)"
    )
    p.add_argument("query", metavar="TỪ_KHÓA")
    p.set_defaults(run=_search)
    p = actions.add_parser("show", parents=[common], help="chi tiết một báo cáo")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=_show)
    for action, text in (
        ("submit", "đánh dấu đã gửi"),
        ("unsubmit", "bỏ đánh dấu đã gửi"),
        ("reopen", "mở lại thành bản nháp"),
        ("delete", "xóa một bản nháp (báo cáo đã tạo chỉ lưu trữ được)"),
        ("archive", "lưu trữ: ẩn khỏi danh sách, không xóa"),
        ("unarchive", "đưa báo cáo đã lưu trữ trở lại danh sách"),
        ("regenerate", "tạo lại tệp từ dữ liệu đã lưu"),
    ):
        p = actions.add_parser(action, parents=[common], help=text)
        p.add_argument("id", type=int)
        if action == "regenerate":
            p.add_argument("--out", metavar="TỆP.docx")
        p.set_defaults(run=_simple(action))
    p = actions.add_parser("duplicate", parents=[common], help="nhân bản cho kỳ báo cáo mới")
    p.add_argument("id", type=int)
    p.add_argument("--period-start", metavar="NNNN-TT-NN")
    p.add_argument("--period-end", metavar="NNNN-TT-NN")
    p.add_argument("--period-label", metavar="NHÃN", help="ví dụ «quý III năm 2024»")
    p.set_defaults(run=_duplicate)
    p = actions.add_parser(
        "register", parents=[common], help="sổ văn bản đi của một năm: ai cấp, hủy số, khi nào"
    )
    p.add_argument("year", type=int)
    p.add_argument("--series", default="BC", help="loại văn bản (mặc định BC)")
    p.set_defaults(run=_register)
    p = actions.add_parser(
        "give-number", parents=[common], help="cấp số cho báo cáo đã tạo mà chưa có số (văn thư)"
    )
    p.add_argument("id", type=int)
    p.add_argument("--out", metavar="TỆP.docx", help="ghi tệp có số vào đây (mặc định: tệp cũ)")
    p.set_defaults(run=_give_number)
    p = actions.add_parser(
        "pdf", parents=[common], help="xuất PDF tệp của một báo cáo và ghi vào lịch sử"
    )
    p.add_argument("id", type=int)
    p.add_argument("out", nargs="?", metavar="TỆP.pdf", help="mặc định: cạnh tệp .docx")
    p.set_defaults(run=_pdf)
    p = actions.add_parser("cancel-number", parents=[common], help="hủy một số văn bản đi")
    p.add_argument("year", type=int)
    p.add_argument("number", type=int)
    p.add_argument("--reason", required=True)
    p.set_defaults(run=_cancel)
    p = actions.add_parser("export", parents=[common], help="sao lưu thành một tệp .zip")
    p.add_argument("file", metavar="TỆP.zip")
    p.set_defaults(run=_export)
    p = actions.add_parser(
        "migrate",
        parents=[common],
        help="chép lịch sử này lên máy chủ dữ liệu (giữ số văn bản, không ghi đè)",
    )
    p.add_argument(
        "--to",
        required=True,
        metavar="URL",
        help="nơi nhận: postgresql://người_dùng@máy_chủ/tên_csdl, hoặc sqlite:ĐƯỜNG_DẪN_TỆP",
    )
    p.set_defaults(run=_migrate)
    p = actions.add_parser("restore", parents=[common], help="khôi phục từ tệp .zip sao lưu")
    p.add_argument("file", metavar="TỆP.zip")
    p.set_defaults(run=_restore)
