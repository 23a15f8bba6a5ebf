"""A throw-away PostgreSQL cluster for the test session (pytest plugin, see conftest.py).

``initdb`` refuses to run as root, so as root the cluster is made and run by the ``postgres``
user (``runuser``) in a temporary folder it owns; it listens on 127.0.0.1 on a free port and is
stopped when the session ends. Each test that asks for ``pg_url`` gets a database of its own.
Without the server binaries the PostgreSQL tests are skipped, except in CI, where they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SUPERUSER = "postgres"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<n>/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    # The newest of Debian's versions: /usr/lib/postgresql/<version>/bin/initdb.
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: float(p.split("/")[4])
    )
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_owner() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _run(command: list[str]) -> None:
    result = subprocess.run(_as_owner() + command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of the cluster's superuser, without a database name."""
    bin_dir = binaries()
    if bin_dir is None:
        reason = (
            "PostgreSQL server binaries (initdb, pg_ctl) not installed: scripts/setup.sh --test"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = Path(tempfile.mkdtemp(prefix="bcn-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    _run(
        [
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "-A",
            "trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ]
    )
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off"
    _run(
        [
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        ]
    )
    try:
        yield f"postgresql://{SUPERUSER}@127.0.0.1:{port}"
    finally:
        with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
            _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server: str) -> str:
    """A new empty database on ``server``; returns its URL."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh database of its own for one test (left for the cluster's removal at the end)."""
    return create_database(pg_server)
