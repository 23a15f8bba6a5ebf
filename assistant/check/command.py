"""``python -m assistant check FILE.docx``: lists what breaks the NĐ30 or HD36 layout rules."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from assistant.check.findings import ERROR, CheckResult, Finding
from assistant.core.formats import PROFILES

SEVERITY_VI = {ERROR: "LỖI", "warning": "Lưu ý"}


def _line(f: Finding) -> str:
    """One finding on one line: element, message, what is there, the rule, where."""
    # most messages already open with the element's name ("Quốc hiệu phải in đậm.")
    head = "" if f.message.startswith(f.label) else f"{f.label}: "
    rule = f" Quy định: {f.expected}." if f.expected else ""
    return (
        f"[{SEVERITY_VI.get(f.severity, f.severity)}] {head}{f.message} "
        f"Hiện tại: {f.found}.{rule} Vị trí: {f.where}. ({f.id})"
    )


def _print_text(path: Path, result: CheckResult, chosen: bool) -> None:
    how = "theo lựa chọn" if chosen else "nhận dạng từ văn bản" if result.detected else "mặc định"
    print(f"Kiểm tra «{path.name}» theo thể thức {PROFILES[result.format_id].name} ({how}).")
    for f in result.findings:
        print(_line(f))
    errors, warnings = len(result.errors), len(result.findings) - len(result.errors)
    if not result.findings:
        print("Không phát hiện sai sót về thể thức.")
    else:
        print(f"Tổng cộng: {errors} lỗi, {warnings} lưu ý.")


def _run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    from assistant.check.checker import check  # python-docx and lxml: only when checking

    result = check(path, args.format)
    if args.json:
        findings = [f.to_dict() for f in result.findings]
        print(json.dumps(findings, ensure_ascii=False, indent=2))
    else:
        _print_text(path, result, bool(args.format))
    return 1 if result.errors else 0


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "check",
        parents=[common],
        help="kiểm tra thể thức một tệp .docx",
        description="Kiểm tra khổ giấy, lề, phông, cỡ chữ và cách trình bày của một báo cáo "
        "theo Nghị định 30/2020/NĐ-CP hoặc Hướng dẫn 36-HD/VPTW.",
    )
    parser.add_argument("file", metavar="TỆP.docx", help="tệp cần kiểm tra")
    parser.add_argument(
        "--format",
        choices=sorted(PROFILES),
        help="thể thức (mặc định: nhận dạng từ Quốc hiệu hoặc tiêu đề Đảng)",
    )
    parser.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    parser.set_defaults(run=_run)
