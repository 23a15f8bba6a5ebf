"""Reading every supported format, and refusing bad files with a Vietnamese UserError."""

from __future__ import annotations

import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from assistant.core.directives import DirectiveLibrary
from assistant.core.errors import UserError
from assistant.core.limits import DOCUMENT_FILE_MAX_BYTES
from assistant.importer import import_file
from assistant.importer.extract import decode_text, extract
from tests.importer_corpus import (
    SPECS,
    convert_to_pdf,
    have,
    render_text,
    scan_of,
    to_cp1258,
    write_docx,
)

SPEC = SPECS[1]  # state layout, three-line V/v subject, heading with dash tasks
needs_soffice = pytest.mark.skipif(
    not have("soffice"), reason="LibreOffice (soffice) not installed"
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not have("soffice"):
        pytest.skip("LibreOffice (soffice) not installed")
    folder = tmp_path_factory.mktemp("pdf")
    return convert_to_pdf([write_docx(SPEC, folder / "directive.docx")], folder)[0]


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-be").join([b"\xfe\xff", b""]),
        to_cp1258,
    ],
    ids=["utf8", "bom-crlf", "utf16le", "utf16be", "cp1258"],
)
def test_text_encodings_decode_to_the_same_nfc_text(encode) -> None:
    text = render_text(SPEC)
    decoded, _ = decode_text(encode(text))
    assert decoded.replace("\r\n", "\n") == text


def test_cp1258_is_not_taken_for_cp1252() -> None:
    _, codec = decode_text(to_cp1258(render_text(SPEC)))
    assert codec == "cp1258"


def test_latin1_text_that_is_not_vietnamese_is_refused() -> None:
    with pytest.raises(UserError, match="bảng mã"):
        decode_text("Größe über alles, naïve façade".encode("latin-1") * 20, "de.txt")


def test_docx_reads_header_table_before_body(tmp_path: Path) -> None:
    text = extract(write_docx(SPEC, tmp_path / "d.docx")).text
    assert text.index("SỞ THÔNG TIN VÀ TRUYỀN THÔNG") < text.index("Số: 1205/STTTT-BCXB")
    assert text.index("Quảng Ninh, ngày 12 tháng 9 năm 2024") < text.index("Kính gửi")
    assert text.index("Nơi nhận:") < text.index("Nguyễn Thị Lan")


def test_pdf_text_layer(pdf: Path) -> None:
    parsed = import_file(pdf)
    assert parsed.method == "pdf"
    assert (parsed["number"], parsed["code"]) == ("1205", "STTTT-BCXB")
    assert len(parsed["tasks"]) == 3


