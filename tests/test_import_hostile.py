"""Property: no input ends an import in a traceback.

Damaged copies of every layout of the corpus (lines dropped, shuffled, cut, joined, hostile
characters put in, capitals lost, the file's bytes truncated or overwritten) either import, with
every field of the right type and a directive that builds when nothing required is missing, or
are refused with a Vietnamese :class:`UserError`. Nothing else may escape.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.errors import UserError
from assistant.importer import import_file, parse_text
from assistant.importer.parse import FIELDS
from tests.layouts_corpus import SPECS, render_interleaved, render_piped, render_text, write_docx

TEXTS = [render(spec) for spec in SPECS for render in (render_text, render_interleaved)]
TEXTS.append(render_piped(SPECS[5]))
HOSTILE = ["\x00", "\ufeff", "\u200b", "\ud800", "\u0301\u0301", "|", "Số:", "Kính gửi:",
           "Nơi nhận:", "III.", "ngày 31 tháng 2 năm 2026", "trước ngày 99/99", "\t", "KT.",
           "Số: /", "V/v", "-", "1.", "ỦY BAN NHÂN DÂN", "𝕏", "\r", "\u202e"]  # fmt: skip


@st.composite
def damaged(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "cut", "join", "insert", "upper", "swap"]))
        if action == "drop":
            del lines[at]
        elif action == "dup":
            lines.insert(at, lines[at])
        elif action == "cut":
            lines[at] = lines[at][: draw(st.integers(0, max(0, len(lines[at]))))]
        elif action == "join" and at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
        elif action == "insert":
            where = draw(st.integers(0, len(lines[at])))
            piece = draw(st.sampled_from(HOSTILE) | st.text(max_size=8))
            lines[at] = lines[at][:where] + piece + lines[at][where:]
        elif action == "upper":
            lines[at] = lines[at].upper()
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
    return "\n".join(lines)


def _check(parse) -> None:
    try:
        parsed = parse()
    except UserError as refused:
        assert refused.message and refused.message.isprintable()
        return
    assert set(parsed.fields) == set(FIELDS)
    assert all(0.0 <= parsed.confidence(name) <= 1.0 for name in FIELDS)
    if not parsed.missing():
        assert parsed.to_directive().id


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(damaged(), st.sampled_from(["text", "ocr", "txt-utf-8"]))
def test_damaged_text_imports_or_is_refused(text: str, method: str) -> None:
    _check(lambda: parse_text(text, source="x.txt", method=method))


@pytest.fixture(scope="module")
def docx_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_docx(SPECS[5], tmp_path_factory.mktemp("hostile") / "kh.docx").read_bytes()


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from([".docx", ".txt", ".pdf", ".png"]),
    cut=st.integers(0, 20_000),
    noise=st.binary(max_size=64),
    at=st.integers(0, 20_000),
)
def test_damaged_files_import_or_are_refused(
    docx_bytes: bytes, suffix: str, cut: int, noise: bytes, at: int
) -> None:
    data = TEXTS[0].encode() if suffix == ".txt" else docx_bytes
    data = data[:at] + noise + data[at + len(noise) : cut or None]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"damaged{suffix}"
        path.write_bytes(data)
        _check(lambda: import_file(path))
