"""The roles on the server: a specialist («chuyên viên») drafts and generates without a number; the
văn thư gives numbers and marks documents sent. Each is a real login; the server refuses what the
role may not do, whatever program sends it."""

import hashlib
import json
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from docx import Document

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.storage.history import History
from assistant.storage.postgres import CLERK, SPECIALIST
from tests import factories
from tests.history_checks import assert_store_consistent
from tests.pg_server import binaries

REPO = Path(__file__).resolve().parent.parent


def _login(server: str, database_url: str, group: str) -> str:
    """A login of ``group`` (the group made if this cluster has none yet); returns its URL on the
    database of ``database_url``."""
    name = f"u_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [group]).fetchone() is None:
            conn.execute(f"CREATE ROLE {group} NOLOGIN")
        conn.execute(f"CREATE ROLE {name} LOGIN IN ROLE {group}")
    return f"{server.replace('postgres@', f'{name}@')}/{database_url.rsplit('/', 1)[1]}"


@pytest.fixture
def logins(pg_server: str, pg_url: str, data_dir: Path) -> tuple[str, str]:
    """(specialist, văn thư) URLs on a database whose owner made the schema after the roles."""
    specialist = _login(pg_server, pg_url, SPECIALIST)
    clerk = _login(pg_server, pg_url, CLERK)
    History.open_in(data_dir, pg_url).close()
    _library(data_dir)
    return specialist, clerk


def _library(data_dir: Path) -> None:
    """The test directive in the PC's library: numbering writes the document again from it."""
    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )


def _report():
    return answers_to_report(
        factories.answers(date="2024-06-28", number=None), factories.directive()
    )


def _number_line(path: Path) -> str:
    cells = [c.text for row in Document(str(path)).tables[0].rows for c in row.cells]
    return next(line for text in cells for line in text.splitlines() if line.startswith("Số"))


def test_a_specialist_generates_without_a_number_and_the_clerk_numbers_and_sends(
    logins: tuple[str, str], data_dir: Path, tmp_path: Path
) -> None:
    specialist = History.open_in(data_dir, logins[0])
    draft = specialist.save_draft(factories.directive(), factories.answers(number=None))
    entry_id, result = specialist.generate(_report(), tmp_path / "bao-cao.docx", entry_id=draft)
    entry = specialist.get(entry_id)
    assert (entry_id, entry.status, entry.number, entry.number_text) == (
        draft,
        "generated",
        None,
        "",
    )
    assert _number_line(result.path).replace(" ", "") == "Số:/BC-PTTH"
    with pytest.raises(UserError, match="chưa có số"):
        specialist.mark_submitted(entry_id)

    clerk = History.open_in(data_dir, logins[1])
    assert clerk.give_number(entry_id) == 1
    numbered = clerk.get(entry_id)
    assert _number_line(result.path) == "Số: 01/BC-PTTH" == numbered.number_text
    assert hashlib.sha256(result.path.read_bytes()).hexdigest() == numbered.sha256
    clerk.mark_submitted(entry_id)
    assert_store_consistent(clerk.store)
    who = clerk.store.number_log(2024)
    assert [(n, action, db_user) for n, _, action, _, _, db_user, _, _ in who] == [
        (1, "used", clerk.store.actor.db_user)
    ]
    specialist.close()
    clerk.close()


def test_the_server_refuses_a_specialist_numbers_and_sending(
    logins: tuple[str, str], data_dir: Path, tmp_path: Path
) -> None:
    specialist = History.open_in(data_dir, logins[0])
    with pytest.raises(UserError, match="không có quyền"):
        specialist.generate(replace(_report(), number=5), tmp_path / "so-5.docx")
    with pytest.raises(UserError, match="không có quyền"):
        specialist.cancel_number(2024, 3, "In nhầm")
    clerk = History.open_in(data_dir, logins[1])
    sent, _ = clerk.generate(_report(), tmp_path / "da-so.docx")
    with pytest.raises(UserError, match="không có quyền sửa"):
        specialist.archive(sent)  # a numbered report is the văn thư's
    assert clerk.get(sent).archived is False
    # Not only the program: the server refuses the same SQL from any client.
    own, _ = specialist.generate(_report(), tmp_path / "chua-so.docx")
    with psycopg.connect(logins[0]) as conn:
        for statement in (
            f"UPDATE reports SET status = 'submitted' WHERE id = {own}",
            f"UPDATE reports SET number = 9 WHERE id = {own}",
            "INSERT INTO register VALUES (2024, 'BC', 9, NULL, 'cancelled', '', 't')",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), conn.transaction():
                conn.execute(statement)
    assert clerk.store.register_rows(2024) == [(1, "used", sent)]
    specialist.close()
    clerk.close()


def test_the_setup_script_prepares_the_server_for_its_owner_and_the_roles(
    pg_server: str, data_dir: Path, tmp_path: Path
) -> None:
    """IT runs scripts/pg-setup.sql (twice: it is safe to), opens the program once as the
    owner, and gives each person a login in a group: each then works within its role."""
    for _ in range(2):
        subprocess.run(
            [str(binaries() / "psql"), f"{pg_server}/postgres", "-v", "ON_ERROR_STOP=1", "-q",
             "-f", str(REPO / "scripts" / "pg-setup.sql")],
            check=True,
            capture_output=True,
        )  # fmt: skip
    owner = f"{pg_server.replace('postgres@', 'bcn_owner@')}/bao_cao_nhanh"
    History.open_in(data_dir, owner).close()
    _library(data_dir)
    specialist = History.open_in(data_dir, _login(pg_server, owner, SPECIALIST))
    unnumbered, _ = specialist.generate(_report(), tmp_path / "a.docx")
    assert specialist.get(unnumbered).number is None
    given = subprocess.run(
        [sys.executable, "-m", "assistant", "history", "give-number", str(unnumbered),
         "--database", _login(pg_server, owner, CLERK)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert given.returncode == 0 and "Đã cấp số 01" in given.stdout, given.stderr
    assert specialist.get(unnumbered).number_text == "Số: 01/BC-PTTH"
    specialist.close()
