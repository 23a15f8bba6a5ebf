"""Text of an incoming directive from .docx, .pdf, .txt or a scanned image, always NFC.

Every failure a clerk can cause (empty, too big, corrupt, encrypted, unknown encoding, no OCR)
becomes a :class:`UserError` with a Vietnamese message; nothing here lets a traceback through.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from assistant.core.archive import open_zip
from assistant.core.errors import UserError
from assistant.core.fileio import check_size
from assistant.core.limits import DOCUMENT_FILE_MAX_BYTES

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff"}
SUFFIXES = {".docx", ".pdf", ".txt", *IMAGE_SUFFIXES}
OCR_TIMEOUT_S = 300
MAX_OCR_PAGES = 20  # a directive is a few pages; OCR costs ~1 s a page
# A page whose text layer has fewer letters than this is taken for a scan and OCR'd.
MIN_TEXT_LAYER_LETTERS = 40
_VI_SPECIFIC = set("ăâđêôơưĂÂĐÊÔƠƯ")


@dataclass(frozen=True)
class Extracted:
    """Text of one file and how it was obtained (``method``: docx, pdf, txt-<codec>, ocr)."""

    text: str
    method: str


def extract(path: str | os.PathLike[str]) -> Extracted:
    """Read ``path`` by its suffix; refuse unusable files with a Vietnamese UserError."""
    file = Path(path)
    suffix = file.suffix.lower()
    _check_file(file, suffix)
    if suffix == ".docx":
        result = Extracted(_docx_text(file), "docx")
    elif suffix == ".pdf":
        result = _pdf(file)
    elif suffix == ".txt":
        text, codec = decode_text(file.read_bytes(), file.name)
        result = Extracted(text, f"txt-{codec}")
    else:
        result = Extracted(ocr_image(file), "ocr")
    text = unicodedata.normalize("NFC", result.text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UserError(
            f"Tệp «{file.name}» không có chữ nào đọc được.", f"{file}: no text after extraction"
        )
    return Extracted(text, result.method)


def _check_file(file: Path, suffix: str) -> None:
    if suffix not in SUFFIXES:
        raise UserError(
            f"Không đọc được loại tệp «{suffix or file.name}». "
            "Hãy dùng tệp .docx, .pdf, .txt hoặc ảnh quét (.png, .jpg, .tif).",
            f"{file}: unsupported suffix {suffix!r}",
        )
    try:
        size = file.stat().st_size  # size first: a huge file must be refused without reading it
    except OSError as exc:
        raise UserError(f"Không mở được tệp «{file.name}».", f"{file}: {exc}") from exc
    if not file.is_file():
        raise UserError(f"«{file.name}» không phải là một tệp.", f"{file}: not a regular file")
    if size == 0:
        raise UserError(f"Tệp «{file.name}» rỗng.", f"{file}: empty file")
    check_size(file, size, DOCUMENT_FILE_MAX_BYTES)  # docx, pdf, txt or image alike


# --- .docx -------------------------------------------------------------------------------------


def _docx_text(file: Path) -> str:
    from docx import Document

    try:
        with file.open("rb") as stream:
            open_zip(stream, file.name).close()  # a zip bomb is refused before python-docx reads
            stream.seek(0)
            document = Document(stream)
    except UserError:
        raise
    except Exception as exc:  # zipfile, lxml and python-docx each raise their own on damage
        raise _corrupt(file, "Word", exc) from exc
    return "\n".join(_block_lines(document.element.body))


def _block_lines(container, in_cell: bool = False) -> list[str]:
    """Paragraphs and table cells in document order: header and signature sit in tables.

    Body paragraphs are separated by a blank line (as in plain text, where a blank line ends a
    paragraph); the lines of one table cell are not, because they form one header block.
    """
    from docx.oxml.ns import qn

    lines: list[str] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            lines.extend([_paragraph_text(child)] if in_cell else [_paragraph_text(child), ""])
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                for cell in row.iterchildren(qn("w:tc")):
                    lines.extend([*_block_lines(cell, in_cell=True), ""])
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                lines.extend(_block_lines(content, in_cell))
    return lines


def _paragraph_text(paragraph) -> str:
    from docx.oxml.ns import qn

    breaks = {qn("w:tab"): " ", qn("w:br"): "\n"}
    parts = []
    for node in paragraph.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        parts.append(breaks.get(node.tag, node.text or ""))
    return "".join(parts)


def _corrupt(file: Path, kind: str, exc: BaseException) -> UserError:
    return UserError(
        f"Tệp {kind} «{file.name}» bị hỏng hoặc không đúng định dạng; "
        "hãy mở lại bằng chương trình soạn thảo và lưu thành tệp mới.",
        f"{file}: {type(exc).__name__}: {exc}",
    )


# --- .pdf --------------------------------------------------------------------------------------


def _pdf(file: Path) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(str(file))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _encrypted(file, "a user password is set")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UserError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:  # AES without its crypto library
        raise _encrypted(file, exc) from exc
    except Exception as exc:  # pypdf reports damage as many error types; all mean "corrupt"
        raise _corrupt(file, "PDF", exc) from exc
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if letters < MIN_TEXT_LAYER_LETTERS * max(1, len(pages)):
        return Extracted(_ocr_pdf(file), "ocr")
    return Extracted("\n\n".join(pages), "pdf")


def _encrypted(file: Path, why: object) -> UserError:
    return UserError(
        f"Tệp PDF «{file.name}» có mật khẩu. Hãy gỡ mật khẩu rồi nhập lại.",
        f"{file}: encrypted PDF: {why}",
    )


def _ocr_pdf(file: Path) -> str:
    _require_tesseract()
    if shutil.which("pdftoppm") is None:
        raise UserError(
            "Tệp PDF là bản quét nhưng máy chưa có pdftoppm (poppler) để chuyển sang ảnh.",
            "pdftoppm not found on PATH",
        )
    with tempfile.TemporaryDirectory(prefix="bcn-ocr-") as tmp:
        cmd = ["pdftoppm", "-r", "300", "-gray", "-png", "-l", str(MAX_OCR_PAGES)]
        _run([*cmd, str(file), f"{tmp}/page"], file)
        images = sorted(Path(tmp).glob("page*.png"))  # pdftoppm zero-pads page numbers
        return "\n\n".join(ocr_image(image) for image in images)


# --- OCR ---------------------------------------------------------------------------------------


def _require_tesseract() -> None:
    if shutil.which("tesseract") is None:
        raise UserError(
            "Máy chưa cài Tesseract nên không đọc được bản quét. "
            "Hãy cài Tesseract kèm dữ liệu tiếng Việt (vie), hoặc nhập tệp .docx/.pdf có chữ.",
            "tesseract not found on PATH",
        )
    langs = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False
    )
    if "vie" not in (langs.stdout + langs.stderr).split():
        raise UserError(
            "Tesseract chưa có dữ liệu tiếng Việt (vie) nên không đọc được bản quét. "
            "Hãy cài gói dữ liệu tiếng Việt của Tesseract.",
            "tesseract has no 'vie' traineddata",
        )


def ocr_image(image: Path) -> str:
    """OCR with the Vietnamese model: the English one strips diacritics (see vietnamese-text.md)."""
    _require_tesseract()
    # One thread per page is ~4x faster than Tesseract's default on a 2-core machine.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    proc = _run(["tesseract", str(image), "stdout", "-l", "vie"], image, env=env)
    return proc.stdout.decode("utf-8", errors="replace")


def _run(cmd: list[str], file: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=OCR_TIMEOUT_S, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UserError(
            f"Đọc bản quét «{file.name}» quá lâu nên đã dừng.", f"{cmd[0]} timed out"
        ) from exc
    if proc.returncode != 0:
        raise UserError(
            f"Không đọc được ảnh quét «{file.name}»; tệp có thể bị hỏng.",
            f"{cmd[0]} exit {proc.returncode}: {proc.stderr.decode(errors='replace')[:500]}",
        )
    return proc


# --- plain text --------------------------------------------------------------------------------


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """Decode UTF-8 (BOM or not), UTF-16 (BOM) or Windows-1258; return (text, codec)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1258 bytes also decode as cp1252 (garbage like "Kính gưÒi"); only keep cp1258 when
    # the result reads as Vietnamese.
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and vietnamese_plausibility(text) >= 0.5:
        return text, "cp1258"
    raise UserError(
        f"Không nhận ra bảng mã chữ của tệp «{name}». "
        "Hãy mở tệp và lưu lại dưới dạng văn bản Unicode (UTF-8).",
        f"{name}: not UTF-8/UTF-16 and not plausible Windows-1258",
    )


_WORD = re.compile(r"[^\W\d_]+")


def vietnamese_plausibility(text: str) -> float:
    """Share of words made only of Vietnamese letters, weighted by having some Vietnamese mark.

    cp1258 mis-decoded text leaves combining marks stranded or letters such as "Ò" inside words;
    real Vietnamese has many words with ă, â, đ, ê, ô, ơ, ư or a tone mark on a vowel.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    good = sum(1 for w in words if all(_is_vi_letter(c) for c in w))
    marked = sum(1 for w in words if any(c in _VI_SPECIFIC or not c.isascii() for c in w))
    return good / len(words) if marked else 0.0


# Grave, acute, tilde, hook, dot below (tones); circumflex, breve, horn (vowel marks).
_VI_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")


def _is_vi_letter(ch: str) -> bool:
    if ch.isascii():
        return ch.isalpha()
    if ch in "đĐ":
        return True
    base, *marks = unicodedata.normalize("NFD", ch)
    return base.isascii() and base.isalpha() and set(marks) <= _VI_MARKS
