"""Huge or hostile inputs are refused by their size, before they are parsed, in modest memory."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from docx import Document

from assistant.check.checker import check
from assistant.core import limits
from assistant.core.archive import open_zip
from assistant.core.errors import UserError
from assistant.core.fileio import read_json_object
from assistant.importer.extract import extract
from tests.conftest import REPO, SHARED
from tests.faulty_docs import make_report
from tests.importer_corpus import SPECS, write_docx

MB = 1024 * 1024
CHILD_PEAK_MAX_MB = 300  # the unguarded program took 423 MB on the ratio bomb, 612 MB on the liar
VIETNAMESE = set("ạảấầẩẫậăắằẳẵặđệểếềễịọỏốồổỗộơớờởỡợụủứừửữựỳỷỹ")
# Runs its arguments as its only child and prints that child's peak memory as its last line.
MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)
RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes on macOS, else KiB
needs_rusage = pytest.mark.skipif(sys.platform == "win32", reason="no resource module")


def run_cli(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    """``python -m assistant ARGS`` through MEASURE: the result and the child's peak memory in MB."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "assistant", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
    )
    *lines, peak = done.stderr.strip().splitlines()
    done.stderr = "\n".join(lines)
    return done, int(peak) * RSS_UNIT / MB


# -- hostile .docx files -----------------------------------------------------------------------
def with_tail(source: Path, path: Path, tail_mb: int, level: int = 9) -> Path:
    """``source`` with ``tail_mb`` MB of spaces after the root of word/document.xml: still
    well-formed XML, deflated about 1000:1 at ``level`` 9 (200:1 at 1, but twice as fast).
    Streamed in chunks, so the test process stays small."""
    chunk = b" " * MB
    with (
        zipfile.ZipFile(source) as old,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as new,
    ):
        for item in old.infolist():
            if item.filename != "word/document.xml":
                new.writestr(item, old.read(item))
                continue
            with new.open(item.filename, "w") as part:
                part.write(old.read(item))
                for _ in range(tail_mb):
                    part.write(chunk)
    return path


