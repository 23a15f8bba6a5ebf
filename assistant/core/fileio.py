"""Atomic file writes: a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from assistant.core.errors import UserError


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it over."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    return atomic_write_bytes(path, text.encode("utf-8"))


def read_json_object(path: Path, what: str) -> dict:
    """Read a JSON object; every failure is a UserError naming the file (and the line of a syntax
    error), ``what`` being the Vietnamese name of the file ("tệp trả lời")."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
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
    except OSError as exc:
        raise UserError(f"Không đọc được {what} «{path}».", f"{path}: {exc}") from exc
    if not isinstance(data, dict):
        raise UserError(
            f"{what.capitalize()} «{path.name}» phải là một đối tượng JSON {{…}}.", "not an object"
        )
    return data
