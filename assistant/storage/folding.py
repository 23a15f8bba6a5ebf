"""The search text of a report and the words of a query, folded the same way for every backend.

A report's words are folded once when it is written (no diacritics, đ→d, lower case) and stored
beside it; a query is folded the same way, so "dong" finds "đồng" on SQLite and on the server.
"""

from __future__ import annotations

import re

from assistant.core.vntext import fold


def _words(value: object) -> list[str]:
    """Every string and number inside an answers snapshot, for the search index."""
    if isinstance(value, dict):
        return [w for v in value.values() for w in _words(v)]
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [str(value)]
    return []


def search_text(symbol: str, issuer: str, subject: str, answers: dict, document: str = "") -> str:
    return fold(" ".join([symbol, issuer, subject, document, *_words(answers)]))


def query_words(query: str) -> list[str]:
    """Folded words, all required, the last one as a prefix (it may still be being typed)."""
    return re.findall(r"\w+", fold(query))


def tokens(text: str) -> str:
    """The words of a search text as SQLite's FTS5 ``unicode61`` tokenizer cuts them (letters and
    digits; everything else separates), space-separated, for a server that must find the same."""
    return " ".join(re.findall(r"[^\W_]+", text))
