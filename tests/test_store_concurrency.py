"""Four PCs generate 50 numbered reports each on one PostgreSQL server, killed at random moments
(SIGKILL) and started again; afterwards no number is on two reports, every gap in the register
is a recorded void, and every report's file matches its entry."""

import hashlib
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from assistant.storage.history import History
from assistant.storage.recovery import VOID_REASON
from tests.history_checks import assert_store_consistent

REPO = Path(__file__).resolve().parent.parent
WORKERS, EACH, KILLS = 4, 50, 12

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kills the writers"),
]


def _start(url: str, data_dir: Path, tag: str, step: str = "") -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.pg_worker", url, str(data_dir), tag, str(EACH), step],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_processes_killed_at_random_never_share_a_number(pg_url: str, data_dir: Path) -> None:
    History.open_in(data_dir, pg_url).close()  # the schema, before the crowd
    rng = random.Random(16)
    # Two PCs surely die once between the two commits: one before its file is written, one after.
    steps = ["reserved", "published"] + [""] * (WORKERS - 2)
    workers = {f"pc{n}": _start(pg_url, data_dir, f"pc{n}", steps[n]) for n in range(WORKERS)}
    kills, deadline = 0, time.monotonic() + 900
    while any(w.poll() is None for w in workers.values()):
        assert time.monotonic() < deadline, "the workers did not finish"
        time.sleep(rng.uniform(0.5, 2.0))
        for tag, worker in workers.items():
            if worker.returncode == -signal.SIGKILL:  # killed itself at its step
                workers[tag] = _start(pg_url, data_dir, tag)
        alive = [tag for tag, w in workers.items() if w.poll() is None]
        if kills < KILLS and alive:
            tag = rng.choice(alive)
            os.kill(workers[tag].pid, signal.SIGKILL)
            workers[tag].wait()
            kills += 1
            workers[tag] = _start(pg_url, data_dir, tag)
    for worker in workers.values():
        assert worker.returncode == 0, worker.stderr.read()

    settled = History.open_in(data_dir, pg_url)  # settles what the last kills left, if any
    assert_store_consistent(settled.store)
    settled.close()
    with psycopg.connect(pg_url) as conn:
        generated = conn.execute(
            "SELECT output_path, number, sha256 FROM reports WHERE status = 'generated'"
        ).fetchall()
        assert conn.execute("SELECT count(*) FROM reports WHERE status = 'writing'").fetchone() == (
            0,
        )
        register = conn.execute(
            "SELECT number, state, reason, report_id FROM register WHERE year = 2024 ORDER BY number"
        ).fetchall()
        logged = conn.execute(
            "SELECT number, action, host, os_user FROM number_log WHERE year = 2024"
        ).fetchall()
    documents = sorted((data_dir / "out").glob("*.docx"))
    assert len(documents) == WORKERS * EACH == len(generated)
    numbers = [number for _, number, _ in generated]
    assert len(numbers) == len(set(numbers)), "a number is on two reports"
    for path, _, sha in generated:
        assert _sha(Path(path)) == sha, path
    assert [n for n, *_ in register] == list(range(1, len(register) + 1)), "a gap in the register"
    voids = {n for n, state, reason, _ in register if state == "cancelled"}
    assert voids, "the worker killed after reserving left no void"
    assert all(reason == VOID_REASON for _, state, reason, _ in register if state == "cancelled")
    assert set(numbers) | voids == {n for n, *_ in register} and not set(numbers) & voids
    used = {n for n, action, _, _ in logged if action == "used"}
    assert used >= {n for n, *_ in register}, "an allocation was not logged"
    assert {host for *_, host, _ in logged} == {socket.gethostname()}
    print(f"{len(documents)} documents, {kills} kills, {len(voids)} numbers voided")