def declare(path: Path, part: str, size: int, crc: int) -> Path:
    """Rewrite ``part``'s central directory entry (APPNOTE 4.3.12) to declare ``size`` and ``crc``."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while True:
        name, extra, comment = struct.unpack_from("<3H", data, at + 28)  # their lengths
        if data[at + 46 : at + 46 + name] == part.encode():
            break
        at += 46 + name + extra + comment
    struct.pack_into("<L", data, at + 16, crc)
    struct.pack_into("<L", data, at + 24, size)
    path.write_bytes(data)
    return path


def liar(source: Path, path: Path, tail_mb: int, crc_past_declared: bool = False) -> Path:
    """A .docx whose document.xml declares only its real XML but holds ``tail_mb`` MB more.

    With ``crc_past_declared`` the CRC is the one of the declared bytes and the next one, so that
    a reader allowed one byte more finds it sound."""
    xml = zipfile.ZipFile(source).read("word/document.xml")
    with_tail(source, path, tail_mb, level=1)  # its declared ratio is 1, whatever the level
    crc = zlib.crc32(xml + b" " if crc_past_declared else xml)
    return declare(path, "word/document.xml", len(xml), crc)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("limits")
    source = folder / "source.docx"
    document = Document()
    document.add_paragraph("Kính gửi: Ban Tuyên giáo Thành ủy")
    document.save(source)
    # Under the total limit, so only the ratio rule stands between it and python-docx.
    ratio_mb = (limits.ZIP_MAX_TOTAL_BYTES - 10 * MB) // MB
    return {
        "source": source,
        "ratio-bomb": with_tail(source, folder / "bomb.docx", ratio_mb),
        "liar": liar(source, folder / "liar.docx", 300),
        "directive": write_docx(SPECS[0], folder / "directive.docx"),
        "report": make_report(folder, "nd30"),
    }


CLI_CASES = [
    ("import", "ratio-bomb", 2, "độc hại"),
    ("check", "ratio-bomb", 2, "độc hại"),
    ("import", "liar", 2, "bị hỏng"),
    ("check", "liar", 2, "bị hỏng"),
    ("import", "directive", 0, ""),
    ("check", "report", 0, ""),
]


@needs_rusage
@pytest.mark.parametrize(("command", "name", "code", "says"), CLI_CASES)
def test_hostile_docx_is_refused_fast_in_modest_memory(
    files: dict[str, Path], data_dir: Path, command: str, name: str, code: int, says: str
) -> None:
    start = time.perf_counter()
    done, peak_mb = run_cli(command, str(files[name]))
    assert time.perf_counter() - start < 10
    assert done.returncode == code, done.stderr
    assert says in done.stderr and (not says or VIETNAMESE & set(done.stderr))
    assert "Traceback" not in done.stderr
    assert peak_mb < CHILD_PEAK_MAX_MB


def test_the_ratio_bomb_message_says_how_large(files: dict[str, Path]) -> None:
    with pytest.raises(UserError) as caught:
        extract(files["ratio-bomb"])
    message = caught.value.message
    assert message.startswith("Tệp «bomb.docx» có phần nén giải ra quá lớn (")
    assert "MB nén) — có thể là tệp hỏng hoặc tệp độc hại; chương trình không mở." in message


def test_a_part_holding_more_than_it_declares_is_refused(files: dict[str, Path], tmp_path) -> None:
    crafted = liar(files["source"], tmp_path / "crafted.docx", 1, crc_past_declared=True)
    with pytest.raises(UserError, match="lớn hơn kích thước"):
        guard(crafted)
    with pytest.raises(zipfile.BadZipFile):  # the usual liar: its CRC fails on the byte past
        guard(files["liar"])


# -- zip limits, each at its edge --------------------------------------------------------------
def guard(path: Path) -> None:
    with path.open("rb") as stream:
        open_zip(stream, path.name).close()


def _zip(
    path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED, level: int = 9
) -> Path:
    with zipfile.ZipFile(path, "w", method, compresslevel=level) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def test_too_many_parts_are_refused_before_zipfile_lists_them(tmp_path: Path) -> None:
    """ZipFile makes ~600 bytes of objects per part listed: 6 MB here, hundreds in a flood."""
    most = {f"{i}": b"" for i in range(limits.ZIP_MAX_PARTS)}
    guard(_zip(tmp_path / "most.zip", most))
    many = _zip(tmp_path / "many.zip", {**most, "one-more": b""})
    tracemalloc.start()
    try:
        with pytest.raises(UserError, match="quá nhiều phần"):
            guard(many)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MB


def test_many_small_parts_over_the_total(tmp_path: Path) -> None:
    """Parts at the ratio floor are exempt from the ratio rule; their total is not."""
    floor = b" " * limits.ZIP_RATIO_FLOOR_BYTES
    count = limits.ZIP_MAX_TOTAL_BYTES // limits.ZIP_RATIO_FLOOR_BYTES
    at_most = _zip(tmp_path / "all.zip", {f"{i}": floor for i in range(count)}, level=1)
    guard(at_most)
    over = _zip(tmp_path / "over.zip", {f"{i}": floor for i in range(count + 1)}, level=1)
    with pytest.raises(UserError, match="quá lớn"):
        guard(over)


def test_ratio_only_above_the_floor(tmp_path: Path) -> None:
    floor = limits.ZIP_RATIO_FLOOR_BYTES
    guard(_zip(tmp_path / "floor.zip", {"a": b"\0" * floor}))
    with pytest.raises(UserError, match="MB nén"):
        guard(_zip(tmp_path / "over.zip", {"a": b"\0" * (floor + 1)}))


def test_a_compression_with_unbounded_calls_is_refused(tmp_path: Path) -> None:
    bz = _zip(tmp_path / "bz.docx", {"word/document.xml": b"<w/>"}, zipfile.ZIP_BZIP2)
    with pytest.raises(UserError, match="không đọc được"):
        guard(bz)


def test_open_zip_takes_a_stream_and_returns_the_archive(files: dict[str, Path]) -> None:
    with files["report"].open("rb") as stream, open_zip(stream, "report.docx") as archive:
        assert "word/document.xml" in archive.namelist()


# -- file sizes on disk ------------------------------------------------------------------------
def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # nothing is written
    return path


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".txt", ".png"])
def test_a_document_over_the_limit_is_refused_unread(tmp_path: Path, suffix: str) -> None:
    huge = _sparse(tmp_path / f"huge{suffix}", limits.DOCUMENT_FILE_MAX_BYTES + 1)
    start = time.perf_counter()
    with pytest.raises(UserError, match="quá lớn") as caught:
        extract(huge)
    assert f"chỉ nhận tệp đến {limits.DOCUMENT_FILE_MAX_BYTES // MB} MB" in caught.value.message
    if suffix == ".docx":
        with pytest.raises(UserError, match="quá lớn"):
            check(huge)
    assert time.perf_counter() - start < 0.5


@needs_rusage
def test_generate_refuses_a_huge_answers_file(tmp_path: Path, data_dir: Path) -> None:
    answers = tmp_path / "BIG.json"
    answers.write_bytes(_json_of(6 * MB))
    out = tmp_path / "x.docx"
    start = time.perf_counter()
    done, peak_mb = run_cli(
        "generate",
        "--directive",
        "3270-cv-btgtu-2024",
        "--answers",
        str(answers),
        "--out",
        str(out),
    )
    assert time.perf_counter() - start < 10
    assert done.returncode == 2, done.stderr
    assert "«BIG.json» quá lớn (6 MB)" in done.stderr
    assert f"chỉ nhận tệp đến {limits.JSON_FILE_MAX_BYTES // MB} MB" in done.stderr
    assert not out.exists()
    assert peak_mb < CHILD_PEAK_MAX_MB


def _json_of(size: int) -> bytes:
    data = json.dumps({"note": ""}).encode()
    return json.dumps({"note": "x" * (size - len(data))}).encode()


def test_json_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(_json_of(limits.JSON_FILE_MAX_BYTES))
    assert len(read_json_object(path, "tệp trả lời")["note"]) > 0
    path.write_bytes(_json_of(limits.JSON_FILE_MAX_BYTES + 1))
    with pytest.raises(UserError, match=r"Tệp trả lời «a\.json» quá lớn"):
        read_json_object(path, "tệp trả lời")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_a_pipe_cannot_pass_the_limit_by_having_no_size(tmp_path: Path) -> None:
    pipe = tmp_path / "answers.json"
    os.mkfifo(pipe)
    data = _json_of(limits.JSON_FILE_MAX_BYTES + 1)
    threading.Thread(target=pipe.write_bytes, args=(data,), daemon=True).start()
    with pytest.raises(UserError, match="quá lớn"):
        read_json_object(pipe, "tệp trả lời")


def test_json_nested_too_deep_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(UserError, match="lồng nhau"):
        read_json_object(path, "tệp trả lời")


# -- real documents still pass -----------------------------------------------------------------
REAL = sorted((SHARED / "realdocs").glob("*.docx"))


@pytest.mark.skipif(not REAL, reason="no ../shared/realdocs")
def test_real_documents_pass_the_guard() -> None:
    for path in REAL:
        assert extract(path).text.strip(), path.name
        assert check(path).format_id, path.name
