"""Each hostile input testers reported, reproduced with the bundled example answers of
3270-cv-btgtu-2024 changed as they were, through the real command line (subprocesses)."""

import copy
import json
import sqlite3
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from assistant.storage.history import History
from tests.conftest import REPO

DIRECTIVE = "3270-cv-btgtu-2024"
EXAMPLE = json.loads((REPO / "resources" / "answers" / f"{DIRECTIVE}.json").read_text("utf-8"))


def _generate(tmp_path: Path, data_dir: Path, answers: dict, *extra: str, out: str = "r.docx"):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")  # ASCII escapes: "\ud800" stays lone
    return subprocess.run(
        [
            *(sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "generate"),
            *("--directive", DIRECTIVE, "--answers", str(path), "--out", str(tmp_path / out)),
            *extra,
            "--confirm-format",  # the example is a state body's; hd36 runs are deliberate
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def _answers(**changes: object) -> dict:
    data = copy.deepcopy(EXAMPLE)
    data.update(changes)
    return data


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _register(data_dir: Path) -> list[tuple]:
    conn = sqlite3.connect(data_dir / "history.sqlite3")
    try:
        return conn.execute("SELECT year, number, state FROM register ORDER BY 1, 2").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
def test_a_lone_surrogate_is_marked_not_a_crash(tmp_path: Path, data_dir: Path, fmt: str) -> None:
    done = _generate(
        tmp_path, data_dir, _answers(difficulties="Thiếu \ud800 kinh phí"), "--format", fmt
    )
    assert done.returncode == 0, done.stderr
    assert "Thiếu \ufffd kinh phí" in _text(tmp_path / "r.docx")
    entry = History.open_in(data_dir).get(1)
    assert entry.answers["difficulties"] == "Thiếu \ufffd kinh phí"


def test_the_place_is_cleaned_and_nfc(tmp_path: Path, data_dir: Path) -> None:
    place = unicodedata.normalize("NFD", "Thái\x07 Nguyên\ufffe")
    profile = {**EXAMPLE["profile"], "place": place}
    done = _generate(tmp_path, data_dir, _answers(profile=profile))
    assert done.returncode == 0, done.stderr
    text = _text(tmp_path / "r.docx")
    assert "Thái Nguyên, ngày" in text and unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("number", "says"),
    [
        (5.0, "phải là số nguyên (không có phần thập phân)"),
        (1e20, "phải là số nguyên (không có phần thập phân)"),
        (10**19, "không được lớn hơn 99.999"),
        (2**63 - 1, "không được lớn hơn 99.999"),
        (0, "không được nhỏ hơn 1"),
    ],
)
@pytest.mark.parametrize("fmt", ["nd30", "hd36"])
def test_an_impossible_outgoing_number_is_refused(
    tmp_path: Path, data_dir: Path, number: object, says: str, fmt: str
) -> None:
    done = _generate(tmp_path, data_dir, _answers(number=number), "--format", fmt)
    assert done.returncode == 2 and done.stderr == f"Lỗi: Trường «number» {says}.\n"
    assert not (tmp_path / "r.docx").exists()
    assert _generate(tmp_path, data_dir, _answers(number=None), "--format", fmt).returncode == 0
    assert _register(data_dir) == [(2024, 1, "used")]


def test_a_register_poisoned_by_an_older_version_still_counts(
    tmp_path: Path, data_dir: Path
) -> None:
    assert _generate(tmp_path, data_dir, _answers(number=None)).returncode == 0
    conn = sqlite3.connect(data_dir / "history.sqlite3")
    conn.execute("INSERT INTO register VALUES (2024, 'BC', ?, NULL, 'used', '', 't')", [10**15])
    conn.commit()
    conn.close()
    done = _generate(tmp_path, data_dir, _answers(number=None), out="r2.docx")
    assert done.returncode == 0, done.stderr
    assert "Số: 02/BC-PTTH" in _text(tmp_path / "r2.docx")


@pytest.mark.parametrize(("field", "value"), [("views", 10**40), ("clips", 10**30)])
def test_an_absurd_count_is_refused(tmp_path: Path, data_dir: Path, field: str, value: int) -> None:
    answers = _answers()
    answers["tasks"]["t1"]["figures"]["platforms"][0][field] = value
    done = _generate(tmp_path, data_dir, answers)
    assert done.returncode == 2
    assert done.stderr == (
        f"Lỗi: Trường «tasks.t1.figures.platforms.0.{field}» "
        "không được lớn hơn 1.000.000.000.000.\n"
    )


def test_a_read_only_target_is_refused_and_kept(tmp_path: Path, data_dir: Path) -> None:
    target = tmp_path / "r.docx"
    target.write_bytes(b"ban da ky")
    target.chmod(stat.S_IRUSR)
    done = _generate(tmp_path, data_dir, _answers())
    assert done.returncode == 2 and "chỉ cho phép đọc" in done.stderr
    assert target.read_bytes() == b"ban da ky"


def test_the_console_shows_only_the_vietnamese_sentence(tmp_path: Path, data_dir: Path) -> None:
    done = _generate(tmp_path, data_dir, _answers(number=5.0))
    assert done.stderr.startswith("Lỗi: ") and "ERROR" not in done.stderr
    log = (data_dir / "logs" / "bao-cao-nhanh.log").read_text("utf-8")
    assert "number: 5.0 is not an integer" in log


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize("depth", [16, 450, 900])
def test_deep_nesting_is_refused_in_vietnamese_not_a_crash(
    tmp_path: Path, data_dir: Path, depth: int
) -> None:
    """Nesting the JSON parser accepts (it stops near 1,000 levels) but that no file of ours has:
    refused by the gate, where the cleaning would otherwise run out of Python's stack."""
    answers = _answers()
    answers["tasks"]["t1"]["notes"] = _nested(depth)
    done = _generate(tmp_path, data_dir, answers)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("Lỗi: Trường «tasks.t1.notes") and "lồng nhau quá 16 tầng" in (
        done.stderr
    )
    assert not (tmp_path / "r.docx").exists()


def test_a_directive_nested_too_deep_is_refused(data_dir: Path) -> None:
    """A directive file in the data folder's library (as the importer saves them), nested too
    deep: the library lists the rest and says which file, in Vietnamese."""
    directive = json.loads((REPO / "resources" / "directives" / f"{DIRECTIVE}.json").read_text())
    directive["id"] = "deep"
    directive["tasks"][0]["title"] = _nested(600)
    (data_dir / "directives").mkdir()
    (data_dir / "directives" / "deep.json").write_text(json.dumps(directive), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "directives"],
        capture_output=True, text=True, timeout=120, cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "deep.json" in done.stderr and "lồng nhau quá 16 tầng" in done.stderr
    assert DIRECTIVE in done.stdout  # the rest of the library is listed
