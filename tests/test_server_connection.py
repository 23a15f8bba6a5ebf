"""Connecting to the agency's server from the window and the command line: the settings in the
data folder, the password in the keyring (never in a file), every refusal in Vietnamese; on a real
throw-away cluster (tests/pg_server.py)."""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backends import fail

from assistant.core.errors import UserError
from assistant.gui import messages, server_dialog
from assistant.gui.server_dialog import ServerDialog
from assistant.storage import offline, server_settings
from assistant.storage.contract import ServerUnreachable
from assistant.storage.history import History
from assistant.storage.server_settings import SETTINGS_FILE, ServerSettings
from tests import file_keyring
from tests.pg_server import create_database

REPO = Path(__file__).resolve().parent.parent
TOKEN = uuid.uuid4().hex[:12]  # found whatever the encoding a file would hold the password in
PASSWORD = "mật-khẩu-Ω-" + TOKEN


@pytest.fixture
def file_ring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The keyring is a file outside the data folder, in this process and in subprocesses."""
    before = keyring.get_keyring()  # the process's own, chosen before the variables are set
    path = tmp_path / "keyring.json"
    monkeypatch.setenv(file_keyring.ENV, str(path))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", file_keyring.NAME)
    monkeypatch.setattr(server_settings, "_session", {})
    keyring.set_keyring(file_keyring.FileKeyring())
    yield path
    keyring.set_keyring(before)


@pytest.fixture
def no_ring(monkeypatch: pytest.MonkeyPatch):
    """A PC without any keyring (a headless Linux): keyring's own "fail" backend."""
    monkeypatch.setattr(server_settings, "_session", {})
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture(scope="session")
def password_login(pg_server: str) -> tuple[str, int, str]:
    """(host, port, user) of a login that must give ``PASSWORD`` (scram), on a cluster that
    otherwise trusts: a pg_hba.conf line for this login alone, put first."""
    user = f"p_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {user} LOGIN PASSWORD '{PASSWORD}'")
        hba = Path(conn.execute("SHOW hba_file").fetchone()[0])
        hba.write_text(
            f"host all {user} 127.0.0.1/32 scram-sha-256\n" + hba.read_text(), encoding="utf-8"
        )
        conn.execute("SELECT pg_reload_conf()")
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    return str(info["host"]), int(info["port"]), user


@pytest.fixture
def database(pg_server: str, password_login) -> str:
    """A new database that the password login owns."""
    name = create_database(pg_server).rsplit("/", 1)[1]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f"ALTER DATABASE {name} OWNER TO {password_login[2]}")
    return name


def _fill(dialog: ServerDialog, host: str, port: int, database: str, user: str, password: str):
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def _files_with_password(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and TOKEN.encode() in p.read_bytes()]


def test_the_dialog_connects_saves_the_password_in_the_keyring_and_the_history_opens_there(
    qtbot, data_dir: Path, file_ring: Path, password_login, database: str
) -> None:
    host, port, user = password_login
    dialog = ServerDialog(data_dir)
    qtbot.addWidget(dialog)
    assert dialog.tls.currentData() == "prefer"  # TLS whenever the server offers it
    _fill(dialog, host, port, database, user, PASSWORD)
    assert dialog.try_connection()
    assert dialog.result.text() == "Kết nối thành công."
    dialog.save()
    assert "từ lần mở sau" in dialog.result.text()
    assert not dialog.restart_button.isVisibleTo(dialog)  # no main window to start again
    saved = (data_dir / SETTINGS_FILE).read_text(encoding="utf-8")
    assert user in saved and database in saved
    # The password went through keyring's API into its backend, and nowhere in the data folder.
    assert PASSWORD in file_ring.read_text(encoding="utf-8")
    assert _files_with_password(data_dir) == []
    server_settings._session.clear()  # as at the next start: only the keyring knows it
    history = History.open_in(data_dir)
    try:
        assert database in history.store.where
        assert history.list() == []
    finally:
        history.close()
    assert _files_with_password(data_dir) == []  # nor in the log, nor in a SQLite file
    reopened = ServerDialog(data_dir)  # the saved settings shown again, the password not
    qtbot.addWidget(reopened)
    assert (reopened.host.text(), reopened.port.value(), reopened.user.text()) == (host, port, user)
    assert reopened.password.text() == "" and "đã lưu" in reopened.password.placeholderText()
    reopened.use_local()
    assert not (data_dir / SETTINGS_FILE).exists()
    assert PASSWORD not in file_ring.read_text(encoding="utf-8")


def test_a_wrong_password_is_told_in_vietnamese(
    qtbot, data_dir: Path, file_ring: Path, password_login, database: str
) -> None:
    host, port, user = password_login
    dialog = ServerDialog(data_dir)
    qtbot.addWidget(dialog)
    _fill(dialog, host, port, database, user, "sai-mat-khau")
    assert not dialog.try_connection()
    assert "sai tên người dùng hoặc mật khẩu" in dialog.result.text()
    assert "password" not in dialog.result.text().lower()


def _refusal(settings: ServerSettings, password: str | None = None) -> UserError:
    with pytest.raises(UserError) as caught:
        server_settings.try_connection(settings, password)
    return caught.value


