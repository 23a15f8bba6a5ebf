"""Restore Vietnamese diacritics in stripped text or English-model OCR output.

How (measured in shared/spec/vietnamese-text.md): each word is folded to an ASCII skeleton, with
English-OCR confusions undone on the way ("S6" → "so", "giri" → "gui", "PANG" → "dang"); the
skeletons it may stand for come from the syllable inventory of a trigram model built from
administrative text (``build_restore_model.py``); a Viterbi search picks the sequence the model
likes best. Letter case comes from the input; numbers, symbols (CV/BTGTU) and abbreviations
(UBND, VT) are left alone. Text that already carries diacritics is not touched.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.importer.ocrfold import NUM, Option, candidates, ocr_share
from assistant.importer.vitext import fold, is_upper_text
from assistant.paths import RESOURCES

MODEL_PATH = RESOURCES / "restore" / "model.json.gz"
HEALTHY_SHARE = 0.6  # healthy Vietnamese: 0.83–0.89 of words marked; English OCR 0.09–0.19
OCR_SHARE = 0.02  # stripped text has no damaged word at all; English OCR output has 9–19 %


@dataclass(frozen=True)
class Restored:
    """A text with its diacritics restored, and the words to review."""

    text: str
    changed: bool
    review: tuple[str, ...] = ()  # restored words the model was not sure of


@dataclass(frozen=True)
class Model:
    """The diacritic restoration model: n-gram counts and the forms of each skeleton."""

    unigrams: dict[str, int]
    bigrams: dict[str, int]
    trigrams: dict[str, int]
    forms: dict[str, list[str]]  # skeleton → syllables with diacritics, most frequent first
    total: int

    @classmethod
    def from_counts(cls, counts: dict) -> Model:
        forms: dict[str, list[str]] = {}
        for syllable, _ in sorted(counts["unigrams"].items(), key=lambda kv: (-kv[1], kv[0])):
            if syllable.isalpha():  # not the "<s>" and "<num>" markers
                forms.setdefault(fold(syllable), []).append(syllable)
        total = sum(counts["unigrams"].values())
        return cls(counts["unigrams"], counts["bigrams"], counts["trigrams"], forms, total)

    def logp(self, a: str, b: str, c: str) -> float:
        """Interpolated trigram log-probability of ``c`` after ``a b`` ("<s>" at a boundary)."""
        uni = (self.unigrams.get(c, 0) + 0.1) / (self.total + 0.1 * len(self.unigrams))
        bi_ctx = self.unigrams.get(b, 0)
        bi = self.bigrams.get(f"{b} {c}", 0) / bi_ctx if bi_ctx else 0.0
        tri_ctx = self.bigrams.get(f"{a} {b}", 0)
        tri = self.trigrams.get(f"{a} {b} {c}", 0) / tri_ctx if tri_ctx else 0.0
        return math.log(0.6 * tri + 0.3 * bi + 0.1 * uni)


@cache
def default_model() -> Model:
    return load_model(MODEL_PATH)


def load_model(path: Path) -> Model:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return Model.from_counts(json.load(handle))


def diacritic_share(text: str) -> float:
    """Share of words that carry a Vietnamese letter outside ASCII (the restoration gate)."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1 or not w.isascii()]
    if not words:
        return 0.0
    return sum(1 for w in words if not w.isascii()) / len(words)


def needs_restoring(text: str) -> bool:
    return diacritic_share(text) < HEALTHY_SHARE


def restore(text: str, model: Model | None = None, force: bool = False) -> Restored:
    """Restored text; healthy text (enough words with diacritics) is returned unchanged."""
    if not force and not needs_restoring(text):
        return Restored(text, False)
    model = model or default_model()
    fuzzy = ocr_share(text) > OCR_SHARE  # OCR damage: allow near skeletons, not only exact
    out: list[str] = []
    review: list[str] = []
    # Paragraphs are decoded whole: OCR wraps lines in mid-phrase ("nền tảng\n56, mạng").
    for segment in re.split(r"(\n[ \t]*\n)", unicodedata.normalize("NFC", text)):
        if not segment.strip():
            out.append(segment)
            continue
        restored, unsure = _restore_line(segment, model, fuzzy)
        out.append(restored)
        review.extend(unsure)
    return Restored("".join(out), True, tuple(dict.fromkeys(review)))


def _restore_line(line: str, model: Model, fuzzy: bool) -> tuple[str, list[str]]:
    """Restore one line: runs of words between punctuation are decoded together."""
    pieces = re.split(r"(\s+|[,;:.!?()\"“”'‘’«»…]+)", line)
    words = [(i, p) for i, p in enumerate(pieces) if p and not re.fullmatch(r"\s+|\W+", p)]
    review: list[str] = []
    run: list[tuple[int, str]] = []
    for pos, (i, word) in enumerate(words):
        run.append((i, word))
        nxt = words[pos + 1][0] if pos + 1 < len(words) else None
        gap = "".join(pieces[i + 1 : nxt]) if nxt is not None else "."
        # "S6:830": a colon before a number does not end the phrase "Số: 830".
        if nxt is None or (gap.strip() and not (gap.strip() == ":" and pieces[nxt][:1].isdigit())):
            review.extend(_decode_run(run, pieces, model, fuzzy))
            run = []
    return "".join(pieces), review


