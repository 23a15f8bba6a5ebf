"""Which syllables an OCR'd or stripped word may stand for: folding English-OCR damage away.

English-model OCR prints Vietnamese letters it does not know as look-alikes: "Đ" as "P", "ố" as
"6" or "é", "ư" as "w", "ử" as "ri"/"ti", a lost vowel leaves a lone consonant ("S" số). Each
word is folded to an ASCII skeleton with those undone, then matched against the skeletons of
the model's syllable inventory that share its onset and coda, by a cheap nucleus edit distance.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from assistant.importer.vitext import fold

if TYPE_CHECKING:
    from assistant.importer.restore import Model

# Longest first, so "ngh" wins over "ng" and "n".
_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu")
_ONSETS += tuple("bcdghklmnprstvx")
_CODAS = ("ng", "nh", "ch", "c", "m", "n", "p", "t")
_VOWELS = set("aeiouy")
# Characters English OCR prints for Vietnamese vowels with marks ("S6" số, "x4" xã, "S&" sở).
_OCR_VOWELS = str.maketrans(
    {"6": "o", "0": "o", "&": "o", "4": "a", "3": "a", "¢": "e", "@": "a", "1": "i", "|": "l"}
)
# Words with OCR digits in them: "S6", "x4", "B4o", "16i" (lối), "1a" (là), "Poc 1ap" (Độc lập).
_OCR_WORD = re.compile(r"[A-Za-z]{0,3}[1|][A-Za-z6&]{1,4}|[A-Za-z]{1,3}[6&430][A-Za-z1]{0,3}")
# Confusable letters inside a vowel nucleus: ("giri" gửi, "ctia" của, "tmg" ứng, "wong" ương).
_NUCLEUS_NOISE = set("rtlmwdbfgq1i|")
_SYMBOL = re.compile(r"[0-9/&-]")


NUM = "<num>"  # numbers are one token of the model: "số <num>", "ngày <num> tháng"
Option = tuple[str, float]  # (syllable, OCR distance)


def ocr_share(text: str) -> float:
    """Share of words showing English-OCR damage: wrong marks ("Kién") or digits ("S6", "x4")."""
    words = text.split()
    if not words:
        return 0.0
    damaged = sum(
        1
        for w in words
        if any(c.isalpha() and not c.isascii() for c in w) or _OCR_WORD.fullmatch(w.strip(",.;:"))
    )
    return damaged / len(words)


def candidates(word: str, model: Model, fuzzy: bool) -> list[Option]:
    """Options for ``word``; empty when it must be left alone (symbol, abbreviation)."""
    ocr_word = fuzzy and _ocr_syllable(word)
    if fuzzy and word in ("56", "50", "s6"):
        return [(NUM, 0.0), *((form, 1.0) for form in model.forms.get("so", [])[:3])]
    if word[:1].isdigit() and not ocr_word:
        return [(NUM, 0.0)]
    if _SYMBOL.search(word) and not ocr_word:
        return []
    skeleton = _ocr_fold(word) if fuzzy else fold(word)
    if not skeleton.isalpha() or not skeleton.isascii():
        return []
    if word.isupper() and len(word) > 1 and skeleton not in model.forms:
        return []  # an abbreviation: UBND, VT, TTBCXB
    near = _skeletons(skeleton, model, word) if fuzzy else [(skeleton, 0.0)]
    return [
        (form, distance) for target, distance in near if target in model.forms
        for form in model.forms[target][:6]
    ]  # fmt: skip


def _ocr_syllable(word: str) -> bool:
    """ "S6", "x4", "16i", "HQI" are OCR damage of a syllable, not numbers or abbreviations."""
    if not any(c.isascii() and c.isalpha() for c in word):
        return False  # "16" is a number, "16i" is "lối"
    return bool(_OCR_WORD.fullmatch(word) or re.fullmatch(r"[A-Z]+Q[A-Z]*", word))


def _ocr_fold(word: str) -> str:
    if word[:1] == "1":
        word = "l" + word[1:]  # a leading "1" is an "l" ("1a" là); elsewhere an "i" ("H61" Hội)
    folded = fold(word.translate(_OCR_VOWELS))
    if folded[:1] == "p" and folded[1:2] in _VOWELS:
        folded = "d" + folded[1:]  # English OCR reads "Đ" as "P"; Vietnamese has no "pa…" word
    return folded.replace("q", "o") if "qu" not in folded else folded


@cache
def _by_frame(skeletons: frozenset[str]) -> dict[tuple[str, str], list[str]]:
    frames: dict[tuple[str, str], list[str]] = {}
    for skeleton in skeletons:
        onset, _, coda = _split(skeleton)
        frames.setdefault((onset, coda), []).append(skeleton)
    return frames


# Whole words English OCR makes of "ủy" and "lý" ("Tinh ty", "thanh iy", "quan Iy").
_OCR_WORDS = {
    "ty": ("uy",),
    "iy": ("uy", "ly"),
    "oy": ("uy",),
    "ay": ("uy",),
    "gy": ("uy",),
    "ly": ("uy",),
}


def _skeletons(skeleton: str, model: Model, word: str) -> list[Option]:
    """Inventory skeletons near ``skeleton``: the exact one and those with the same frame.

    A plain ASCII word that is itself a known skeleton was most likely read right except for its
    marks, so other skeletons cost more there than after a misread letter ("é", "6", "&").
    """
    frames = _by_frame(frozenset(model.forms))
    scale = 3.0 if word.isascii() and word.isalpha() and skeleton in model.forms else 1.0
    scored: dict[str, float] = {}
    for variant, extra in _variants(skeleton):
        first, middle, coda = _split(variant)
        for onset, nucleus in _onset_readings(first, middle):
            for target in frames.get((onset, coda), []):
                distance = (_nucleus_distance(nucleus, _split(target)[1]) + extra) * scale
                scored[target] = min(distance, scored.get(target, distance))
    for target in _OCR_WORDS.get(skeleton, ()):
        scored[target] = min(0.5, scored.get(target, 0.5))
    lone = bool(re.fullmatch(r"[^aeiouy]{1,2}", skeleton))
    if lone:
        # A lone consonant is a syllable whose marked vowel OCR lost: "S" số, "b" bộ, "ph" phố.
        for target in model.forms:
            if target.startswith(skeleton) and len(target) <= len(skeleton) + 2:
                scored.setdefault(target, 1.0)
    if skeleton in model.forms:
        scored[skeleton] = 0.0
    near = [t for t in scored.items() if t[1] <= 1.5 * scale]
    near.sort(key=lambda t: (t[1], -model.unigrams.get(model.forms[t[0]][0], 0)))
    return near[: 40 if lone else 8]


def _variants(skeleton: str) -> list[tuple[str, float]]:
    """The skeleton, and readings without OCR junk at its end ("Thue" thực, "nudce" nước)."""
    variants = [(skeleton, 0.0)]
    if len(skeleton) > 3 and skeleton[-1] == "e" and skeleton[-2] in _VOWELS:
        variants.append((skeleton[:-1] + "c", 0.5))
    if len(skeleton) > 3:
        variants.append((skeleton[:-1], 0.5))
    return variants


def _onset_readings(onset: str, nucleus: str) -> list[tuple[str, str]]:
    """ "giri" is gi+ri or g+iri ("gửi" is g+ui)."""
    readings = [(onset, nucleus)]
    if onset in ("gi", "qu"):
        readings.append((onset[0], onset[1] + nucleus))
    return readings


def _split(skeleton: str) -> tuple[str, str, str]:
    onset = next((o for o in _ONSETS if skeleton.startswith(o) and len(skeleton) > len(o)), "")
    rest = skeleton[len(onset) :]
    coda = next((c for c in _CODAS if rest.endswith(c) and len(rest) > len(c)), "")
    return onset, rest[: len(rest) - len(coda)], coda


def _nucleus_distance(seen: str, target: str) -> float:
    """Edit distance where vowel↔vowel and OCR noise letters in a nucleus cost half."""
    prev = [j * 1.0 for j in range(len(target) + 1)]
    for i, a in enumerate(seen, 1):
        cur = [i * (0.5 if a in _NUCLEUS_NOISE else 1.0)]
        for j, b in enumerate(target, 1):
            sub = 0.0 if a == b else 0.5 if (a in _VOWELS or a in _NUCLEUS_NOISE) else 1.0
            drop = 0.5 if a in _NUCLEUS_NOISE else 1.0
            cur.append(min(prev[j - 1] + sub, prev[j] + drop, cur[j - 1] + 1.0))
        prev = cur
    return prev[-1]
