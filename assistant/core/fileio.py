"""Files in and out: atomic writes (a crash or a full disk never leaves half a file behind) and
JSON reads refused by size before they are parsed."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from assistant.core.errors import UserError
from assistant.core.limits import JSON_FILE_MAX_BYTES
from assistant.core.vntext import number


def temp_path_for(target: Path, tag: str) -> Path:
    """The hidden temporary file a write to ``target`` goes through: beside it (a rename within
    one folder is atomic) and short, whatever the length of the target's name."""
    return target.with_name(f".baocaonhanh-{tag}.tmp")


def write_temp(temp: Path, data: bytes) -> None:
    """Create ``temp`` (never an existing file) with ``data``, flushed to the disk.

    Mode 0o666 less the umask, as a desktop program's files get (``mkstemp`` would give 0o600).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def publish(temp: Path, target: Path) -> None:
    """Rename ``temp`` over ``target``, and make the rename itself durable where the OS allows."""
    os.replace(temp, target)
    if os.name == "posix":  # Windows has no directory handles to flush; NTFS logs the rename
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(target, os.urandom(16).hex())
    write_temp(temp, data)
    try:
        publish(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


MIB = 1024 * 1024


def megabytes(size: int) -> str:
    """``size`` in MB as a clerk reads it ("5", "5,1"), rounded up to a tenth so that a size just
    over a limit never reads as equal to it."""
    return number(math.ceil(size * 10 / MIB) / 10)


def check_size(path: Path, size: int, limit: int, what: str = "tệp") -> None:
    """Refuse a file of ``size`` bytes above ``limit`` (one of :mod:`assistant.core.limits`)."""
    if size > limit:
        raise UserError(
            f"{what.capitalize()} «{path.name}» quá lớn ({megabytes(size)} MB); "
            f"chỉ nhận tệp đến {megabytes(limit)} MB.",
            f"{path}: {size} bytes > limit {limit}",
        )


def read_json_object(path: Path, what: str) -> dict:
    """Read a JSON object; every failure is a UserError naming the file (and the line of a syntax
    error), ``what`` being the Vietnamese name of the file ("tệp trả lời").

    A file above ``JSON_FILE_MAX_BYTES`` is refused by its size before a byte is parsed."""
    limit = JSON_FILE_MAX_BYTES
    try:
        with path.open("rb") as handle:
            check_size(path, os.fstat(handle.fileno()).st_size, limit, what)
            raw = handle.read(limit + 1)  # a pipe or a growing file has no honest size
        check_size(path, len(raw), limit, what)
        data = json.loads(raw.decode("utf-8-sig"))
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy {what} «{path}».", f"{path}: not found") from None
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{what.capitalize()} «{path}» không phải văn bản UTF-8.", str(exc)
        ) from exc
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{what.capitalize()} «{path.name}» sai cú pháp JSON ở dòng {exc.lineno}, cột {exc.colno}.",
            f"{path}: {exc}",
        ) from exc
    except RecursionError as exc:  # "[[[[…": Python's parser recurses once per level
        raise UserError(
            f"{what.capitalize()} «{path.name}» lồng nhau quá nhiều tầng, không phải tệp của "
            "chương trình.",
            f"{path}: nesting too deep for the JSON parser",
        ) from exc
    except OSError as exc:
        raise UserError(f"Không đọc được {what} «{path}».", f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise UserError(
            f"{what.capitalize()} «{path.name}» phải là một đối tượng JSON {{…}}.", "not an object"
        )
    return data
