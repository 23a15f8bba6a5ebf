"""Where things live: the bundled resources and templates, and the user's data folder.

The repository keeps its data in the top-level ``resources/`` and ``templates/`` folders. A wheel
carries them inside the package (``assistant/resources``, ``assistant/templates``: mapped at build
time, see ``pyproject.toml``), found with ``importlib.resources``; a source checkout and a
PyInstaller one-folder build keep them beside the package. User data goes to the local (not
roaming) application-data folder; ``--data-dir`` or ``BAO_CAO_NHANH_DATA`` relocate it.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP_NAME = "BaoCaoNhanh"
DATA_DIR_ENV = "BAO_CAO_NHANH_DATA"
CACHE_DIR_ENV = "BAO_CAO_NHANH_CACHE"
PROFILE_FILE = "profile.json"  # the agency profile, in the data folder (core.agency)

_ROOT = Path(__file__).resolve().parent.parent


def _bundled(name: str) -> Path:
    packaged = Path(str(files("assistant"))) / name
    return packaged if packaged.is_dir() else _ROOT / name


RESOURCES = _bundled("resources")
TEMPLATES = _bundled("templates")
# What the program cannot work without; checked at start so that a damaged installation says so
# instead of showing an empty library.
ESSENTIAL = (
    RESOURCES / "schemas" / "answers.schema.json",
    RESOURCES / "schemas" / "directive.schema.json",
    RESOURCES / "fonts" / "times-metrics.json",
    RESOURCES / "restore" / "model.json.gz",
    RESOURCES / "directives",
    TEMPLATES / "report.j2",
)


def missing_resources() -> list[Path]:
    """Essential bundled files that are not there (a broken or partial installation)."""
    found = [p for p in ESSENTIAL if p.exists()]
    if RESOURCES / "directives" in found and not any((RESOURCES / "directives").glob("*.json")):
        found.remove(RESOURCES / "directives")
    return [p for p in ESSENTIAL if p not in found]


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder, created on first use."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else user_data_path(APP_NAME, appauthor=False, roaming=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir(name: str) -> Path:
    """A folder for things the program can always make again (compiled templates): the user's
    cache folder, or ``BAO_CAO_NHANH_CACHE``."""
    chosen = os.environ.get(CACHE_DIR_ENV)
    root = Path(chosen) if chosen else user_cache_path(APP_NAME, appauthor=False)
    return root / name
