"""``python -m assistant pdf TỆP.docx [TỆP.pdf]`` and ``python -m assistant print TỆP.docx
--printer TÊN``: what the window's "Xuất PDF…" and "In…" do."""

from __future__ import annotations

import argparse
from pathlib import Path


def _pdf(args: argparse.Namespace) -> int:
    from assistant.export.pdf import pdf_with_digest

    pdf, sha256 = pdf_with_digest(Path(args.docx), Path(args.out) if args.out else None)
    print(f"Đã xuất PDF: {pdf}")
    print(f"SHA-256: {sha256}")
    return 0


def _print(args: argparse.Namespace) -> int:
    from assistant.export.pdf import print_docx

    print_docx(Path(args.docx), args.printer, args.copies)
    print(f"Đã gửi «{Path(args.docx).name}» tới máy in {args.printer}.")
    return 0


def _copies(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 99:
        raise argparse.ArgumentTypeError("số bản in phải là số từ 1 đến 99")
    return int(text)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    pdf = sub.add_parser(
        "pdf",
        parents=[common],
        help="xuất một tệp .docx sang PDF (qua Word hoặc LibreOffice)",
        description="Xuất một báo cáo .docx sang PDF khổ A4, nhúng phông chữ, để gửi qua hệ thống "
        "quản lý văn bản điện tử. Dùng Microsoft Word nếu máy có, nếu không thì LibreOffice.",
    )
    pdf.add_argument("docx", metavar="TỆP.docx", help="tệp cần xuất")
    pdf.add_argument("out", metavar="TỆP.pdf", nargs="?", help="nơi lưu (mặc định: cạnh tệp .docx)")
    pdf.set_defaults(run=_pdf)
    printing = sub.add_parser(
        "print",
        parents=[common],
        help="in một tệp .docx ra máy in",
        description="In một báo cáo .docx qua Word hoặc LibreOffice, đúng từng trang như bản PDF.",
    )
    printing.add_argument("docx", metavar="TỆP.docx", help="tệp cần in")
    printing.add_argument("--printer", required=True, metavar="TÊN", help="tên máy in")
    printing.add_argument("--copies", type=_copies, default=1, metavar="N", help="số bản (1–99)")
    printing.set_defaults(run=_print)
