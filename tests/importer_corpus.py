"""A test corpus of incoming directives, built from specs: plain text, .docx with header tables,
PDF (LibreOffice), scans, other encodings, and text stripped of its diacritics.

Each spec carries the truth the parser must find. The four specs below were written for these
tests (plausible but invented directives); the seed directives come from ``shared/seeds`` and
their truth from the restored ``resources/directives/*.json``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from docx import Document
from docx.shared import Inches, Pt

from assistant.core.vntext import fold

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
BUNDLED = REPO / "resources" / "directives"


@dataclass(frozen=True)
class Spec:
    key: str
    party: bool
    header_left: tuple[str, ...]  # capitals above the number
    number_line: str
    place: str
    date: date
    subject_lines: tuple[str, ...]  # as printed, with "V/v"/"Về việc" when the layout has it
    recipients_lines: tuple[str, ...]  # as printed after "Kính gửi:" (first on the same line)
    body: tuple[str, ...]  # paragraphs, numbered items and dash bullets as printed
    distribution: tuple[str, ...]
    signer: tuple[str, str, str]
    truth: dict = field(default_factory=dict)


SPECS = (
    Spec(
        key="party-bdv",
        party=True,
        header_left=("TỈNH ỦY BẮC NINH", "BAN DÂN VẬN"),
        number_line="Số 512-CV/BDVTU",
        place="Bắc Ninh",
        date=date(2024, 5, 7),
        subject_lines=("Về việc tăng cường công tác dân vận", "trong tình hình mới"),
        recipients_lines=(
            "- Ban Dân vận các huyện ủy, thị ủy, thành ủy,",
            "- Đảng đoàn Mặt trận Tổ quốc tỉnh,",
            "- Các sở, ban, ngành của tỉnh.",
        ),
        body=(
            "Thực hiện Công văn số 1024-CV/BDVTW, ngày 15/4/2024 của Ban Dân vận Trung ương về "
            "việc tăng cường công tác dân vận trong tình hình mới, Ban Dân vận Tỉnh ủy đề nghị các "
            "cơ quan, đơn vị thực hiện tốt một số nội dung sau:",
            "1. Ban Dân vận các huyện ủy, thị ủy, thành ủy chủ động tham mưu cấp ủy lãnh đạo, chỉ "
            "đạo công tác dân vận ở cơ sở.",
            "2. Các sở, ban, ngành của tỉnh tổ chức tuyên truyền, phổ biến chủ trương, chính sách "
            "đến cán bộ, công chức.",
            "3. Đẩy mạnh đăng tải thông tin về gương người tốt, việc tốt trên các nền tảng số, mạng "
            "xã hội.",
            "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ban Dân vận Tỉnh ủy trước ngày "
            "30/6/2024./.",
        ),
        distribution=("Như trên,", "Thường trực Tỉnh ủy,", "Lưu Ban Dân vận Tỉnh ủy."),
        signer=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Văn Minh"),
        truth={
            "issuer": "Ban Dân vận Tỉnh ủy",
            "issuer_parent": "Tỉnh ủy Bắc Ninh",
            "number": "512",
            "code": "CV/BDVTU",
            "subject": "Tăng cường công tác dân vận trong tình hình mới",
            "recipients": 3,
            "tasks": 3,
            "report_deadline": date(2024, 6, 30),
        },
    ),
    Spec(
        key="state-qn",
        party=False,
        header_left=("UBND TỈNH QUẢNG NINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
        number_line="Số: 1205/STTTT-BCXB",
        place="Quảng Ninh",
        date=date(2024, 9, 12),
        subject_lines=(
            "V/v tuyên truyền Bộ Quy tắc ứng xử",
            "trên mạng xã hội và cân đối tỷ lệ",
            "thông tin tích cực",
        ),
        recipients_lines=(
            "",
            "- Các sở, ban, ngành tỉnh;",
            "- Ủy ban nhân dân các huyện, thị xã, thành phố;",
            "- Báo Quảng Ninh;",
            "- Trung tâm Truyền thông tỉnh.",
        ),
        body=(
            "Căn cứ Quyết định số 874/QĐ-BTTTT ngày 17/6/2021 của Bộ Thông tin và Truyền thông về "
            "việc ban hành Bộ Quy tắc ứng xử trên mạng xã hội; Sở Thông tin và Truyền thông đề nghị "
            "các cơ quan, đơn vị thực hiện những nội dung sau:",
            "1. Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố",
            "- Phổ biến Bộ Quy tắc ứng xử trên mạng xã hội đến toàn thể cán bộ, công chức.",
            "- Cân đối tỷ lệ đăng tải, bảo đảm thông tin tiêu cực dưới 15% tổng số tin, bài.",
            "2. Các cơ quan báo chí của tỉnh",
            "Tăng cường kiểm duyệt các tin, bài, video clip trước khi đăng, phát.",
            "Đề nghị các cơ quan, đơn vị quan tâm triển khai thực hiện./.",
        ),
        distribution=("Như trên;", "UBND tỉnh (b/c);", "Lưu: VT, BCXB."),
        signer=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Lan"),
        truth={
            "issuer": "Sở Thông tin và Truyền thông",
            "issuer_parent": "Ủy ban nhân dân tỉnh Quảng Ninh",
            "number": "1205",
            "code": "STTTT-BCXB",
            "subject": "Tuyên truyền Bộ Quy tắc ứng xử trên mạng xã hội và cân đối tỷ lệ thông "
            "tin tích cực",
            "recipients": 4,
            "tasks": 3,
        },
    ),
    Spec(
        key="state-ls",
        party=False,
        header_left=("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "VĂN PHÒNG"),
        number_line="Số: 45/VP-KGVX",
        place="Lạng Sơn",
        date=date(2025, 1, 8),
        subject_lines=("V/v báo cáo kết quả công tác thông tin cơ sở",),
        recipients_lines=("Sở Thông tin và Truyền thông.",),
        body=(
            "Theo chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh, Văn phòng Ủy ban nhân dân tỉnh đề nghị "
            "Sở Thông tin và Truyền thông thực hiện các nội dung sau:",
            "- Tổng hợp kết quả hoạt động của hệ thống thông tin cơ sở năm 2024.",
            "- Báo cáo kết quả thực hiện, gửi Văn phòng Ủy ban nhân dân tỉnh trước ngày 20/01/2025.",
        ),
        distribution=("Như trên;", "Lưu: VT, KGVX."),
        signer=("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Hoàng Văn Hùng"),
        truth={
            "issuer": "Văn phòng",
            "issuer_parent": "Ủy ban nhân dân tỉnh Lạng Sơn",
            "number": "45",
            "code": "VP-KGVX",
            "subject": "Báo cáo kết quả công tác thông tin cơ sở",
            "recipients": 1,
            "tasks": 2,
            "report_deadline": date(2025, 1, 20),
        },
    ),
    Spec(
        key="party-cb",
        party=True,
        header_left=("TỈNH ỦY CAO BẰNG",),
        number_line="Số 78-CV/TU",
        place="Cao Bằng",
        date=date(2023, 11, 20),
        subject_lines=("tăng cường quản lý thông tin", "trên không gian mạng"),
        recipients_lines=(
            "- Ban cán sự đảng Ủy ban nhân dân tỉnh,",
            "- Ban Tuyên giáo Tỉnh ủy,",
            "- Hội Nhà báo tỉnh,",
            "- Các huyện ủy, thành ủy và đảng ủy trực",
            "thuộc Tỉnh ủy.",
        ),
        body=(
            "Thực hiện Công văn số 990-CV/BTGTW, ngày 19-7-2023 của Ban Tuyên giáo Trung ương về "
            "tăng cường quản lý thông tin trên không gian mạng; Ban Thường vụ Tỉnh ủy yêu cầu:",
            "1. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo các ngành chức năng xử lý nghiêm "
            "các hành vi lợi dụng mạng xã hội.",
            "2. Hội Nhà báo tỉnh chỉ đạo các cấp hội bồi dưỡng đạo đức nghề nghiệp cho hội viên.",
            "3. Ban Tuyên giáo Tỉnh ủy hướng dẫn, định hướng thông tin trên không gian mạng.",
            "4. Các huyện ủy, thành ủy và đảng ủy trực thuộc Tỉnh ủy quán triệt, thực hiện nghiêm "
            "Bộ Quy tắc ứng xử trên mạng xã hội.",
            "Giao Ban Tuyên giáo Tỉnh ủy theo dõi, đôn đốc; định kỳ báo cáo kết quả cho Ban "
            "Thường vụ Tỉnh ủy.",
        ),
        distribution=("Như trên,", "Lưu Văn phòng Tỉnh ủy."),
        signer=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Lê Thị Hồng"),
        truth={
            "issuer": "Tỉnh ủy Cao Bằng",
            "issuer_parent": "",
            "number": "78",
            "code": "CV/TU",
            "subject": "Tăng cường quản lý thông tin trên không gian mạng",
            "recipients": 4,
            "tasks": 4,
        },
    ),
)


def date_line(spec: Spec) -> str:
    d = spec.date
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{spec.place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def motto(spec: Spec) -> tuple[str, ...]:
    if spec.party:
        return ("ĐẢNG CỘNG SẢN VIỆT NAM",)
    return ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def truth(spec: Spec) -> dict:
    return {
        "kind": "party" if spec.party else "state",
        "date": spec.date,
        "place": spec.place,
        "signer": spec.signer,
        **spec.truth,
    }


def render_text(spec: Spec) -> str:
    """Plain text laid out like a copy-paste of a directive (left column first)."""
    kinh_gui = "Kính gửi: " + spec.recipients_lines[0]
    lines = [
        *spec.header_left,
        "*" if spec.party else "",
        spec.number_line,
        *spec.subject_lines,
        "",
        *motto(spec),
        "",
        date_line(spec),
        "",
        kinh_gui.rstrip(),
        *spec.recipients_lines[1:],
        "",
    ]
    for para in spec.body:
        lines += [para, ""]
    lines += ["Nơi nhận:", *(f"- {d}" for d in spec.distribution), "", *spec.signer[:2], "", ""]
    lines.append(spec.signer[2])
    return "\n".join(lines) + "\n"


def write_docx(spec: Spec, path: Path) -> Path:
    """A .docx like agencies send: header and signature in borderless two-column tables."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    header = doc.add_table(rows=1, cols=2)
    header.autofit = False
    for column, width in zip(header.columns, (Inches(2.4), Inches(4.1)), strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
    left = [*spec.header_left, "*" if spec.party else "", spec.number_line, *spec.subject_lines]
    fill_cell(header.cell(0, 0), left)
    fill_cell(header.cell(0, 1), [*motto(spec), "", date_line(spec)])
    doc.add_paragraph("Kính gửi: " + spec.recipients_lines[0])
    for line in spec.recipients_lines[1:]:
        doc.add_paragraph(line)
    for para in spec.body:
        doc.add_paragraph(para)
    footer = doc.add_table(rows=1, cols=2)
    fill_cell(footer.cell(0, 0), ["Nơi nhận:", *(f"- {d}" for d in spec.distribution)])
    fill_cell(footer.cell(0, 1), [spec.signer[0], spec.signer[1], "", "", spec.signer[2]])
    doc.save(str(path))
    return path


def fill_cell(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def convert_to_pdf(docx_files: list[Path], out_dir: Path) -> list[Path]:
    """All files in one LibreOffice call (starting soffice costs seconds)."""
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                "soffice",
                "--headless",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *map(str, docx_files),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return [out_dir / f"{p.stem}.pdf" for p in docx_files]


def strip_diacritics(text: str) -> str:
    """What a copy through an ASCII-only system leaves: letters without marks, case kept."""
    out = []
    for ch in text:
        base = fold(ch)
        out.append(base.upper() if ch.isupper() else base if len(base) == 1 else ch)
    return "".join(out)


TONES = set("\u0300\u0301\u0303\u0309\u0323")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed vowels where the code page has them, tones combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out += (base + "".join(c for c in parts if c in TONES)).encode("cp1258")
    return bytes(out)


# Until the restored seed directives are bundled, the header fields of the four English-OCR seeds
# as read by hand from the page images' text (numbers, dates, names; the subject restored by hand).
HAND_READ = {
    "001_6f35c196b8e13eb9.txt": {
        "kind": "party", "issuer": "Ban Tuyên giáo Tỉnh ủy", "issuer_parent": "Tỉnh ủy Thái Nguyên",
        "number": "3270", "code": "CV/BTGTU", "date": date(2024, 4, 2), "place": "Thái Nguyên",
        "subject": "Tăng cường thông tin, tuyên truyền trên các nền tảng số, mạng xã hội",
        "recipients": 5, "tasks": 3,
        "signer": ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Quốc Thái"),
    },
    "000_5efa762f21265724.txt": {
        "kind": "party", "issuer": "Ban Tuyên giáo Tỉnh ủy", "issuer_parent": "Tỉnh ủy Kiên Giang",
        "number": "1483", "code": "CV/BTGTU", "date": date(2024, 4, 3), "place": "Kiên Giang",
        "subject": "Tăng cường thông tin trên các nền tảng số, mạng xã hội",
    },
    "002_c857531e67fead1f.txt": {
        "kind": "state", "issuer": "Sở Thông tin và Truyền thông",
        "issuer_parent": "Ủy ban nhân dân tỉnh Thái Nguyên", "number": "830", "code": "STTTT-TTBCXB",
        "date": date(2024, 4, 16), "place": "Thái Nguyên",
        "subject": "Đẩy mạnh tuyên truyền lan tỏa thông tin tích cực, hạn chế thông tin tiêu cực "
        "trên không gian mạng",
    },
    "003_f600d14e66bde0b1.txt": {
        "kind": "party", "issuer": "Tỉnh ủy Kiên Giang", "issuer_parent": "", "number": None,
        "code": "CV/TU", "date": date(2021, 8, 3), "place": "Kiên Giang",
        "subject": "Tăng cường công tác chỉ đạo, định hướng, quản lý thông tin trên mạng xã hội "
        "và các loại hình truyền thông khác trên internet",
    },
    "004_727865b213be6866.txt": {
        "kind": "state", "issuer": "Sở Thông tin và Truyền thông",
        "issuer_parent": "Ủy ban nhân dân tỉnh Kiên Giang", "number": "2095", "code": "STTTT-TTBCXB",
        "date": date(2024, 8, 29), "place": "Kiên Giang",
        "subject": "Đẩy mạnh tuyên truyền các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội từ "
        "nay đến hết nhiệm kỳ Đại hội XI Đảng bộ tỉnh",
    },
}  # fmt: skip


def seed_truths() -> dict[str, dict]:
    """Restored seed directives by seed file name, when they are present.

    A JSON belongs to a seed when its ``source`` names the seed file, else when the seed's text
    shows its number (the seed whose number is hidden is matched by its code and year).
    """
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    result = {}
    for path in sorted(BUNDLED.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = Path(data.get("source") or "").name
        if name not in seeds:
            name = next((n for n, text in seeds.items() if _shows(text, data)), "")
        if name and name not in result:
            result[name] = data
    return result


def _shows(text: str, data: dict) -> bool:
    if data["number"]:
        return re.search(rf"(?<!\d){data['number']}\s*[-/]", text) is not None
    year = (data["date"] or "")[:4]
    return data["code"].split("/")[-1] in text and year in text


def seed_truth(data: dict) -> dict:
    """The fields of a restored seed JSON in the shape :func:`truth` uses."""
    signer = data["signer"]
    return {
        "kind": data["kind"],
        "issuer": data["issuer"],
        "issuer_parent": data["issuer_parent"],
        "number": data["number"],
        "code": data["code"],
        "date": date.fromisoformat(data["date"]) if data["date"] else None,
        "place": data["place"],
        "subject": data["subject"],
        "recipients": len(data["recipients"]),
        "tasks": len(data["tasks"]),
        "task_kinds": tuple(t["kind"] for t in data["tasks"]),
        "signer": (signer.get("authority", ""), signer.get("title", ""), signer.get("name", "")),
    }


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


@dataclass(frozen=True)
class CorpusFile:
    path: Path
    subset: str  # "clean", "stripped", "scan" or "ocr"
    fmt: str  # "txt-utf8", "docx", "pdf", "png", …
    truth: dict


def build_corpus(root: Path) -> list[CorpusFile]:
    """Write every corpus file under ``root`` (PDFs in one LibreOffice call) and list them."""
    root.mkdir(parents=True, exist_ok=True)
    files: list[CorpusFile] = []
    docx_files = []
    for spec in SPECS:
        text = render_text(spec)
        files.append(_text_file(root / f"{spec.key}.txt", text.encode(), "clean", "txt-utf8", spec))
        docx = write_docx(spec, root / f"{spec.key}.docx")
        docx_files.append(docx)
        files.append(CorpusFile(docx, "clean", "docx", truth(spec)))
        stripped = strip_diacritics(text).encode()
        files.append(_text_file(root / f"{spec.key}-ascii.txt", stripped, "stripped", "txt", spec))
    variants = (
        ("bom-crlf", "txt-bom-crlf", lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode()),
        ("nfd", "txt-nfd", lambda t: unicodedata.normalize("NFD", t).encode()),
        ("utf16", "txt-utf16", lambda t: t.encode("utf-16")),
        ("cp1258", "txt-cp1258", to_cp1258),
    )
    for spec, (suffix, fmt, encode) in zip(SPECS, variants, strict=True):
        data = encode(render_text(spec))
        files.append(_text_file(root / f"{spec.key}-{suffix}.txt", data, "clean", fmt, spec))
    if have("soffice"):
        for pdf, spec in zip(convert_to_pdf(docx_files, root), SPECS, strict=True):
            files.append(CorpusFile(pdf, "clean", "pdf", truth(spec)))
    files += _seed_files(root)
    return files


def _text_file(path: Path, data: bytes, subset: str, fmt: str, spec: Spec) -> CorpusFile:
    path.write_bytes(data)
    return CorpusFile(path, subset, fmt, truth(spec))


def _seed_files(root: Path) -> list[CorpusFile]:
    """The five seeds as given (one clean, four English-OCR), the clean one also stripped.

    Truth comes from the bundled restored JSON of a seed; a seed without one yet falls back to
    its hand-read header fields (subset "ocr-hand").
    """
    truths = {name: seed_truth(data) for name, data in seed_truths().items()}
    files = []
    for name, hand in HAND_READ.items():
        seed = SEEDS / name
        if not seed.exists():
            continue
        clean = "001_" in name
        truth = truths.get(name, hand)
        subset = "clean" if clean else "ocr" if name in truths else "ocr-hand"
        files.append(CorpusFile(seed, subset, "txt-seed", truth))
        if clean:  # the bundled texts hold only the body; only 001 has its header as text
            stripped = root / f"seed-{seed.stem}-ascii.txt"
            stripped.write_text(strip_diacritics(seed.read_text(encoding="utf-8")), "utf-8")
            files.append(CorpusFile(stripped, "stripped", "txt-seed", truth))
    return files


def scan_of(pdf: Path, out_dir: Path) -> Path:
    """Page 1 of ``pdf`` rendered at 300 dpi, as a scanner would deliver it."""
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(out_dir / f"{pdf.stem}-scan")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return out_dir / f"{pdf.stem}-scan.png"
