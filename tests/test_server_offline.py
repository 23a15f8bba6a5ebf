"""When the agency's server does not answer: drafts are kept on the PC, generating is refused with
a Vietnamese reason, and once the server answers again the drafts move onto it; the window says
all this. The server here is the throw-away cluster (tests/pg_server.py), "down" a port nothing
listens on."""

import json
import socket
from pathlib import Path

import psycopg
import pytest

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.gui import messages
from assistant.gui.main_window import MainWindow
from assistant.storage import offline, server_settings
from assistant.storage.contract import ServerUnreachable
from assistant.storage.history import History
from assistant.storage.server_settings import ServerSettings
from tests import factories


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def library(data_dir: Path) -> Path:
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    return data_dir


def _server(data_dir: Path, url: str | None) -> None:
    """Point the data folder at the server of ``url`` (trusting logins), or at one that is down."""
    if url is None:
        server_settings.save(
            data_dir, ServerSettings("127.0.0.1", "bcn", "postgres", _closed_port())
        )
        return
    info = psycopg.conninfo.conninfo_to_dict(url)
    server_settings.save(
        data_dir, ServerSettings(info["host"], info["dbname"], info["user"], int(info["port"]))
    )


def _offline_draft(data_dir: Path) -> tuple[int, dict]:
    history, unreachable = offline.open_history(data_dir)
    try:
        assert isinstance(unreachable, ServerUnreachable)
        assert isinstance(history.store, offline.OfflineStore)
        answers = factories.answers(date="2024-06-28", number=None)
        return history.save_draft(factories.directive(), answers), answers
    finally:
        history.close()


def test_offline_drafts_are_kept_generating_is_refused_and_they_move_to_the_server(
    library: Path, pg_url: str, tmp_path: Path
) -> None:
    _server(library, None)
    draft_id, answers = _offline_draft(library)
    history, _ = offline.open_history(library)
    out = tmp_path / "báo cáo.docx"
    with pytest.raises(UserError, match="Chưa kết nối được máy chủ dữ liệu"):
        history.generate(answers_to_report(answers, factories.directive()), out, entry_id=draft_id)
    assert not out.exists() and not list(tmp_path.glob("*.docx*"))
    assert history.status(draft_id) == "draft" and history.get(draft_id).answers == answers
    history.close()

    _server(library, pg_url)  # the server answers again
    assert offline.waiting(library) == 1
    server, unreachable = offline.open_history(library)
    try:
        assert unreachable is None
        done = offline.move_to_server(library, server)
        assert (done.copied, done.conflicts) == (1, [])
        (moved,) = server.list(status="draft")
        assert moved.answers == answers
    finally:
        server.close()
    assert not (library / offline.OFFLINE_FILE).exists() and offline.waiting(library) == 0


class Clerk:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        monkeypatch.setattr(messages, "warn", lambda p, t, x: self.shown.append(("warn", x)))
        monkeypatch.setattr(messages, "ask", lambda p, t, x: self.shown.append(("ask", x)) or True)


def _window(qtbot, data_dir: Path) -> MainWindow:
    window = MainWindow(data_dir, open_results=False)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_window_says_the_server_is_down_once_and_offers_the_drafts_when_it_is_back(
    qtbot, library: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = Clerk(monkeypatch)
    _server(library, None)
    window = _window(qtbot, library)
    qtbot.waitUntil(lambda: bool(clerk.shown))
    assert "Không kết nối được máy chủ dữ liệu" in window.statusBar().currentMessage()
    ((kind, text),) = clerk.shown
    assert kind == "warn" and "không tới được máy chủ" in text
    assert isinstance(window.history.store, offline.OfflineStore)
    window.close()
    _offline_draft(library)

    clerk.shown.clear()
    _server(library, pg_url)
    window = _window(qtbot, library)
    qtbot.waitUntil(lambda: "Đã chuyển" in window.statusBar().currentMessage())
    assert clerk.shown[0][0] == "ask" and "1 bản nháp" in clerk.shown[0][1]
    assert [e.status for e in window.history.list(status="draft")] == ["draft"]
    assert not (library / offline.OFFLINE_FILE).exists()
    window.close()


def test_a_lost_connection_is_told_then_opened_again_once_the_server_answers(
    library: Path, pg_server: str, pg_url: str
) -> None:
    history = History.open_in(library, pg_url)
    try:
        pid = history.store.conn.info.backend_pid
        with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])  # as a server restart does
        with pytest.raises(ServerUnreachable, match="Không kết nối được máy chủ dữ liệu"):
            history.list()
        draft = history.save_draft(factories.directive(), factories.answers(number=None))
        assert history.status(draft) == "draft"
        assert history.store.conn.info.backend_pid != pid
    finally:
        history.close()


def test_a_server_lost_while_typing_is_told_once_and_the_draft_kept_on_this_pc(
    qtbot, library: Path, pg_server: str, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = Clerk(monkeypatch)
    monkeypatch.setattr(messages, "inform", lambda p, t, x: clerk.shown.append(("inform", x)))
    _server(library, pg_url)
    window = _window(qtbot, library)
    window.select_directive(factories.DIRECTIVE["id"])
    window.editor.sections["proposals"].setPlainText("Trước khi mất kết nối.")
    window.drafts.save()
    on_server = window.drafts.draft_id
    database = psycopg.conninfo.conninfo_to_dict(pg_url)["dbname"]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [database]
        )
    try:
        window.editor.sections["proposals"].setPlainText("Gõ khi mất kết nối.")
        window.drafts.save()
        window.editor.sections["difficulties"].setPlainText("Gõ tiếp.")
        window.drafts.save()  # within the minute: not tried again, not told again
        warned = [text for kind, text in clerk.shown if kind == "warn"]
        assert (
            len(warned) == 1
            and "Mất kết nối máy chủ dữ liệu" in window.statusBar().currentMessage()
        )
        assert window.drafts.dirty  # nothing pretends to be saved
        window.close()
        assert offline.waiting(library) == 1
        assert "giữ trên máy này" in clerk.shown[-1][1]
        kept = History(offline.OfflineStore(library / offline.OFFLINE_FILE))
        (draft,) = kept.list(status="draft")
        assert (draft.answers["proposals"], draft.answers["difficulties"]) == (
            "Gõ khi mất kết nối.",
            "Gõ tiếp.",
        )
        kept.close()
    finally:
        with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    server = History.open_in(library, pg_url)
    assert server.get(on_server).answers["proposals"] == "Trước khi mất kết nối."
    server.close()
