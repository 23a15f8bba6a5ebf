"""``python -m assistant import FILE [--json] [--save [--copy]]``: read a new incoming directive."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from assistant.core.directives import DirectiveLibrary
from assistant.importer.parse import FIELD_LABELS_VI, ParsedDirective
from assistant.paths import data_dir

LOW_CONFIDENCE = 0.6


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "import",
        parents=[common],
        help="nhập một công văn mới (.docx, .pdf, .txt hoặc ảnh quét)",
        description="Đọc một công văn mới, khôi phục dấu tiếng Việt nếu cần, và tách các trường.",
    )
    parser.add_argument("file", metavar="TỆP", help="tệp công văn cần nhập")
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.add_argument("--save", action="store_true", help="lưu vào thư viện công văn")
    parser.add_argument(
        "--copy",
        action="store_true",
        help="với --save: công văn đã có trong thư viện thì lưu thành bản riêng",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from assistant.importer import import_file  # the readers of every format: only when importing

    parsed = import_file(args.file)
    saved = None
    if args.save:
        directive = parsed.to_directive()  # raises UserError naming missing fields
        library = DirectiveLibrary(user_dir=data_dir(args.data_dir) / "directives")
        saved = library.add(directive, as_copy=args.copy)
    if args.json:
        data = parsed.to_json()
        data["saved"] = str(saved) if saved else None
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(describe(parsed))
        if saved:
            print(f"\nĐã lưu vào thư viện: {saved}")
    return 0


def describe(parsed: ParsedDirective) -> str:
    """A Vietnamese summary; fields read with low confidence are marked "(?)"."""
    lines = [f"Công văn «{parsed.directive_id}» ({parsed.source or 'văn bản'}, {parsed.method})"]
    if parsed.restored:
        lines.append("Đã khôi phục dấu tiếng Việt; hãy kiểm tra lại các từ được đánh dấu.")
    for name in ("issuer_parent", "issuer", "number", "code", "date", "place", "subject"):
        lines.append(_line(parsed, name, _plain(parsed[name])))
    lines.append(_line(parsed, "recipients", str(len(parsed["recipients"]))))
    lines += [f"    - {r}" for r in parsed["recipients"]]
    for ref in parsed["implements"]:
        lines.append(
            f"Thực hiện: {ref.kind} số {ref.symbol or '…'} {_plain(ref.date)} {ref.issuer}"
        )
    lines.append(_line(parsed, "tasks", str(len(parsed["tasks"]))))
    for task in parsed["tasks"]:
        lines.append(f"    {task.label} [{task.kind}] {task.text.splitlines()[0][:100]}")
    for name in ("report_request", "report_deadline", "report_to"):
        if parsed[name]:
            lines.append(_line(parsed, name, _plain(parsed[name])))
    signer = parsed["signer"]
    who = " / ".join(v for v in (signer.authority, signer.title, signer.name) if v)
    lines.append(_line(parsed, "signer", who))
    lines.append(_line(parsed, "distribution", "; ".join(parsed["distribution"])))
    if parsed.review:
        lines.append("Từ cần kiểm tra: " + ", ".join(parsed.review[:30]))
    if parsed.missing():
        lines.append("Còn thiếu: " + ", ".join(FIELD_LABELS_VI[m] for m in parsed.missing()))
    return "\n".join(lines)


def _line(parsed: ParsedDirective, name: str, value: str) -> str:
    mark = " (?)" if parsed.confidence(name) < LOW_CONFIDENCE else ""
    label = FIELD_LABELS_VI[name]
    return f"{label[:1].upper()}{label[1:]}{mark}: {value or '—'}"


def _plain(value: object) -> str:
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return "" if value is None else str(value)
