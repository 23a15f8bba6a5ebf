"""Backup of the history: one .zip with a consistent copy of the database and the documents."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from assistant.core.errors import UserError
from assistant.storage.db import set_aside

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
    """Check the backup, extract its documents, then swap the database in (the old one kept aside)."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise _bad(zip_path, f"{zip_path}: {exc}") from exc
    with archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
            database = archive.read(DB_NAME)
        except (KeyError, ValueError) as exc:
            raise _bad(zip_path, f"{zip_path}: {exc}") from exc
        if manifest.get("kind") != KIND:
            raise _bad(zip_path, f"{zip_path}: manifest kind {manifest.get('kind')!r}")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = db_path.parent / "restored-documents" / stamp
        paths = {}
        for report_id, name in manifest.get("documents", {}).items():
            target = folder / report_id / Path(name).name  # our own names only: no path traversal
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(name))
            paths[int(report_id)] = str(target)
    fd, staged = tempfile.mkstemp(suffix=".sqlite3.tmp", dir=db_path.parent)
    os.close(fd)
    Path(staged).write_bytes(database)
    _point_to_restored(Path(staged), paths, zip_path)
    if db_path.exists():
        set_aside(db_path, "before-restore")
    os.replace(staged, db_path)


def _point_to_restored(staged: Path, paths: dict[int, str], zip_path: Path) -> None:
    conn = sqlite3.connect(staged)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _bad(zip_path, "database in backup fails quick_check")
        with conn:
            for report_id, path in paths.items():
                conn.execute("UPDATE reports SET output_path = ? WHERE id = ?", [path, report_id])
    except sqlite3.DatabaseError as exc:
        staged.unlink(missing_ok=True)
        raise _bad(zip_path, f"database in backup: {exc}") from exc
    finally:
        conn.close()
