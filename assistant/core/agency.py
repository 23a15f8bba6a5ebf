"""The saved agency profile: ``profile.json`` in the user's data folder."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.core.answers import profile_from_dict, profile_to_dict
from assistant.core.fileio import atomic_write_text, read_json_object
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
    return atomic_write_text(
        data_dir / PROFILE_FILE, json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    )
