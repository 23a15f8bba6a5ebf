"""The PDF of a report kept in its history entry (schema v7 on SQLite, v3 on the server): recorded
by ``History.record_pdf``, by ``history pdf ID`` and by the history tab's «Xuất PDF…», on both
backends. Converting needs LibreOffice (or Word): those tests are slow."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.gui import export_actions, messages
from assistant.gui.history_tab import FILE_COLUMN, HistoryTab
from assistant.storage import postgres
from assistant.storage.history import History
from tests import factories

REPO = Path(__file__).resolve().parent.parent
needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice not installed",
)


@pytest.fixture(params=["sqlite", "postgres"])
def url(request: pytest.FixtureRequest) -> str | None:
    return request.getfixturevalue("pg_url") if request.param == "postgres" else None


@pytest.fixture
def history(url: str | None, data_dir: Path):
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    opened = History.open_in(data_dir, url)
    yield opened
    opened.close()


def _generated(history: History, out: Path) -> int:
    report = answers_to_report(factories.answers(date="2024-06-28"), factories.directive())
    return history.generate(report, out)[0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_pdf_is_recorded_in_the_entry_and_only_for_a_report_with_a_file(
    history: History, tmp_path: Path
) -> None:
    entry_id = _generated(history, tmp_path / "bc.docx")
    assert (history.get(entry_id).pdf_path, history.get(entry_id).pdf_sha256) == (None, None)
    history.record_pdf(entry_id, tmp_path / "bc.pdf", "ab" * 32)
    entry = history.get(entry_id)
    assert (entry.pdf_path, entry.pdf_sha256) == (str(tmp_path / "bc.pdf"), "ab" * 32)
    assert history.list()[0].pdf_path == entry.pdf_path  # every reading returns it
    draft = history.save_draft(factories.directive(), factories.answers(number=None))
    with pytest.raises(UserError, match="Chỉ ghi được bản PDF cho báo cáo đã tạo"):
        history.record_pdf(draft, tmp_path / "x.pdf", "cd" * 32)
    with pytest.raises(UserError, match="Không có báo cáo"):
        history.record_pdf(9999, tmp_path / "x.pdf", "cd" * 32)


def test_a_server_at_v2_gains_the_pdf_columns_and_the_directive_index(pg_url: str, data_dir: Path) -> None:
    """As a server made by an earlier version (v2): its schema brought to the current one when
    next opened."""
    History.open_in(data_dir, pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("ALTER TABLE reports DROP COLUMN pdf_path, DROP COLUMN pdf_sha256")
        conn.execute("DROP INDEX reports_directive")  # v4's
        conn.execute("UPDATE schema_version SET version = 2")
    History.open_in(data_dir, pg_url).close()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == 4
        assert postgres.SCHEMA_VERSION == 4
        indexes = conn.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'reports'")
        assert ("reports_directive",) in indexes.fetchall()
        columns = conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'reports'"
        ).fetchall()
    assert {("pdf_path",), ("pdf_sha256",)} <= set(columns)


@pytest.mark.slow
@needs_office
def test_history_pdf_writes_the_pdf_and_records_it(
    history: History, url: str | None, data_dir: Path, tmp_path: Path
) -> None:
    entry_id = _generated(history, tmp_path / "bc.docx")
    database = ["--database", url] if url else []
    out = tmp_path / "gửi đi.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), *database,
         "history", "pdf", str(entry_id), str(out)],
        capture_output=True, text=True, cwd=REPO, timeout=240,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF")
    entry = history.get(entry_id)
    assert (entry.pdf_path, entry.pdf_sha256) == (str(out), _sha(out))
    assert _sha(out) in run.stdout


@pytest.mark.slow
@needs_office
def test_the_history_tab_export_records_the_pdf_and_shows_it(
    qtbot, history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = _generated(history, tmp_path / "bc.docx")
    out = tmp_path / "bc.pdf"
    said: list[str] = []
    monkeypatch.setattr(export_actions, "ask_pdf_path", lambda parent, proposed: str(out))
    monkeypatch.setattr(messages, "inform", lambda p, t, x: said.append(x))
    monkeypatch.setattr(messages, "warn", lambda p, t, x: said.append(x))
    tab = HistoryTab(history)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.table.selectRow(0)
    tab.export_pdf()
    qtbot.waitUntil(lambda: history.get(entry_id).pdf_path is not None, timeout=240_000)
    assert history.get(entry_id).pdf_sha256 == _sha(out)
    index = tab.model.index(0, FILE_COLUMN)
    qtbot.waitUntil(lambda: "PDF" in tab.model.data(index))
    assert str(out) in tab.model.data(index, Qt.ToolTipRole)
    assert any("Đã xuất bản PDF" in text for text in said)
