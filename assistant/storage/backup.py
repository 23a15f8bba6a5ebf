"""Backup of the history: one .zip with a consistent copy of the database and the documents."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from assistant.core.archive import open_zip
from assistant.core.errors import UserError
from assistant.core.limits import JSON_FILE_MAX_BYTES
from assistant.storage.db import SCHEMA_VERSION, set_aside

DB_NAME = "history.sqlite3"
MANIFEST = "manifest.json"
KIND = "bao-cao-nhanh-backup"


def export(conn: sqlite3.Connection, documents: dict[int, Path], zip_path: Path) -> Path:
    """Write the zip beside its target and rename it over: never half a backup."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / DB_NAME
        target = sqlite3.connect(copy)
        conn.backup(target)  # consistent even while the WAL holds unmerged pages
        target.close()
        fd, partial = tempfile.mkstemp(suffix=".zip.tmp", dir=zip_path.parent)
        os.close(fd)
        try:
            names = {}
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(copy, DB_NAME)
                for report_id, path in documents.items():
                    if path.is_file():
                        names[str(report_id)] = f"documents/{report_id}/{path.name}"
                        archive.write(path, names[str(report_id)])
                archive.writestr(
                    MANIFEST, json.dumps({"kind": KIND, "documents": names}, ensure_ascii=False)
                )
            os.replace(partial, zip_path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return zip_path


def _bad(zip_path: Path, detail: str) -> UserError:
    return UserError(
        f"Tệp «{zip_path.name}» không phải bản sao lưu hợp lệ của Báo cáo nhanh.", detail
    )


def restore(zip_path: Path, db_path: Path) -> None:
    """Check the backup, extract its documents, then swap the database in (the old one kept aside).

    Nothing in the data folder changes until the zip's parts, its manifest and its database have
    passed their checks.
    """
    try:
        with zip_path.open("rb") as stream, open_zip(stream, zip_path.name) as archive:
            documents = _documents(archive, zip_path)
            fd, name = tempfile.mkstemp(suffix=".sqlite3.tmp", dir=db_path.parent)
            os.close(fd)
            staged = Path(name)
            try:
                _copy(archive, DB_NAME, staged)  # KeyError: a zip without the database
                _check(staged, zip_path)
                targets = _targets(documents, db_path.parent)
                _point_to(staged, targets)  # first: an id SQLite cannot hold fails before a write
                _extract(archive, documents, targets)
            except BaseException:
                staged.unlink(missing_ok=True)
                raise
    except (
        OSError,
        KeyError,
        EOFError,  # a part cut short: a backup copied only in part
        NotImplementedError,  # a zip feature zipfile does not read ("zip file version 10.0")
        ValueError,
        OverflowError,  # a report id too large for SQLite
        RecursionError,  # a manifest nested too deep for the JSON parser
        sqlite3.DatabaseError,
        zipfile.BadZipFile,
        zlib.error,
    ) as exc:
        raise _bad(zip_path, f"{zip_path}: {exc!r}") from exc
    if db_path.exists():
        set_aside(db_path, "before-restore")
    os.replace(staged, db_path)


def _documents(archive: zipfile.ZipFile, zip_path: Path) -> dict[str, str]:
    """The manifest's report id → document part, once the manifest is proven to be ours: a JSON
    object of our ``kind`` whose ids are digit strings and whose parts are files in the zip."""
    info = archive.getinfo(MANIFEST)
    if info.file_size > JSON_FILE_MAX_BYTES:
        raise _bad(zip_path, f"{zip_path}: manifest of {info.file_size} bytes")
    manifest = json.loads(archive.read(info))
    documents = manifest.get("documents") if isinstance(manifest, dict) else None
    names = set(archive.namelist())
    if not (
        isinstance(manifest, dict)
        and manifest.get("kind") == KIND
        and isinstance(documents, dict)
        and all(_is_entry(key, part, names) for key, part in documents.items())
    ):
        raise _bad(zip_path, f"{zip_path}: manifest {str(manifest)[:300]!r}")
    return documents


def _is_entry(key: str, part: object, names: set[str]) -> bool:
    return (
        key.isascii()
        and key.isdigit()  # isdigit alone takes "²" and "٣", which int() refuses
        and isinstance(part, str)
        and part in names
        and Path(part).name.strip(".") != ""  # only its file name is kept: it must have one
    )


def _copy(archive: zipfile.ZipFile, part: str, target: Path) -> None:
    """Stream one part to ``target``: a part is never held whole in memory."""
    with archive.open(part) as source, target.open("wb") as out:
        shutil.copyfileobj(source, out)


def _check(staged: Path, zip_path: Path) -> None:
    """A sound history database of a version this program knows (older ones migrate on opening)."""
    conn = sqlite3.connect(staged)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise UserError(
                f"Bản sao lưu «{zip_path.name}» do phiên bản mới hơn của chương trình tạo ra; hãy "
                "cập nhật chương trình rồi khôi phục lại. Lịch sử hiện tại vẫn giữ nguyên.",
                f"{zip_path}: schema version {version}, this program knows {SCHEMA_VERSION}",
            )
        conn.execute("SELECT id, answers FROM reports LIMIT 1")  # raises if not our database
        if version < 1 or conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _bad(zip_path, f"database in backup: version {version} or quick_check failed")
    finally:
        conn.close()


def _targets(documents: dict[str, str], folder: Path) -> dict[str, Path]:
    """Where each document goes: restored-documents/<time>/<report id>/<file name>. Names from the
    zip never make a path (a hostile manifest cannot write outside that folder)."""
    target_dir = folder / "restored-documents" / datetime.now().strftime("%Y%m%d-%H%M%S")
    return {key: target_dir / str(int(key)) / Path(part).name for key, part in documents.items()}


def _extract(archive: zipfile.ZipFile, documents: dict[str, str], targets: dict[str, Path]) -> None:
    for key, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(archive, documents[key], target)


def _point_to(staged: Path, targets: dict[str, Path]) -> None:
    conn = sqlite3.connect(staged)
    try:
        with conn:
            for key, path in targets.items():
                conn.execute(
                    "UPDATE reports SET output_path = ? WHERE id = ?", [str(path), int(key)]
                )
    finally:
        conn.close()
