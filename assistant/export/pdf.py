"""A report (.docx) as PDF, and on paper, through the office suite the PC already has.

Microsoft Word (COM automation, Windows only) when it is installed: it lays out the .docx as the
clerk sees it. Otherwise LibreOffice, found on PATH or in its usual install folders. Neither is
imported or started until asked for.

What NĐ30/2020 asks of the file: A4 pages (Phụ lục I, Phần I, Mục I, khoản 1, "Khổ A4") and
Times New Roman (khoản 4) — fonts are embedded so that every reader shows that face; and the one
file format the decree names for an electronic document, "Định dạng Portable Document Format
(.pdf), phiên bản 1.4 trở lên" (Phụ lục I, Phần II, Mục I, khoản 2, điểm a — said of digitized
copies). Both engines write PDF/A (based on PDF 1.4 or later), which also forbids unembedded
fonts. Signing is not ours: an electronic document is signed digitally by the person with
authority in the agency's system (Điều 8, khoản 2, điểm g–h; Điều 13, khoản 7), so the PDF is the
draft handed to e-office, never a signed original.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from assistant.core.errors import UserError, os_error
from assistant.core.fileio import publish

log = logging.getLogger(__name__)

# This LibreOffice (a portable copy, say) and not Word; a missing file means "none here".
SOFFICE_ENV = "BAO_CAO_NHANH_SOFFICE"
TIMEOUT_S = 180
# Where installers put LibreOffice when it is not on PATH (the Windows installer never adds it).
_SOFFICE_FOLDERS = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice"
    / "program",
    Path("/usr/lib/libreoffice/program"),
    Path("/opt/libreoffice/program"),
    Path("/Applications/LibreOffice.app/Contents/MacOS"),
)
# LibreOffice's PDF export as PDF/A-2b (every font embedded; written as PDF 1.6).
_LIBREOFFICE_PDF = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
_WORD_PDF, _WORD_NO_SAVE = 17, 0  # wdExportFormatPDF, wdDoNotSaveChanges

NO_ENGINE = (
    "Máy này chưa có Microsoft Word hoặc LibreOffice nên chưa xuất PDF hay in được. Hãy cài "
    "LibreOffice (miễn phí, tại libreoffice.org) hoặc mở tệp .docx bằng Word rồi xuất PDF từ đó."
)


def find_soffice() -> Path | None:
    """LibreOffice's program, or None. ``soffice.com`` on Windows: the console one waits."""
    chosen = os.environ.get(SOFFICE_ENV)
    if chosen:
        return Path(chosen) if Path(chosen).is_file() else None
    names = (
        ("soffice.com", "soffice.exe") if sys.platform == "win32" else ("soffice", "libreoffice")
    )
    for name in names:
        found = shutil.which(name)
        if found:
            return Path(found)
    candidates = (folder / name for folder in _SOFFICE_FOLDERS for name in names)
    return next((c for c in candidates if c.is_file()), None)


def _word():
    """A hidden Word, or None when it is not installed (or not on Windows)."""
    if sys.platform != "win32" or os.environ.get(SOFFICE_ENV):
        return None
    try:
        import comtypes  # Windows only, and only when Word is wanted
        import comtypes.client
    except ImportError:
        return None
    comtypes.CoInitialize()  # this may be a worker thread of the window, new to COM
    try:
        word = comtypes.client.CreateObject("Word.Application")
    except (OSError, comtypes.COMError) as exc:  # "invalid class string": no Word here
        log.info("Word not available: %r", exc)
        return None
    word.Visible = False
    word.DisplayAlerts = 0
    return word


def _with_word(word, docx: Path, act) -> None:
    """``act(document)`` on ``docx`` opened read-only in ``word``, which is closed afterwards."""
    import comtypes

    try:
        doc = word.Documents.Open(str(docx), ReadOnly=True, AddToRecentFiles=False)
        try:
            act(doc)
        finally:
            doc.Close(_WORD_NO_SAVE)
    except (OSError, comtypes.COMError) as exc:
        raise UserError(
            f"Microsoft Word không xử lý được «{docx.name}»: tệp có thể bị hỏng, hoặc Word đang "
            "chờ một hộp thoại (kích hoạt bản quyền, khôi phục tệp). Hãy mở Word xem rồi thử lại.",
            f"Word on {docx}: {exc!r}",
        ) from exc
    finally:
        word.Quit()


