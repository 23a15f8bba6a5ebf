"""The saved agency profile: ``profile.json`` in the user's data folder.

A profile that cannot be read (cut short, edited by hand) is never overwritten as it is: saving a
new one first keeps the old file beside it as ``profile-damaged-<date-time>.json``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from assistant.core.answers import profile_from_dict, profile_to_dict
from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_bytes, atomic_write_text, read_json_object
from assistant.core.model import AgencyProfile
from assistant.paths import PROFILE_FILE


def load_profile(data_dir: Path) -> AgencyProfile | None:
    """The saved profile, or None when the clerk has not set one up yet."""
    path = data_dir / PROFILE_FILE
    if not path.exists():
        return None
    return profile_from_dict(read_json_object(path, "tệp thông tin cơ quan"))


def save_profile(data_dir: Path, profile: AgencyProfile) -> Path:
    data = profile_to_dict(profile)
    profile_from_dict(data)  # never save what cannot be read back
    try:
        load_profile(data_dir)
    except UserError:
        _keep_damaged(data_dir)
    return atomic_write_text(
        data_dir / PROFILE_FILE, json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    )


def _keep_damaged(data_dir: Path) -> Path:
    """A copy of the profile file that cannot be read, beside it, under a name no file has."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target, n = data_dir / f"profile-damaged-{stamp}.json", 1
    while target.exists():
        n += 1
        target = data_dir / f"profile-damaged-{stamp}-{n}.json"
    return atomic_write_bytes(target, (data_dir / PROFILE_FILE).read_bytes())