def _decode_run(
    run: list[tuple[int, str]], pieces: list[str], model: Model, fuzzy: bool
) -> list[str]:
    lattice = [candidates(word, model, fuzzy) for _, word in run]
    best = _viterbi(lattice, model)
    review = []
    for k, ((i, word), choice) in enumerate(zip(run, best, strict=True)):
        if choice is None or choice[0] == NUM:
            if choice is None and word.isalpha() and word.islower():
                review.append(word)  # a word the model does not know, left as it was
            continue
        syllable, distance = choice
        pieces[i] = _with_case(syllable, word)
        if distance >= 1.5 or _unsupported(model, best, k):
            review.append(pieces[i])
    return review


def _unsupported(model: Model, best: list[Option | None], k: int) -> bool:
    """A syllable that OCR changed or that has other readings, forming no known pair with either
    neighbour: the model chose it without evidence."""
    word = best[k][0].lower()
    if best[k][1] == 0 and len(model.forms.get(fold(word), ())) < 2:
        return False
    pairs = []
    if k > 0 and best[k - 1]:
        pairs.append(f"{best[k - 1][0].lower()} {word}")
    if k + 1 < len(best) and best[k + 1]:
        pairs.append(f"{word} {best[k + 1][0].lower()}")
    return not any(model.bigrams.get(pair) for pair in pairs)


def _viterbi(
    lattice: list[list[tuple[str, float]]], model: Model
) -> list[tuple[str, float] | None]:
    """Best path through the options (second-order: states are pairs of syllables)."""
    states: dict[tuple[str, str], tuple[float, list]] = {("<s>", "<s>"): (0.0, [])}
    for options in lattice:
        if not options:  # a symbol or abbreviation: keep it and restart the context
            states = {("<s>", "<s>"): (max(s for s, _ in states.values()), [*_best(states), None])}
            continue
        nxt: dict[tuple[str, str], tuple[float, list]] = {}
        for (a, b), (score, path) in states.items():
            for syllable, distance in options:
                word = syllable.lower()
                total = score + model.logp(a, b, word) - 2.5 * distance
                key = (b, word)
                if key not in nxt or nxt[key][0] < total:
                    nxt[key] = (total, [*path, (syllable, distance)])
        states = dict(sorted(nxt.items(), key=lambda kv: -kv[1][0])[:40])
    return _best(states)


def _best(states: dict) -> list:
    return max(states.values(), key=lambda v: v[0])[1]


def _with_case(syllable: str, word: str) -> str:
    misread_capital = word[:1] not in "PĐ" and fold(word[:1]) != fold(syllable[:1])
    if word[:1].isupper() and word[1:].islower() and misread_capital:
        return syllable  # "quan Iy" lý, "thanh Gy" ủy: the capital was a misread letter
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return syllable.upper()
    if word[:1].isupper() or (word[:1].isdigit() and len(word) > 1 and word[1:2].isupper()):
        return syllable[:1].upper() + syllable[1:]
    return syllable


CHANGE_COST = 0.8  # a mark the OCR read is kept unless the model clearly prefers another


def correct_capitals(text: str, model: Model | None = None) -> Restored:
    """Correct the marks of lines in capitals, which Vietnamese OCR reads worst ("TĨNH HẠU GIANG").

    Every reading of a word's skeleton is a candidate; the one printed costs nothing, the others
    ``CHANGE_COST``, so a word is changed only where the model's context outweighs the OCR.
    """
    model = model or default_model()
    lines = text.split("\n")
    review: list[str] = []
    for n, line in enumerate(lines):
        if not is_upper_text(line) or len(line.split()) < 2:
            continue
        pieces = re.split(r"(\s+|[,;:.!?()\"“”'‘’«»…]+)", line)
        words = [(i, p) for i, p in enumerate(pieces) if p and not re.fullmatch(r"\s+|\W+", p)]
        lattice = [_printed_first(word, model) for _, word in words]
        for (i, _), choice in zip(words, _viterbi(lattice, model), strict=True):
            if choice and choice[1] and choice[0] != NUM:
                pieces[i] = choice[0].upper()
                review.append(pieces[i])
        lines[n] = "".join(pieces)
    return Restored("\n".join(lines), bool(review), tuple(review))


def _printed_first(word: str, model: Model) -> list[Option]:
    skeleton = fold(word)
    if word.isdigit():
        return [(NUM, 0.0)]  # "NĂM 2026": the number is context for the word before it
    if not word.isalpha() or skeleton not in model.forms:
        return []  # a symbol, an abbreviation or an unknown word: left as printed
    printed = word.lower()
    options = [(form, 0.0 if form == printed else CHANGE_COST) for form in model.forms[skeleton]]
    return options if any(d == 0 for _, d in options) else [(printed, 0.0), *options]
