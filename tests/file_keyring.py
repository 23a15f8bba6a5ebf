"""A keyring backend for tests: a JSON file named by ``BCN_TEST_KEYRING``, outside the data
folder, so that a test can see what the product put in "the keyring" (and that it put nothing
in the data folder). Chosen with keyring's documented ``PYTHON_KEYRING_BACKEND`` in
subprocesses, ``keyring.set_keyring`` in the test process."""

import json
import os
from pathlib import Path

from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ENV = "BCN_TEST_KEYRING"
NAME = "tests.file_keyring.FileKeyring"


class FileKeyring(KeyringBackend):
    @classmethod
    def _path(cls) -> Path:
        return Path(os.environ[ENV])

    @properties.classproperty
    def priority(cls) -> float:
        """Not viable without its file named: never chosen on its own, only where a test names
        it."""
        if ENV not in os.environ:
            raise RuntimeError(f"{ENV} not set")
        return 0.1

    def _all(self) -> dict:
        path = self._path()
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        saved = self._all()
        saved[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        saved = self._all()
        if saved.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError(username)
        self._path().write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
