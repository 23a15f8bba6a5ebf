"""Where things live: the bundled resources and templates, and the user's data folder.

Bundled data sits in the top-level ``resources/`` and ``templates/`` folders beside the package
(a source checkout, or a PyInstaller one-folder build that keeps the same layout). User data goes
to the local (not roaming) application-data folder; ``--data-dir`` or ``BAO_CAO_NHANH_DATA``
relocate it.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "BaoCaoNhanh"
DATA_DIR_ENV = "BAO_CAO_NHANH_DATA"

_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = _ROOT / "resources"
TEMPLATES = _ROOT / "templates"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder, created on first use."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else user_data_path(APP_NAME, appauthor=False, roaming=False)
    path.mkdir(parents=True, exist_ok=True)
    return path