def _soffice(soffice: Path, args: list[str], docx: Path, cwd: Path) -> None:
    """Run LibreOffice headless on ``docx`` with its own throw-away profile: a LibreOffice the
    clerk has open holds the default one, and a second process sharing it exits at once."""
    with tempfile.TemporaryDirectory(prefix="baocaonhanh-lo-") as profile:
        command = [str(soffice), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", *args, str(docx)]  # fmt: skip
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, cwd=cwd, timeout=TIMEOUT_S
            )
        except subprocess.TimeoutExpired as exc:
            raise UserError(
                "LibreOffice không trả lời sau 3 phút; hãy thử lại.", repr(exc)
            ) from exc
        except OSError as exc:
            raise UserError(NO_ENGINE, f"{command}: {exc!r}") from exc
    log.info(
        "soffice %s → %s %s %s", args, done.returncode, done.stdout.strip(), done.stderr.strip()
    )
    if done.returncode != 0:
        raise UserError(
            f"LibreOffice không xử lý được «{docx.name}»: tệp có thể bị hỏng. Hãy mở thử tệp bằng "
            "LibreOffice hoặc Word.",
            f"{command} exited with {done.returncode}: {done.stderr.strip()}",
        )


def _convert(docx: Path, folder: Path) -> Path:
    """The PDF of ``docx``, written inside ``folder``."""
    pdf = folder / (docx.stem + ".pdf")
    word = _word()
    if word is not None:
        _with_word(word, docx, lambda doc: doc.ExportAsFixedFormat(
            str(pdf), _WORD_PDF, UseISO19005_1=True))  # fmt: skip
        return pdf
    soffice = find_soffice()
    if soffice is None:
        raise UserError(NO_ENGINE, "neither Word nor LibreOffice found")
    _soffice(soffice, ["--convert-to", _LIBREOFFICE_PDF, "--outdir", str(folder)], docx, folder)
    return pdf


def docx_to_pdf(docx: Path, out: Path | None = None) -> Path:
    """Write the PDF of ``docx`` to ``out`` (default: beside it, same name) atomically: the engine
    writes into a hidden folder beside the target, and the file is renamed over it when whole."""
    docx = docx.resolve()
    if not docx.is_file():
        raise os_error(FileNotFoundError(docx), docx, "đọc")
    target = (out or docx.with_suffix(".pdf")).resolve()
    try:
        with tempfile.TemporaryDirectory(dir=target.parent, prefix=".baocaonhanh-pdf-") as work:
            made = _convert(docx, Path(work))
            if not made.is_file() or made.stat().st_size == 0:
                raise UserError(
                    f"Không chuyển được «{docx.name}» sang PDF: tệp có thể bị hỏng hoặc đang mở "
                    "trong một chương trình khác. Hãy mở thử bằng Word hoặc LibreOffice.",
                    f"no PDF made from {docx}",
                )
            publish(made, target)
    except OSError as exc:
        raise os_error(exc, target, "ghi") from exc
    return target


def pdf_with_digest(docx: Path, out: Path | None = None) -> tuple[Path, str]:
    """The PDF written and its SHA-256 (hex), as the history keeps a report's files."""
    pdf = docx_to_pdf(docx, out)
    return pdf, sha256_of(pdf)


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def print_docx(docx: Path, printer: str, copies: int = 1) -> None:
    """Send ``docx`` to ``printer`` (a name from the system's print dialog), through Word or
    LibreOffice as for the PDF, so the paper matches the PDF page for page. LibreOffice does not
    report a printer name it does not know (Word does): the window only offers existing ones."""
    docx = docx.resolve()
    if not docx.is_file():
        raise os_error(FileNotFoundError(docx), docx, "đọc")
    word = _word()
    if word is not None:

        def print_out(doc) -> None:
            # Word's active printer is Windows' default printer: chosen for this job, then put back.
            default, word.ActivePrinter = word.ActivePrinter, printer
            try:
                doc.PrintOut(Background=False, Copies=copies)  # done before Word is closed
            finally:
                word.ActivePrinter = default

        _with_word(word, docx, print_out)
        return
    soffice = find_soffice()
    if soffice is None:
        raise UserError(NO_ENGINE, "neither Word nor LibreOffice found")
    for _ in range(copies):  # LibreOffice's --pt prints one copy
        _soffice(soffice, ["--pt", printer], docx, docx.parent)
