"""The agency's server as the clerk set it (Công cụ → «Kết nối máy chủ dữ liệu…», or ``server
set``): host, port, database, user and TLS mode in ``server.json`` of the data folder; the
password in the OS keyring (``keyring``: Windows Credential Manager, macOS Keychain, the Secret
Service on Linux), never in a file. Without a usable keyring the password lives in this process
only (``remember``): the clerk types it again at each start.

``opening.open_store`` reads these settings when neither ``--database`` nor the environment
variable names a history.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from assistant.core.errors import UserError
from assistant.core.fileio import atomic_write_text, read_json_object
from assistant.storage.contract import ServerNotOpened

log = logging.getLogger(__name__)

SETTINGS_FILE = "server.json"
KEYRING_SERVICE = "bao-cao-nhanh"
DEFAULT_PORT = 5432
CONNECT_TIMEOUT_S = 10
# "prefer": encrypted whenever the server offers TLS (an agency's server set up by
# docs/postgres.md does), and still able to reach a test server without it; "require" refuses an
# unencrypted connection. Neither checks the certificate: IT wanting that uses a URL with
# sslmode=verify-full (--database or the environment variable).
SSL_MODES = ("prefer", "require")
NO_KEYRING = (
    "Máy này không có kho mật khẩu của hệ điều hành nên chương trình không lưu mật khẩu: mỗi lần "
    "mở, chương trình sẽ hỏi lại mật khẩu (với lệnh dòng lệnh: đặt biến môi trường PGPASSWORD)."
)

_session: dict[str, str] = {}  # passwords typed in this process when no keyring is usable


@dataclass(frozen=True)
class ServerSettings:
    """Where the agency's server is and who logs in (the password is in the keyring)."""

    host: str
    database: str
    user: str
    port: int = DEFAULT_PORT
    sslmode: str = SSL_MODES[0]

    def url(self) -> str:
        """The connection URL, without a password: safe to show and to log."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (
            f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/"
            f"{quote(self.database, safe='')}?sslmode={self.sslmode}"
        )

    @property
    def account(self) -> str:
        """The keyring's name for this login: one password per user, server and database."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def checked(host: str, database: str, user: str, port: int | str, sslmode: str) -> ServerSettings:
    """Settings from what was typed, or a UserError naming the field to correct."""
    host, database, user = host.strip(), database.strip(), user.strip()
    for value, name in ((host, "máy chủ"), (database, "cơ sở dữ liệu"), (user, "người dùng")):
        if not value or any(c.isspace() or c in "/@?#" for c in value):
            raise UserError(
                f"Hãy nhập tên {name} (không có dấu cách và các ký tự / @ ? #).",
                f"bad server setting {name!r}: {value!r}",
            )
    try:
        port = int(port)
        if not 0 < port < 65536:
            raise ValueError(port)
    except (TypeError, ValueError) as exc:
        raise UserError(
            "Cổng phải là một số từ 1 đến 65535 (thường là 5432).", f"bad port {port!r}"
        ) from exc
    if sslmode not in SSL_MODES:
        raise UserError(
            "Chế độ mã hoá phải là «prefer» hoặc «require».", f"bad sslmode {sslmode!r}"
        )
    return ServerSettings(host, database, user, port, sslmode)


def load(data_dir: Path) -> ServerSettings | None:
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return None
    # An unreadable file keeps the server's history closed, as an unreachable server does: the
    # window still opens (on the drafts kept on this PC) so that the clerk can set it again.
    try:
        return checked(**read_json_object(path, "tệp kết nối máy chủ"))
    except TypeError as exc:  # a field missing or unknown: the file was edited by hand
        raise ServerNotOpened(
            f"Tệp «{path}» không đúng dạng; hãy đặt lại kết nối trong Công cụ → «Kết nối máy chủ "
            "dữ liệu…».",
            f"{path}: {exc}",
        ) from exc
    except UserError as exc:
        raise ServerNotOpened(
            exc.message + " Hãy đặt lại kết nối trong Công cụ → «Kết nối máy chủ dữ liệu…».",
            exc.detail,
        ) from exc


def save(data_dir: Path, settings: ServerSettings) -> Path:
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    return atomic_write_text(data_dir / SETTINGS_FILE, text)


def clear(data_dir: Path) -> None:
    """Back to the local history: the settings file and the saved password go."""
    settings = load(data_dir)
    if settings is not None:
        forget_password(settings)
    (data_dir / SETTINGS_FILE).unlink(missing_ok=True)


# -- the password ---------------------------------------------------------------------------
def store_password(settings: ServerSettings, password: str) -> bool:
    """Into the keyring; False when there is none (the password is then kept for this process
    only, and the caller says so with ``NO_KEYRING``)."""
    import keyring
    from keyring.errors import KeyringError

    remember(settings, password)
    try:
        keyring.set_password(KEYRING_SERVICE, settings.account, password)
    except KeyringError as exc:  # NoKeyringError on a Linux without a Secret Service, a locked one
        log.warning("no usable keyring (%s): password kept for this session only", exc)
        return False
    return True


def remember(settings: ServerSettings, password: str) -> None:
    """For this process only: what the clerk typed when no keyring can keep it."""
    _session[settings.account] = password


def password(settings: ServerSettings) -> str | None:
    """The saved password, or None (libpq then tries PGPASSWORD and its password file)."""
    if settings.account in _session:
        return _session[settings.account]
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, settings.account)
    except NoKeyringError:
        return None  # said when the password was typed (NO_KEYRING)
    except KeyringError as exc:  # a keyring locked or refusing
        log.warning("keyring not readable: %s", exc)
        return None


def forget_password(settings: ServerSettings) -> None:
    import keyring
    from keyring.errors import KeyringError

    _session.pop(settings.account, None)
    # Nothing saved (PasswordDeleteError is a KeyringError), or no keyring: nothing to forget.
    with contextlib.suppress(KeyringError):
        keyring.delete_password(KEYRING_SERVICE, settings.account)


def keyring_usable() -> bool:
    import keyring
    from keyring.backends import fail, null

    return not isinstance(keyring.get_keyring(), fail.Keyring | null.Keyring)


def try_connection(settings: ServerSettings, password: str | None) -> None:
    """Connect once and ask the server something; a UserError says in Vietnamese why not."""
    import psycopg

    from assistant.storage.connect_errors import refusal

    try:
        with psycopg.connect(
            settings.url(),
            connect_timeout=CONNECT_TIMEOUT_S,
            **({"password": password} if password else {}),
        ) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        raise refusal(exc, settings.host, settings.user, settings.database) from exc
