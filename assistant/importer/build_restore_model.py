"""Rebuild ``resources/restore/model.json.gz``, the n-gram counts used to restore diacritics.

Sources, all shipped with the app and free to use: the bundled directives
(``resources/directives/*.json``, public documents), administrative phrases, fixed formulas and
common personal names written for this project, and gazetteers of province and district names in
their usual patterns. (Ward names are not counted: their 2,860 names cost 0.5–1 point of accuracy on
running text; ``gazetteer.py`` looks them up in the header instead.)

    python -m assistant.importer.build_restore_model            # rebuild the shipped model
    python -m assistant.importer.build_restore_model --exclude ID …   # e.g. for leave-one-out
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from assistant.importer.restore import MODEL_PATH, NUM, Model
from assistant.paths import RESOURCES

RESTORE_DIR = RESOURCES / "restore"
DIRECTIVES_DIR = RESOURCES / "directives"
FORMULA_WEIGHT = 5  # without the formulas the prototype lost ~4 points of accuracy
PLACE_PATTERNS = ("Tỉnh ủy {}", "tỉnh {}", "{}, ngày", "UBND tỉnh {}", "Báo {}", "TỈNH ỦY {}")
DISTRICT_PATTERNS = ("huyện {}", "Huyện ủy {}", "{}, ngày")
_WORD = re.compile(r"[^\W\d_]+|\d+")
_BREAK = re.compile(r"[\n,;:.!?()\"“”'‘’«»…/\-–]+")


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def directive_texts(exclude: Iterable[str] = ()) -> dict[str, str]:
    """Text of each bundled directive by id, without those in ``exclude``."""
    skip = set(exclude)
    texts = {}
    for path in sorted(DIRECTIVES_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["id"] not in skip and path.stem not in skip:
            texts[data["id"]] = data["text"]
    return texts


def training_texts(exclude: Iterable[str] = ()) -> list[tuple[str, int]]:
    """(text, weight) pairs the model is counted from."""
    texts = [(text, 1) for text in directive_texts(exclude).values()]
    texts += [(line, 1) for line in _lines(RESTORE_DIR / "phrases.txt")]
    texts += [(line, FORMULA_WEIGHT) for line in _lines(RESTORE_DIR / "formulas.txt")]
    texts += [(line, 1) for line in _lines(RESTORE_DIR / "names.txt")]
    places = _lines(RESTORE_DIR / "places.txt")
    texts += [(pattern.format(p), 2) for p in places for pattern in PLACE_PATTERNS]
    districts = _lines(RESTORE_DIR / "districts.txt")
    texts += [(pattern.format(d), 1) for d in districts for pattern in DISTRICT_PATTERNS]
    return texts


def count(texts: Iterable[tuple[str, int]]) -> dict[str, dict[str, int]]:
    """Unigram, bigram and trigram counts of lower-case syllables; punctuation breaks runs."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    tri: Counter[str] = Counter()
    for text, weight in texts:
        for run in _BREAK.split(text):
            words = ["<s>", "<s>", *(_token(w) for w in _WORD.findall(run))]
            # Weights lift the formulas' word sequences, not how often their syllables occur:
            # a heavy unigram "đề" (from "đề nghị") would beat "để" everywhere else.
            for i in range(2, len(words)):
                uni[words[i]] += 1
                bi[f"{words[i - 1]} {words[i]}"] += weight
                tri[f"{words[i - 2]} {words[i - 1]} {words[i]}"] += weight
            uni["<s>"] += 1
            bi["<s> <s>"] += weight
    return {"unigrams": dict(uni), "bigrams": dict(bi), "trigrams": dict(tri)}


def _token(word: str) -> str:
    return NUM if word[0].isdigit() else word.lower()


def build_model(exclude: Iterable[str] = ()) -> Model:
    """An in-memory model, e.g. without one directive to measure on it (leave-one-out)."""
    return Model.from_counts(count(training_texts(exclude)))


def write(counts: dict, path: Path = MODEL_PATH) -> Path:
    data = json.dumps(counts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # mtime=0 keeps the file byte-identical between rebuilds of the same data.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(data.encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", nargs="*", default=[], help="directive ids to leave out")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    counts = count(training_texts(args.exclude))
    path = write(counts, args.out)
    print(f"{path}: {len(counts['unigrams'])} syllables, {len(counts['trigrams'])} trigrams")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
