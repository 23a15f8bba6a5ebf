"""Restoring a hostile backup: refused in Vietnamese, and nothing in the data folder changes."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from assistant.core import limits
from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.storage.backup import DB_NAME, KIND, MANIFEST
from assistant.storage.history import History
from tests import factories
from tests.conftest import REPO

NOT_A_BACKUP = "không phải bản sao lưu hợp lệ"
HOSTILE = "có thể là tệp hỏng hoặc tệp độc hại"


@pytest.fixture
def genuine(data_dir: Path, tmp_path: Path) -> Path:
    """A real backup of a history holding one generated report and its document."""
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    history = History.open_in(data_dir)
    report = answers_to_report(factories.answers(number=None), factories.directive())
    history.generate(report, tmp_path / "docs" / "a.docx")
    backup = history.export(tmp_path / "genuine.zip")
    history.close()
    return backup


def rewrite(source: Path, target: Path, parts: dict[str, bytes | None]) -> Path:
    """``source`` with the named parts replaced, or left out where None."""
    with (
        zipfile.ZipFile(source) as old,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as new,
    ):
        for item in old.infolist():
            data = parts.get(item.filename, old.read(item))
            if data is not None:
                new.writestr(item.filename, data)
    return target


def manifest(documents: object, kind: object = KIND) -> bytes:
    return json.dumps({"kind": kind, "documents": documents}).encode()


def hostile_parts(document: str) -> dict[str, dict[str, bytes | None]]:
    """Each hostile change, by name; ``document`` is the genuine backup's document part."""
    incompressible = base64.b64encode(os.urandom(limits.JSON_FILE_MAX_BYTES))
    return {
        "manifest-list": {MANIFEST: json.dumps([KIND, {"1": document}]).encode()},
        "manifest-string": {MANIFEST: json.dumps(KIND).encode()},
        "manifest-not-json": {MANIFEST: b"\xff\xfe{"},
        "manifest-nested": {MANIFEST: b"[" * 100_000 + b"]" * 100_000},
        "manifest-huge": {MANIFEST: b'{"kind": "%s", "x": "%s"}' % (KIND.encode(), incompressible)},
        "no-manifest": {MANIFEST: None},
        "other-kind": {MANIFEST: manifest({"1": document}, kind="other")},
        "documents-list": {MANIFEST: manifest([document])},
        "documents-null": {MANIFEST: manifest(None)},
        "non-digit-key": {MANIFEST: manifest({"1a": document})},
        "superscript-key": {MANIFEST: manifest({"²": document})},
        "escaping-key": {MANIFEST: manifest({"../../x": document})},
        "id-too-large": {MANIFEST: manifest({"9" * 30: document})},
        "name-not-a-string": {MANIFEST: manifest({"1": 7})},
        "document-missing": {MANIFEST: manifest({"1": "documents/9/z.docx"})},
        "no-database": {DB_NAME: None},
        "database-bomb": {DB_NAME: b"\0" * (2 * limits.ZIP_RATIO_FLOOR_BYTES)},
    }


def _files(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size) for p in folder.rglob("*"))


NAMES = list(hostile_parts("d"))


@pytest.mark.parametrize("name", NAMES)
def test_hostile_backup_is_refused_and_changes_nothing(
    genuine: Path, data_dir: Path, tmp_path: Path, name: str
) -> None:
    document = json.loads(zipfile.ZipFile(genuine).read(MANIFEST))["documents"]["1"]
    crafted = rewrite(genuine, tmp_path / f"{name}.zip", hostile_parts(document)[name])
    before = _files(data_dir)
    with pytest.raises(UserError) as caught:
        History.restore(crafted, data_dir)
    assert (HOSTILE if name == "database-bomb" else NOT_A_BACKUP) in caught.value.message
    assert f"«{name}.zip»" in caught.value.message
    assert _files(data_dir) == before
    history = History.open_in(data_dir)
    assert history.count() == 1
    history.close()


def test_the_genuine_backup_rewritten_unchanged_still_restores(
    genuine: Path, data_dir: Path, tmp_path: Path
) -> None:
    """The control for the test above: rewriting alone does not make a backup hostile."""
    history = History.restore(rewrite(genuine, tmp_path / "same.zip", {}), data_dir)
    assert history.count() == 1
    assert Path(history.get(1).output_path).is_file()
    history.close()


def test_history_restore_command_refuses_a_list_manifest(
    genuine: Path, data_dir: Path, tmp_path: Path
) -> None:
    crafted = rewrite(genuine, tmp_path / "list.zip", {MANIFEST: b"[]"})
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "history", "restore", str(crafted)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert NOT_A_BACKUP in done.stderr and "Traceback" not in done.stderr
