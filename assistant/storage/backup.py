"""Backup of the history: one .zip with a consistent copy of the database and the documents."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zipfile
import zlib
from datetime import datetime
from pathlib import Path

from assistant.core.errors import UserError
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

    Nothing in the data folder changes until the backup's database has passed its checks.
    """
    try:
        with zipfile.ZipFile(zip_path) as archive:
            manifest = json.loads(archive.read(MANIFEST))
            if manifest.get("kind") != KIND:
                raise _bad(zip_path, f"{zip_path}: manifest kind {manifest.get('kind')!r}")
            staged = _stage(archive.read(DB_NAME), db_path.parent, zip_path)
            try:
                _check(staged, zip_path)
                paths = _extract_documents(archive, manifest["documents"], db_path.parent)
                _point_to(staged, paths)
            except BaseException:
                staged.unlink(missing_ok=True)
                raise
    except (
        OSError,
        KeyError,
        ValueError,
        TypeError,
        sqlite3.DatabaseError,
        zipfile.BadZipFile,
        zlib.error,
    ) as exc:
        raise _bad(zip_path, f"{zip_path}: {exc!r}") from exc
    if db_path.exists():
        set_aside(db_path, "before-restore")
    os.replace(staged, db_path)


def _stage(database: bytes, folder: Path, zip_path: Path) -> Path:
    fd, name = tempfile.mkstemp(suffix=".sqlite3.tmp", dir=folder)
    os.close(fd)
    Path(name).write_bytes(database)
    return Path(name)


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


def _extract_documents(
    archive: zipfile.ZipFile, documents: dict[str, str], folder: Path
) -> dict[int, str]:
    """Each document into restored-documents/<time>/<report id>/; names from the zip never make
    a path (a hostile manifest cannot write outside that folder)."""
    target_dir = folder / "restored-documents" / datetime.now().strftime("%Y%m%d-%H%M%S")
    paths = {}
    for key, name in documents.items():
        report_id = int(key)
        target = target_dir / str(report_id) / Path(name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(archive.read(name))
        paths[report_id] = str(target)
    return paths


def _point_to(staged: Path, paths: dict[int, str]) -> None:
    conn = sqlite3.connect(staged)
    try:
        with conn:
            for report_id, path in paths.items():
                conn.execute("UPDATE reports SET output_path = ? WHERE id = ?", [path, report_id])
    finally:
        conn.close()
