"""Property: no answers file crashes ``generate``, and what it writes is exactly what was typed.

Answers are the bundled examples of the five directives with fields replaced by hostile strings
(lone surrogates, controls, non-characters, NFD, markup, template syntax, lengths at and over the
limits) and hostile numbers (fractions, NaN, huge, negative, booleans, strings), in both formats.
Each run of the command (the real ``cli.main``, in this process for speed) ends either in a
Vietnamese refusal that wrote no file and changed no history, or in a document that reopens, is
NFC, holds every typed line literally, and whose history entry has its SHA-256.

The CI profile runs a modest number of examples; ``--hypothesis-profile=thorough`` runs thousands.
"""

import contextlib
import copy
import hashlib
import io
import json
import re
import sqlite3
import tempfile
import unicodedata
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import cli
from assistant.core import vntext
from assistant.core.limits import COUNT_MAX, NARRATIVE_MAX_CHARS, OUTGOING_NUMBER_MAX
from tests.conftest import REPO

ANSWERS_DIR = REPO / "resources" / "answers"
EXAMPLES = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in ANSWERS_DIR.glob("*.json")}
# Sections printed line by line, as typed: the literal-text check reads these.
PRINTED = ("implementation", "strengths", "difficulties", "next_steps", "proposals")

FRAGMENTS = [
    "\ud800",
    "\udfff",
    "\x00",
    "\x0b",
    "\x1f",
    "\ufffe",
    "\uffff",
    "\u202e",
    "<w:t>",
    "&amp;",
    "{{ profile.name }}",
    "{% raw %}",
    "]]>",
    unicodedata.normalize("NFD", "Thái Nguyên"),
    "🎬👍🏽",
    "\r\n",
    "\t",
]
hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=40),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=8).map("".join),
    st.sampled_from(["", " ", "x" * NARRATIVE_MAX_CHARS, "x" * (NARRATIVE_MAX_CHARS + 1)]),
)
hostile_number = st.one_of(
    st.integers(-(10**25), 10**25),
    st.sampled_from(
        [0, 1, OUTGOING_NUMBER_MAX, OUTGOING_NUMBER_MAX + 1, COUNT_MAX, COUNT_MAX + 1, 2**63 - 1]
    ),
    st.sampled_from([5.0, 1e20, 0.5, float("nan"), float("inf"), True, None, "5"]),
)


def _leaves(value: object, path: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


def _set(data: dict, path: tuple, value: object) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@st.composite
def hostile_answers(draw: st.DrawFn) -> tuple[str, dict]:
    directive = draw(st.sampled_from(sorted(EXAMPLES)))
    data = copy.deepcopy(EXAMPLES[directive])
    data["format"] = draw(st.sampled_from(["nd30", "hd36"]))
    data["format_confirmed"] = True  # both systems' layouts, as the testers tried them
    data["number"] = None
    extra = [
        ("profile", "place"),
        ("profile", "name"),
        ("profile", "signer", "name"),
        *((section,) for section in PRINTED),
    ]
    for path in draw(st.lists(st.sampled_from(_leaves(data) + extra), max_size=6)):
        original = _get(data, path)
        is_number = isinstance(original, int) and not isinstance(original, bool)
        _set(data, path, draw(hostile_number if is_number else hostile_text))
    return directive, data


def _get(data: object, path: tuple) -> object:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else data[key]
    return data


def _state(database: Path) -> tuple:
    if not database.exists():
        return ((0, None), [])  # as an empty history: opening one creates the file
    conn = sqlite3.connect(database)
    try:
        return (
            conn.execute("SELECT count(*), max(updated_at) FROM reports").fetchone(),
            conn.execute("SELECT * FROM register ORDER BY 1, 2, 3").fetchall(),
        )
    finally:
        conn.close()


def _document_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _run(folder: Path, directive: str, data: dict) -> tuple[int, str]:
    answers = folder / "answers.json"
    answers.write_text(json.dumps(data), encoding="utf-8")  # ASCII: "\ud800" as JSON allows
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(
            [
                "--data-dir",
                str(folder / "data"),
                "generate",
                "--directive",
                directive,
                "--answers",
                str(answers),
                "--out",
                str(folder / "out.docx"),
            ]
        )
    return code, err.getvalue()


def _assert_written_as_typed(folder: Path, data: dict) -> None:
    out = folder / "out.docx"
    text = _document_text(out)
    assert unicodedata.normalize("NFC", text) == text
    for section in PRINTED:
        for line in vntext.paragraphs(data.get(section) or ""):
            words = " ".join(line.split())  # a run of spaces or tabs inside a line prints as one
            assert words in text, (section, line)
    conn = sqlite3.connect(folder / "data" / "history.sqlite3")
    try:
        rows = conn.execute(
            "SELECT status, sha256 FROM reports WHERE output_path = ?", [str(out)]
        ).fetchall()
    finally:
        conn.close()
    assert rows == [("generated", hashlib.sha256(out.read_bytes()).hexdigest())]


OUTCOMES: dict[str, int] = {}


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile_answers())
def test_generate_refuses_cleanly_or_writes_what_was_typed(case: tuple[str, dict]) -> None:
    directive, data = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        before = _state(folder / "data" / "history.sqlite3")
        code, err = _run(folder, directive, data)
        assert code in (0, cli.EXIT_USER_ERROR), err
        if code == 0:
            # What was typed is what the file says ("\ud800\udc00" in JSON is one character).
            typed = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
            _assert_written_as_typed(folder, typed)
            OUTCOMES["written"] = OUTCOMES.get("written", 0) + 1
        else:
            assert err.startswith("Lỗi: ") and "Traceback" not in err, err
            assert not (folder / "out.docx").exists()
            assert _state(folder / "data" / "history.sqlite3") == before
            reason = re.sub(r"«[^»]*»", "«…»", err.splitlines()[0])
            OUTCOMES[reason] = OUTCOMES.get(reason, 0) + 1