def test_each_refusal_has_its_vietnamese_reason(pg_server: str, password_login) -> None:
    host, port, user = password_login
    info = psycopg.conninfo.conninfo_to_dict(pg_server)
    missing = _refusal(ServerSettings(host, "khong_co", "postgres", port))
    assert "không có cơ sở dữ liệu «khong_co»" in missing.message
    nobody = _refusal(ServerSettings(host, "postgres", "ai_do", port))
    assert "không có tài khoản «ai_do»" in nobody.message
    no_password = _refusal(ServerSettings(host, "postgres", user, port))
    assert "chưa có mật khẩu" in no_password.message
    # The test cluster has no TLS: a connection that requires it is refused, and says why.
    tls = _refusal(ServerSettings(host, "postgres", "postgres", int(info["port"]), "require"))
    assert "không hỗ trợ mã hoá (TLS)" in tls.message
    down = _refusal(ServerSettings("127.0.0.1", "postgres", "postgres", _closed_port()))
    assert isinstance(down, ServerUnreachable) and "không tới được máy chủ" in down.message
    for refused in (missing, nobody, no_password, tls, down):
        assert not {"failed", "connection", "password", "server"} & set(refused.message.split())


def _closed_port() -> int:
    """A port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_without_a_keyring_the_password_is_kept_for_the_session_only(
    qtbot, data_dir: Path, no_ring, password_login, database: str
) -> None:
    host, port, user = password_login
    assert not server_settings.keyring_usable()
    dialog = ServerDialog(data_dir)
    qtbot.addWidget(dialog)
    assert "không có kho mật khẩu" in dialog.result.text()  # said before anything is typed
    _fill(dialog, host, port, database, user, PASSWORD)
    dialog.save()
    assert "không có kho mật khẩu" in dialog.result.text()
    assert _files_with_password(data_dir) == []
    history = History.open_in(data_dir)  # this session still connects
    history.close()
    server_settings._session.clear()  # the next start: the clerk is asked again
    with pytest.raises(UserError, match="chưa có mật khẩu"):
        History.open_in(data_dir)


def _cli(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


def test_the_server_command_sets_shows_and_clears(
    data_dir: Path, file_ring: Path, password_login, database: str
) -> None:
    host, port, user = password_login
    set_ = _cli(
        data_dir, "server", "set", "--host", host, "--port", str(port), "--db-name", database,
        "--user", user, "--password-stdin", "--check", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert set_.returncode == 0, set_.stderr
    assert "thành công" in set_.stdout and PASSWORD not in set_.stdout
    assert PASSWORD in file_ring.read_text(encoding="utf-8")
    assert _files_with_password(data_dir) == []
    shown = _cli(data_dir, "server", "show")
    assert f"Người dùng: {user}" in shown.stdout and "đã lưu" in shown.stdout
    listed = _cli(data_dir, "history", "list")  # the saved server, its password from the keyring
    assert listed.returncode == 0, listed.stderr
    assert "Không có báo cáo nào." in listed.stdout
    assert _files_with_password(data_dir) == []  # the log names the server, not this
    cleared = _cli(data_dir, "server", "clear")
    assert cleared.returncode == 0 and not (data_dir / SETTINGS_FILE).exists()
    assert PASSWORD not in file_ring.read_text(encoding="utf-8")
    assert "trên máy này" in _cli(data_dir, "server", "show").stdout


def test_the_server_command_refuses_a_bad_port_in_vietnamese(data_dir: Path) -> None:
    refused = _cli(data_dir, "server", "set", "--host", "h", "--port", "0", "--db-name", "d",
                   "--user", "u")  # fmt: skip
    assert refused.returncode == 2 and "Cổng phải là một số" in refused.stderr
    assert not (data_dir / SETTINGS_FILE).exists()


def test_the_tools_menu_opens_the_dialog(qtbot, data_dir: Path, file_ring: Path) -> None:
    from assistant.gui.main_window import MainWindow

    window = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(window)
    tools = next(m.menu() for m in window.menuBar().actions() if m.text() == "&Công cụ")
    (connect,) = [a for a in tools.actions() if a.text() == "Kết nối máy chủ dữ liệu…"]
    connect.trigger()
    (dialog,) = window.findChildren(ServerDialog)
    assert dialog.isVisible() and dialog.port.value() == 5432
    dialog.close()


def _window(qtbot, data_dir: Path):
    from assistant.gui.main_window import MainWindow

    window = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(window)
    return window


def test_a_window_without_a_keyring_asks_the_password_for_the_session(
    qtbot, data_dir: Path, no_ring, password_login, database: str, monkeypatch
) -> None:
    host, port, user = password_login
    server_settings.save(data_dir, ServerSettings(host, database, user, port))
    asked: list[str] = []
    monkeypatch.setattr(
        server_dialog, "ask_password", lambda saved: asked.append(saved.user) or PASSWORD
    )
    window = _window(qtbot, data_dir)
    assert asked == [user]
    assert database in window.history.store.where  # on the server, not offline
    assert _files_with_password(data_dir) == []
    window.close()


def test_a_window_whose_saved_password_is_refused_opens_offline_and_says_why(
    qtbot, data_dir: Path, file_ring: Path, password_login, database: str, monkeypatch
) -> None:
    host, port, user = password_login
    saved = ServerSettings(host, database, user, port)
    server_settings.save(data_dir, saved)
    server_settings.store_password(saved, "mật khẩu cũ")  # changed on the server since
    server_settings._session.clear()
    said: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda p, t, x: said.append(x))
    window = _window(qtbot, data_dir)
    qtbot.waitUntil(lambda: bool(said))
    assert "sai tên người dùng hoặc mật khẩu" in said[0]
    assert isinstance(window.history.store, offline.OfflineStore)
    window.close()
