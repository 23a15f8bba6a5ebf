"""Number and document commit together: crashes at every step of a generate, and at random.

Writers run in processes forked from a server with everything imported (``history_worker``), and
are killed with SIGKILL; the next opening of the history reconciles what they left.
"""

import errno
import hashlib
import os
import random
import re
import signal
import stat
import time
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from assistant.core.answers import answers_to_report
from assistant.core.errors import UserError
from assistant.storage import history as history_module
from assistant.storage.history import History
from assistant.storage.recovery import VOID_REASON
from assistant.storage.register import register_rows
from tests import factories, history_worker
from tests.history_checks import assert_consistent

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="kills forked writers")

NUMBER = re.compile(r"^Số:? (\d+)[/-]BC")


def _report():
    return answers_to_report(
        factories.answers(number=None), factories.directive(), today=date(2024, 7, 1)
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _temps(folder: Path) -> list[Path]:
    return list(folder.rglob(".baocaonhanh-*.tmp"))


def _run_killed(target, *args) -> None:
    process = history_worker.forks().Process(target=target, args=args, daemon=True)
    process.start()
    process.join(60)
    assert process.exitcode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("step", "outcome"),
    [
        ("reserved", "draft"),
        ("half-written", "draft"),
        ("written", "generated"),
        ("published", "generated"),
        ("finished", "generated"),
    ],
)
def test_a_crash_at_each_step_is_settled_on_the_next_opening(
    history: History, data_dir: Path, tmp_path: Path, step: str, outcome: str
) -> None:
    history.close()
    out = tmp_path / "out" / "bao-cao.docx"
    _run_killed(history_worker.crash_at, step, data_dir, out)
    reopened = History.open_in(data_dir)
    entry = reopened.get(1)
    assert entry.status == outcome
    assert _temps(tmp_path) == []
    if outcome == "generated":
        assert _sha(out) == entry.sha256 and entry.number == 1
        assert register_rows(reopened.db.conn, 2024) == [(1, "used", 1)]
    else:
        assert not out.exists() and entry.number is None and entry.answers["number"] is None
        assert register_rows(reopened.db.conn, 2024) == [(1, "cancelled", 1)]
        reason = reopened.db.execute("SELECT reason FROM register").fetchone()[0]
        assert reason == VOID_REASON
    # The next report never takes a number that may be printed on a document.
    next_id, _ = reopened.generate(_report(), tmp_path / "out" / "next.docx")
    assert reopened.get(next_id).number == 2
    assert_consistent(reopened.db.conn)
    reopened.close()


def test_an_opening_leaves_a_live_writers_entry_alone(
    history: History, data_dir: Path, tmp_path: Path
) -> None:
    history.close()
    fork = history_worker.forks()
    reserved, go_on = fork.Event(), fork.Event()
    out = tmp_path / "dang-ghi.docx"
    writer = fork.Process(
        target=history_worker.stall_after_reserving, args=(data_dir, out, reserved, go_on)
    )
    writer.start()
    assert reserved.wait(60)
    other = History.open_in(data_dir)  # reconciles: must see that the writer is alive
    assert other.get(1).status == "writing"
    with pytest.raises(UserError, match="không ghi đè"):  # nor may it take the same file
        other.generate(_report(), out)
    go_on.set()
    writer.join(60)
    assert writer.exitcode == 0
    entry = other.get(1)
    assert entry.status == "generated" and _sha(out) == entry.sha256
    other.close()


def _document_number(path: Path) -> int:
    cells = [c.text for t in Document(str(path)).tables for row in t.rows for c in row.cells]
    found = {int(m[1]) for text in cells for line in text.splitlines() if (m := NUMBER.match(line))}
    assert len(found) == 1, (path, found)
    return found.pop()


