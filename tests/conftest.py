"""Shared test set-up: Qt runs offscreen, and each test gets its own user data folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder, also set in the environment for subprocesses."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("BAO_CAO_NHANH_DATA", str(folder))
    return folder
