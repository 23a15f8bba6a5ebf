"""Shared test set-up: Qt runs offscreen, and each test gets its own user data folder."""

import gc
import json
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Compiled templates go to a cache of the test run, not the user's (subprocesses inherit it).
os.environ.setdefault("BAO_CAO_NHANH_CACHE", tempfile.mkdtemp(prefix="bcn-cache-"))

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests: a modest count in CI; `pytest --hypothesis-profile=thorough` runs thousands.
settings.register_profile("ci", max_examples=60, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=3000, deadline=None, print_blob=True)
settings.load_profile("ci")

pytest_plugins = ["tests.pg_server"]  # a PostgreSQL cluster for the storage contract tests

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def history(data_dir: Path):
    """The history of a fresh data folder whose library holds the test directive."""
    from assistant.storage.history import History
    from tests import factories

    folder = data_dir / "directives"
    folder.mkdir()
    (folder / f"{factories.DIRECTIVE['id']}.json").write_text(
        json.dumps(factories.DIRECTIVE, ensure_ascii=False), encoding="utf-8"
    )
    opened = History.open_in(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data folder, also set in the environment for subprocesses."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("BAO_CAO_NHANH_DATA", str(folder))
    return folder


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The outcome table of the hostile-answers property, when it ran."""
    from tests.test_hostile_answers import OUTCOMES

    if OUTCOMES:
        terminalreporter.section("hostile answers: outcomes")
        for outcome, count in sorted(OUTCOMES.items(), key=lambda item: -item[1]):
            terminalreporter.write_line(f"{count:6d}  {outcome}")


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread(request: pytest.FixtureRequest):
    """As the window does (``gui.app.GarbageCollector``): no automatic collection while a test
    runs, where a background job's thread could free a Qt widget; a full one after it, here."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        gc.enable()
