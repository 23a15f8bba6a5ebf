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


def _run_fix(args: argparse.Namespace) -> int:
    from assistant.check.fix import fix  # python-docx and lxml: only when fixing

    source, target = Path(args.file), Path(args.out)
    changes = fix(source, target, args.format, args.force)
    print(f"Đã sửa thể thức «{source.name}», lưu thành «{target}» (tệp gốc giữ nguyên).")
    for change in changes:
        print(f"- {change}")
    if not changes:
        print("Không có gì cần sửa.")
    from assistant.check.checker import check

    left = check(target, args.format).findings
    if left:  # what needs the clerk's own words: a number, a line of text
        print("Còn lại cần sửa tay:")
        for f in left:
            print(_line(f))
    return 0


def _register_fix(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "fix",
        parents=[common],
        help="sửa thể thức một tệp .docx, lưu thành tệp mới",
        description="Sửa khổ giấy, lề, phông, cỡ chữ, kiểu chữ các thành phần, ngày tháng, "
        "Tiêu ngữ, đường kẻ, định dạng đoạn văn và số trang; giữ nguyên nội dung. "
        "Tệp gốc không bị ghi đè.",
    )
    parser.add_argument("file", metavar="TỆP.docx", help="tệp cần sửa")
    parser.add_argument("out", metavar="TỆP-MỚI.docx", help="nơi lưu bản đã sửa")
    parser.add_argument("--format", choices=sorted(PROFILES), help="thể thức (mặc định: nhận dạng)")
    parser.add_argument("--force", action="store_true", help="ghi đè TỆP-MỚI nếu đã có")
    parser.set_defaults(run=_run_fix)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    _register_fix(sub, common)
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
