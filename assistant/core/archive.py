"""Zip archives (a .docx, a history backup) opened only once their parts are proven small.

A zip's central directory lists its parts and declares each one's compressed and inflated size.
:func:`open_zip` refuses, before any part is inflated, an archive past the limits of
:mod:`assistant.core.limits` (too many parts, too much in total, a part that inflates too many
times its compressed size), then proves each part holds no more than it declares.

Why count the parts before zipfile does: ``ZipFile()`` makes an object of every part the directory
lists, some 600 bytes each; a 47 MB .docx listing 580,000 empty parts took 359 MB and 4 s to open.

Why the proof: in CPython 3.11's zipfile.py, ``ZipExtFile._read1`` cuts what it returns at the
declared ``file_size`` (``data[:self._left]``) and checks the CRC at the end, so the declaration
bounds what a reader *gets*; but ``ZipFile.read`` (python-docx reads every part with it) calls
``read()`` with no size, which asks zlib for up to ``MAX_N`` (1 GiB) in one call *before* that
cut. A part declaring 100 bytes that holds 300 MB of deflated spaces was measured at 612 MB of
memory, its CRC crafted on the 100 bytes kept. Reading each part in chunks bounds every zlib call,
so the proof costs one chunk of memory; once it passes, the declarations bound what is inflated.
"""

from __future__ import annotations

import copy
import struct
import zipfile
from typing import IO

from assistant.core.errors import UserError
from assistant.core.fileio import megabytes
from assistant.core.limits import (
    ZIP_MAX_PARTS,
    ZIP_MAX_RATIO,
    ZIP_MAX_TOTAL_BYTES,
    ZIP_RATIO_FLOOR_BYTES,
)
from assistant.core.vntext import number

# Memory per step of the proof: each zlib call gives at most this much (a buffer size, not a limit).
_CHUNK = 64 * 1024
# Word and this program's backups store or deflate; bzip2 and LZMA calls have no output bound in
# zipfile, and encrypted or patched parts (general purpose bits 0, 5, 6; APPNOTE 4.4.4) are not
# something a clerk's document holds.
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_SPECIAL_FLAGS = 0x01 | 0x20 | 0x40


def open_zip(stream: IO[bytes], name: str) -> zipfile.ZipFile:
    """The zip in the seekable ``stream``, once its parts passed the limits; the caller closes it.

    ``name`` is the file name the clerk knows. Only the limits are refused here (a UserError);
    damage (not a zip, a bad CRC, a truncated part) raises zipfile's own errors, which each caller
    explains in its own words.
    """
    parts = _count_parts(stream)
    if parts > ZIP_MAX_PARTS:
        raise _refuse(
            name,
            f"có quá nhiều phần nén (hơn {number(ZIP_MAX_PARTS)})",
            f"more than {ZIP_MAX_PARTS} parts",
        )
    archive = zipfile.ZipFile(stream)
    try:
        _check_declared(archive.infolist(), name)
        for part in archive.infolist():
            _prove(archive, part, name)
    except BaseException:
        archive.close()
        raise
    return archive


def _count_parts(stream: IO[bytes]) -> int:
    """The parts the central directory lists, up to one past the limit, from their fixed headers.

    Reads where and as much as ``ZipFile._RealGetContents`` will, with its helpers (private, the
    same in CPython 3.11 to 3.13); a zip they cannot place is left to ZipFile to refuse.
    """
    end = zipfile._EndRecData(stream)
    if not end:
        return 0
    size = end[zipfile._ECD_SIZE]
    start = end[zipfile._ECD_LOCATION] - size
    if end[zipfile._ECD_SIGNATURE] == zipfile.stringEndArchive64:
        start -= zipfile.sizeEndCentDir64 + zipfile.sizeEndCentDir64Locator
    count = done = 0
    while done < size and count <= ZIP_MAX_PARTS:
        stream.seek(start + done)
        header = stream.read(zipfile.sizeCentralDir)
        if len(header) < zipfile.sizeCentralDir:
            break
        # the name, extra field and comment lengths follow the fixed header (APPNOTE 4.3.12)
        done += zipfile.sizeCentralDir + sum(struct.unpack_from("<3H", header, 28))
        count += 1
    return count


def _refuse(name: str, what: str, detail: str) -> UserError:
    return UserError(
        f"Tệp «{name}» {what} — có thể là tệp hỏng hoặc tệp độc hại; chương trình không mở.",
        f"{name}: {detail}",
    )


def _check_declared(parts: list[zipfile.ZipInfo], name: str) -> None:
    for part in parts:
        if part.compress_type not in _METHODS or part.flag_bits & _SPECIAL_FLAGS:
            raise UserError(
                f"Tệp «{name}» được mã hoá hoặc nén theo cách chương trình không đọc được. "
                "Hãy mở bằng chương trình đã tạo ra tệp và lưu lại.",
                f"{name}: part {part.filename!r} method {part.compress_type}, "
                f"flags {part.flag_bits:#x}",
            )
    total = sum(part.file_size for part in parts)
    if total > ZIP_MAX_TOTAL_BYTES:
        raise _refuse(
            name,
            f"có phần nén giải ra quá lớn ({megabytes(total)} MB; "
            f"tối đa {megabytes(ZIP_MAX_TOTAL_BYTES)} MB)",
            f"declared inflated total {total} bytes > {ZIP_MAX_TOTAL_BYTES}",
        )
    for part in parts:
        size, packed = part.file_size, part.compress_size
        if size > ZIP_RATIO_FLOOR_BYTES and size > ZIP_MAX_RATIO * packed:
            raise _refuse(
                name,
                f"có phần nén giải ra quá lớn ({megabytes(size)} MB từ {megabytes(packed)} MB nén)",
                f"part {part.filename!r} declares {size} bytes from {packed}: "
                f"ratio above {ZIP_MAX_RATIO}",
            )


def _prove(archive: zipfile.ZipFile, part: zipfile.ZipInfo, name: str) -> None:
    """Inflate ``part`` chunk by chunk, allowed one byte past its declaration to catch a lie."""
    probe = copy.copy(part)
    probe.file_size = part.file_size + 1
    inflated = 0
    with archive.open(probe) as stream:
        while chunk := stream.read(_CHUNK):
            inflated += len(chunk)
    # A lying part mostly fails its CRC on the byte past its declaration (BadZipFile, for the
    # caller); a CRC crafted for that byte too still ends here.
    if inflated > part.file_size:
        raise _refuse(
            name,
            "có phần nén giải ra lớn hơn kích thước ghi trong tệp",
            f"part {part.filename!r} inflates past its declared {part.file_size} bytes",
        )