def _wait_for_documents(folder: Path, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(list(folder.glob("*.docx"))) < count:
        assert time.monotonic() < deadline, f"no document finished in {timeout} s"
        time.sleep(0.05)


def test_random_kills_of_concurrent_large_generates(
    history: History, data_dir: Path, tmp_path: Path
) -> None:
    """Three writers of 0.7 MB reports at once, killed at random moments, five rounds; then every
    document found on disk is scanned for its printed number."""
    history.close()
    fork = history_worker.forks()
    rng = random.Random(30)
    for round_ in range(5):
        writers = []
        for n in range(3):
            receiver, sender = fork.Pipe(duplex=False)
            writer = fork.Process(
                target=history_worker.generate_forever,
                args=(data_dir, f"r{round_}w{n}", sender),
                daemon=True,
            )
            writer.start()
            writers.append((writer, receiver))
        for _, receiver in writers:
            assert receiver.poll(60) and receiver.recv() == "ready"
        # The kills start once this round has finished a document, however slow the machine:
        # a loaded CI runner must still leave documents to check, and still kill mid-write.
        _wait_for_documents(data_dir / "out", round_ + 1)
        for writer, _ in writers:
            time.sleep(rng.uniform(0.0, 1.0))
            os.kill(writer.pid, signal.SIGKILL)
            writer.join()
            assert writer.exitcode == -signal.SIGKILL
    settled = History.open_in(data_dir)
    conn = settled.db.conn
    assert_consistent(conn)
    assert conn.execute("SELECT count(*) FROM reports WHERE status = 'writing'").fetchone()[0] == 0
    assert _temps(data_dir) == []
    recorded = {
        Path(path): (number, sha)
        for path, number, sha in conn.execute(
            "SELECT output_path, number, sha256 FROM reports WHERE status = 'generated'"
        )
    }
    documents = sorted((data_dir / "out").glob("*.docx"))
    assert len(documents) >= 3, "too few reports were finished to test anything"
    printed = [_document_number(path) for path in documents]
    assert len(printed) == len(set(printed)), "a number is printed on two documents"
    for path, number in zip(documents, printed, strict=True):
        assert recorded[path] == (number, _sha(path)), path  # every document has its entry
    assert set(recorded) == set(documents)
    voided = [n for n, state, _ in register_rows(conn, 2024) if state == "cancelled"]
    assert not set(voided) & set(printed)
    print(f"{len(documents)} documents, {len(voided)} numbers voided")
    settled.close()


def test_a_read_only_target_is_refused_before_a_number_is_taken(
    history: History, tmp_path: Path
) -> None:
    target = tmp_path / "chi-doc.docx"
    target.write_bytes(b"van ban cu")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    with pytest.raises(UserError, match="chỉ cho phép đọc"):
        history.generate(_report(), target)
    assert target.read_bytes() == b"van ban cu"
    assert register_rows(history.db.conn, 2024) == []


def test_a_recorded_document_is_never_overwritten(history: History, tmp_path: Path) -> None:
    target = tmp_path / "da-gui.docx"
    first, _ = history.generate(_report(), target)
    history.mark_submitted(first)
    before = target.read_bytes()
    with pytest.raises(UserError, match="báo cáo số 01 năm 2024"):
        history.generate(_report(), tmp_path / "DA-GUI.docx" if os.name == "nt" else target)
    assert target.read_bytes() == before
    assert [n for n, _, _ in register_rows(history.db.conn, 2024)] == [1]


def test_a_failed_write_gives_the_number_back(
    history: History, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up after the number was reserved: the number goes back to the register
    (the newest, so no gap) and the entry is a draft again with its answers."""

    def disk_full(temp: Path, data: bytes) -> None:
        temp.write_bytes(data[:100])
        raise OSError(errno.ENOSPC, "No space left on device", str(temp))

    with monkeypatch.context() as patch:
        patch.setattr(history_module, "write_temp", disk_full)
        with pytest.raises(UserError, match="ổ đĩa đã đầy"):
            history.generate(_report(), tmp_path / "x.docx")
    assert register_rows(history.db.conn, 2024) == []
    assert _temps(tmp_path) == [] and not (tmp_path / "x.docx").exists()
    assert history.get(1).status == "draft"
    entry_id, _ = history.generate(_report(), tmp_path / "ok.docx", entry_id=1)
    assert (entry_id, history.get(1).number) == (1, 1)
    assert_consistent(history.db.conn)


def test_generated_files_get_the_usual_permissions(history: History, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        _, result = history.generate(_report(), tmp_path / "quyen.docx")
    finally:
        os.umask(old)
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o644