@pytest.mark.skipif(not have("tesseract"), reason="Tesseract is not installed")
def test_scanned_image_is_read_with_vietnamese_ocr(pdf: Path, tmp_path: Path) -> None:
    if not have("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    parsed = import_file(scan_of(pdf, tmp_path))
    assert parsed.method == "ocr"
    assert parsed["number"] == "1205"
    assert parsed["issuer"] == "Sở Thông tin và Truyền thông"
    assert parsed["date"].isoformat() == "2024-09-12"


@pytest.mark.skipif(not have("tesseract"), reason="Tesseract is not installed")
def test_scanned_pdf_without_text_layer_is_ocr_read(pdf: Path, tmp_path: Path) -> None:
    png = scan_of(pdf, tmp_path)
    # Tesseract's PDF is the page image plus invisible text; dropping the text leaves a scan.
    subprocess.run(
        ["tesseract", str(png), str(tmp_path / "ocr"), "pdf"],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    writer = PdfWriter(clone_from=tmp_path / "ocr.pdf")
    writer.remove_text()
    scanned = tmp_path / "scanned.pdf"
    with open(scanned, "wb") as handle:
        writer.write(handle)
    assert not PdfReader(scanned).pages[0].extract_text().strip()
    parsed = import_file(scanned)
    assert parsed.method == "ocr"
    assert parsed["number"] == "1205"


def test_missing_tesseract_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    image = tmp_path / "scan.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH where no tesseract can be found
    with pytest.raises(UserError, match="Tesseract"):
        import_file(image)


# --- bad files -----------------------------------------------------------------------------------


def _bad_files(folder: Path, pdf_source: Path | None) -> dict[str, Path]:
    files = {}
    files["empty"] = folder / "empty.docx"
    files["empty"].write_bytes(b"")
    files["blank-text"] = folder / "blank.txt"
    files["blank-text"].write_text("   \n\n  ", encoding="utf-8")
    files["not-a-directive"] = folder / "recipe.txt"
    files["not-a-directive"].write_text(
        "Cách nấu phở bò\n\nNguyên liệu gồm xương bò, bánh phở, hành, gừng và quế.\n"
        "Ninh xương trong sáu giờ cho nước dùng trong và ngọt.\n",
        encoding="utf-8",
    )
    files["not-a-zip"] = folder / "fake.docx"
    files["not-a-zip"].write_bytes(b"This is not a Word file at all" * 10)
    good = write_docx(SPEC, folder / "good.docx")
    files["truncated-docx"] = folder / "truncated.docx"
    files["truncated-docx"].write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    files["docx-without-document"] = folder / "nodoc.docx"
    with zipfile.ZipFile(files["docx-without-document"], "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    files["corrupt-pdf"] = folder / "broken.pdf"
    files["corrupt-pdf"].write_bytes(b"%PDF-1.7\n" + b"garbage" * 100)
    files["unknown-suffix"] = folder / "directive.odt"
    files["unknown-suffix"].write_bytes(b"whatever")
    huge = folder / "huge.pdf"
    with open(huge, "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written
    files["200-MB"] = huge
    if pdf_source is not None:
        writer = PdfWriter(clone_from=pdf_source)
        writer.encrypt(user_password="mat-khau", algorithm="RC4-128")
        files["encrypted-pdf"] = folder / "encrypted.pdf"
        with open(files["encrypted-pdf"], "wb") as handle:
            writer.write(handle)
    return files


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad")
    source = None
    if have("soffice"):
        source = convert_to_pdf([write_docx(SPEC, folder / "src.docx")], folder)[0]
    return _bad_files(folder, source)


BAD = [
    "empty", "blank-text", "not-a-directive", "not-a-zip", "truncated-docx",
    "docx-without-document", "corrupt-pdf", "unknown-suffix", "200-MB", "encrypted-pdf",
]  # fmt: skip


@pytest.mark.parametrize("name", BAD)
def test_bad_file_is_refused_with_a_vietnamese_message(
    name: str, bad_files: dict[str, Path], data_dir: Path
) -> None:
    if name not in bad_files:
        pytest.skip("needs LibreOffice to make the source PDF")
    with pytest.raises(UserError) as caught:
        import_file(bad_files[name])
    message = caught.value.message
    assert any(ch in message for ch in "ạảấầẩẫậăắằẳẵặđệểếềễịọỏốồổỗộơớờởỡợụủứừửữựỳỷỹ")
    assert not list((data_dir / "directives").glob("*.json"))
    assert (
        DirectiveLibrary(user_dir=data_dir / "directives").all()
        == DirectiveLibrary(user_dir=None).all()
    )


def test_huge_file_is_refused_before_reading(bad_files: dict[str, Path]) -> None:
    assert bad_files["200-MB"].stat().st_size > DOCUMENT_FILE_MAX_BYTES
    start = time.perf_counter()
    with pytest.raises(UserError, match="quá lớn"):
        import_file(bad_files["200-MB"])
    assert time.perf_counter() - start < 0.5


def test_encrypted_pdf_message_names_the_password(bad_files: dict[str, Path]) -> None:
    if "encrypted-pdf" not in bad_files:
        pytest.skip("needs LibreOffice to make the source PDF")
    with pytest.raises(UserError, match="mật khẩu"):
        import_file(bad_files["encrypted-pdf"])


def test_unreadable_path_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        import_file(tmp_path / "nowhere.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(UserError):
        import_file(folder)
    shutil.rmtree(folder)


def test_docx_header_table_laid_out_in_rows(tmp_path: Path) -> None:
    """Some agencies put each header line in its own row: cells are then read row by row."""
    from docx import Document

    doc = Document()
    rows = [
        ("UBND TỈNH QUẢNG NINH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Độc lập - Tự do - Hạnh phúc"),
        ("Số: 1205/STTTT-BCXB", "Quảng Ninh, ngày 12 tháng 9 năm 2024"),
        ("V/v tuyên truyền Bộ Quy tắc ứng xử trên mạng xã hội", ""),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (left, right) in enumerate(rows):
        table.cell(r, 0).text, table.cell(r, 1).text = left, right
    for line in render_text(SPEC).split("Kính gửi:", 1)[1].split("\n\n"):
        doc.add_paragraph(line.strip())
    doc.paragraphs[0].insert_paragraph_before("Kính gửi:")
    doc.save(str(tmp_path / "rows.docx"))
    parsed = import_file(tmp_path / "rows.docx")
    assert (parsed["issuer"], parsed["issuer_parent"]) == (
        "Sở Thông tin và Truyền thông",
        "Ủy ban nhân dân tỉnh Quảng Ninh",
    )
    assert parsed["subject"] == "Tuyên truyền Bộ Quy tắc ứng xử trên mạng xã hội"
    assert parsed["date"].isoformat() == "2024-09-12"
    assert len(parsed["recipients"]) == 4
