"""Where a văn thư breaks a long centred name: between word groups, never inside a name.

Word and LibreOffice wrap a centred agency name wherever the column ends ("ĐÀI PHÁT THANH VÀ
TRUYỀN / HÌNH THÁI NGUYÊN"). A văn thư (the clerk who lays out official papers) breaks it by
hand between word groups: "ĐÀI PHÁT THANH VÀ / TRUYỀN HÌNH THÁI NGUYÊN". ``break_lines``
returns the text with "\\n" at such breaks; the docx writer turns "\\n" into a line break.

Terms: the *trích yếu* is the bold subject line under "BÁO CÁO"; a *locality word* (tỉnh, huyện,
xã, phường, quận, thị xã, thị trấn, thành phố) stays with the *place name* after it ("huyện Phú
Lương"); an official name is made of two-syllable *compounds* ("Phát thanh", "Tuyên giáo",
"Tỉnh ủy", "nhân dân"); "ngày" stays with its date and "số" with its number.

Word groups are read from the text as typed, before upper-casing: a capitalised word followed by
a lower-case one opens a compound ("Phát thanh"); capitalised words after a locality word or at
the end form a place name ("Thái Nguyên"). For text typed all in capitals only the tables below
help: a word found in none of them is taken for part of a name.

Each gap between two words has a level: free; inside a group (locality + place, "ngày" + date,
"Ban Tuyên giáo"); inside a compound; inside a proper name. The fewest lines that fit are sought
breaking at free gaps only, then also inside groups, then compounds, then anywhere; among those
line sets, the one whose longest line is shortest and whose lines are most even wins, helped by
the gaps a văn thư prefers (before "của", before a locality word, after "và", after a comma).
When nothing fits in ``max_lines`` lines, the measure is widened to the shortest longest line
any breaks give, and the breaks are chosen the same way within it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache

from assistant.core.textwidth import text_width_mm

# -- linguistic data (lower case; "uỷ"/"ủy" and "hoá"/"hóa" are compared as one) ----------------
# Each table is one string, its entries separated by commas.
LOCALITY = "tỉnh, huyện, quận, xã, phường, thị xã, thị trấn, thành phố"
BREAK_BEFORE = "của, về, trên, tại"  # a phrase starts here: "… / của Ban Tuyên giáo"
AND = "và"
# Never the last word of a line ("và" aside):
FUNCTION_WORDS = "của, về, trên, tại, và, với, cho, theo, trong, đến, từ, các, những, việc"
NUMBER_WORDS = "số, ngày, tháng, năm"  # stay with the number or date after them
COMPOUNDS = """ủy ban nhân dân, hội đồng nhân dân, mặt trận tổ quốc, ban cán sự đảng,
    ban thường vụ, ban chấp hành, ủy ban, nhân dân, trung ương, trung tâm, cơ quan, phát thanh,
    truyền hình, truyền thanh, truyền thông, thông tin, điện tử, tuyên giáo, tuyên truyền,
    dân vận, tổ chức, kiểm tra, văn phòng, văn hóa, thể thao, du lịch, nhà báo, tạp chí,
    văn nghệ, tỉnh ủy, huyện ủy, thành ủy, thị ủy, quận ủy, đảng ủy, đảng bộ, chi bộ, công văn,
    kế hoạch, kết quả, thực hiện, mạng xã hội, xã hội, nền tảng, đảng ủy khối, chủ tịch,
    giám đốc, bí thư, thường trực"""
OWNERS = "ủy ban nhân dân, tỉnh ủy, huyện ủy, thành ủy, thị ủy, quận ủy, đảng ủy"  # "… / Tỉnh ủy X"
DASHES = ("-", "–", "—")

LAYOUT_MAX_LINES = 4  # build_layout's limit: four short lines rather than a broken group
CELL_PADDING_MM = 1.9  # Word's default left/right cell margin, as the docx writer sets it

# Gap levels, and what a chosen gap adds to a candidate's cost (shares of the line width).
# GROUP: locality + place, "ngày" + date, a capitalised word + the next; WORD: inside a compound,
# which is one word written in two syllables ("Truyền / thông" is worse than "huyện / Định Hóa").
FREE, GROUP, WORD, NAME = 0, 1, 2, 3
LEVEL_COST = {FREE: 0.0, GROUP: 0.3, WORD: 0.6, NAME: 1.0}
PREFER = {
    "locality": -0.12,
    "before": -0.12,
    "after_and": -0.08,
    "comma": -0.08,
    "owner": -0.06,
    "before_and": -0.04,
    "after_function": 0.4,
}
SPREAD = 0.5  # weight of (longest − shortest line) beside the longest line
EPSILON = 1e-9  # the sum of word widths may differ from a whole-line measure in the last bit

_TRAIL = re.compile(r"[,.;:!?)\]»”]+$")


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def _key(word: str) -> str:
    """Lower case, no trailing punctuation, the tone mark moved to the end: "Hoá," → "hóa"."""
    decomposed = unicodedata.normalize("NFD", _TRAIL.sub("", word).casefold())
    return "".join(c for c in decomposed if c not in _TONES) + "".join(
        c for c in decomposed if c in _TONES
    )


def _phrases(table: str) -> list[tuple[str, ...]]:
    return [tuple(_key(w) for w in entry.split()) for entry in table.split(",")]


def _words(table: str) -> set[str]:
    return {_key(entry.strip()) for entry in table.split(",")}


_LOCALITY = set(_phrases(LOCALITY))
_COMPOUNDS = sorted(_phrases(COMPOUNDS), key=len, reverse=True)
_OWNERS = set(_phrases(OWNERS))
_NUMBER_WORDS = _words(NUMBER_WORDS)
_FUNCTION = _words(FUNCTION_WORDS) | _NUMBER_WORDS
_BREAK_BEFORE = _words(BREAK_BEFORE)
_AND, _NUMBER, _DATE = _key(AND), _key("số"), _key("ngày")


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word.startswith(("…", "..."))


class _Words:
    """The words of a text and the level and preference of each gap (gap j precedes word j)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.keys = [_key(w) for w in words]
        n = len(words)
        self.level = [FREE] * n
        self.prefer = [0.0] * n  # added to the cost when the line breaks at this gap
        self.covered = [False] * n  # part of a compound or a multi-word locality
        self.localities: dict[int, int] = {}  # start → length, when a place follows
        self._compounds()
        all_caps = not any(c.islower() for c in "".join(words))
        self.cap = [self._capitalised(i, all_caps) for i in range(n)]
        self._localities()
        self._trailing_name()
        self._gaps()

    def _compounds(self) -> None:
        keys, i = self.keys, 0
        while i < len(keys):
            for phrase in (*_COMPOUNDS, *(p for p in _LOCALITY if len(p) > 1)):
                k = len(phrase)
                if tuple(keys[i : i + k]) == phrase and k > 1 and self._joinable(i, i + k):
                    for j in range(i + 1, i + k):
                        self.level[j] = WORD
                    self.covered[i : i + k] = [True] * k
                    if tuple(keys[i : i + k]) in _OWNERS:
                        self.prefer[i] += PREFER["owner"]
                    i += k - 1
                    break
            i += 1

    def _joinable(self, start: int, end: int) -> bool:
        """No punctuation inside the span: "Văn hóa, thông tin" is no compound."""
        return not any(_TRAIL.search(w) for w in self.words[start : end - 1])

    def _capitalised(self, i: int, all_caps: bool) -> bool:
        """A word that may belong to a name: capitalised, in no compound, no function word."""
        word, key = self.words[i], self.keys[i]
        letter = next((c for c in word if c.isalpha()), "")
        if not letter or _is_number(word) or self.covered[i] or key in _FUNCTION:
            return False
        return (key,) not in _LOCALITY and (all_caps or letter.isupper())

    def _name_run(self, start: int, step: int) -> list[int]:
        """Indices of the capitalised words (and dashes between them) from ``start`` on."""
        words, run, i = self.words, [], start
        while 0 <= i < len(words):
            dash = words[i] in DASHES and 0 <= i + step < len(words) and self.cap[i + step]
            if not (self.cap[i] or (dash and run)):
                break
            if step < 0 and run and _TRAIL.search(words[i]):
                break  # "…, Thái Nguyên": the comma ends what comes before the name
            run.append(i)
            if step > 0 and _TRAIL.search(words[i]):
                break  # "Thái Nguyên, …": the comma ends the name
            i += step
        return run

    def _glue_name(self, run: list[int]) -> None:
        for j in sorted(run)[1:]:
            self.level[j] = NAME

    def _localities(self) -> None:
        keys, n = self.keys, len(self.keys)
        for i in range(n):
            for k in (2, 1):
                if tuple(keys[i : i + k]) not in _LOCALITY or i + k >= n:
                    continue
                if k == 1 and self.covered[i]:
                    continue  # "tỉnh" of "Tỉnh ủy"
                if _TRAIL.search(self.words[i + k - 1]):
                    continue
                after = i + k
                if not (self.cap[after] or _is_number(self.words[after])):
                    continue
                self.localities[i] = k
                self.level[after] = max(self.level[after], GROUP)
                self.prefer[i] += PREFER["locality"]
                self._glue_name(self._name_run(after, 1))
                break

    def _trailing_name(self) -> None:
        self._glue_name(self._name_run(len(self.words) - 1, -1))

    def _gaps(self) -> None:
        words, keys, cap = self.words, self.keys, self.cap
        for j in range(1, len(words)):
            p, q = words[j - 1], words[j]
            punct = bool(_TRAIL.search(p))
            level = self.level[j]
            if q in DASHES:
                level = max(level, GROUP)  # a line never starts with a dash
            if not punct:
                starts_group = keys[j] in _FUNCTION or j in self.localities
                if cap[j - 1] and not starts_group and q[:1].isalpha():
                    level = max(level, GROUP)  # "Ban Tuyên giáo", "Đài Phát thanh"
                if keys[j - 1] in _NUMBER_WORDS and _is_number(q):
                    level = max(level, GROUP)  # "ngày 02/4/2024", "số 3270"
                if keys[j] in _NUMBER_WORDS and _is_number(p):
                    level = max(level, GROUP)  # "02 tháng 4 năm 2024"
                if keys[j] == _NUMBER and j + 1 < len(words) and _is_number(words[j + 1]):
                    level = max(level, GROUP)  # "Công văn số 3270"
            if (
                keys[j] == _DATE
                and _is_number(p)
                and j + 1 < len(words)
                and _is_number(words[j + 1])
            ):
                level = max(level, GROUP)  # "số 3270-CV/BTGTU, ngày 02/4/2024": one citation
            self.level[j] = level
            prefer = self.prefer[j]
            if keys[j] in _BREAK_BEFORE:
                prefer += PREFER["before"]
            if keys[j] == _AND:
                prefer += PREFER["before_and"]
            if keys[j - 1] == _AND:
                prefer += PREFER["after_and"]
            elif punct:
                prefer += PREFER["comma"]
            elif keys[j - 1] in _FUNCTION:
                prefer += PREFER["after_function"]
            self.prefer[j] = prefer


@cache
def _width(word: str, size_pt: float, bold: bool) -> float:
    return text_width_mm(word, size_pt, bold=bold)


class _Breaker:
    def __init__(self, shown: list[str], gaps: _Words, width: float, size: float, bold: bool):
        self.n, self.gaps, self.width = len(shown), gaps, width
        self.space = _width(" ", size, bold)
        self.ends = [0.0]
        for word in shown:
            self.ends.append(self.ends[-1] + _width(word, size, bold))

    def line(self, start: int, end: int) -> float:
        """Width of words[start:end] on one line."""
        return self.ends[end] - self.ends[start] + self.space * (end - start - 1)

    def fits(self, start: int, end: int) -> bool:
        return self.line(start, end) <= self.width - EPSILON

    def cost(self, breaks: tuple[int, ...]) -> float:
        bounds = (0, *breaks, self.n)
        lines = [self.line(a, b) for a, b in itertools.pairwise(bounds)]
        cost = (max(lines) + SPREAD * (max(lines) - min(lines))) / self.width
        for j in breaks:
            cost += LEVEL_COST[self.gaps.level[j]] + self.gaps.prefer[j]
        return cost

    def fewest_lines(self, allowed: list[int]) -> int | None:
        """Greedy: as many words on each line as fit, breaking only at ``allowed`` gaps."""
        start, lines = 0, 1
        while not self.fits(start, self.n):
            fitting = [j for j in allowed if j > start and self.fits(start, j)]
            if not fitting:
                return None
            start, lines = fitting[-1], lines + 1
        return lines

    def partitions(self, allowed: list[int], start: int, lines: int):
        """Every choice of ``lines - 1`` allowed gaps after ``start`` where each line fits."""
        if lines == 1:
            if self.fits(start, self.n):
                yield ()
            return
        for j in allowed:
            if j <= start:
                continue
            if not self.fits(start, j):
                break
            for rest in self.partitions(allowed, j, lines - 1):
                yield (j, *rest)

    def allowed(self, level: int) -> list[int]:
        return [j for j in range(1, self.n) if self.gaps.level[j] <= level]

    def best(self, max_lines: int) -> tuple[int, ...]:
        for level in (FREE, GROUP, WORD, NAME):
            allowed = self.allowed(level)
            lines = self.fewest_lines(allowed)
            if lines is not None and lines <= max_lines:
                return min(self.partitions(allowed, 0, lines), key=self.cost)
        # Nothing fits (a word wider than the line, or too many words): widen the measure to
        # the shortest longest line any breaks give, and choose the breaks as above within it.
        self.width = self.longest(self.least_overflow(max_lines)) + 2 * EPSILON
        return self.best(max_lines)

    def longest(self, breaks: tuple[int, ...]) -> float:
        return max(self.line(a, b) for a, b in itertools.pairwise((0, *breaks, self.n)))

    def least_overflow(self, max_lines: int) -> tuple[int, ...]:
        """The breaks whose longest line is shortest (dynamic programming over every gap)."""
        n, lines = self.n, min(max_lines, self.n)
        # longest[k][i]: the shortest possible longest line setting words[i:] on k lines
        longest = [[float("inf")] * (n + 1) for _ in range(lines + 1)]
        choice = [[n] * (n + 1) for _ in range(lines + 1)]
        for i in range(n):
            longest[1][i] = self.line(i, n)
        for k in range(2, lines + 1):
            for i in range(n):
                for j in range(i + 1, n):
                    value = max(self.line(i, j), longest[k - 1][j])
                    if value < longest[k][i]:
                        longest[k][i], choice[k][i] = value, j
        k = min(range(1, lines + 1), key=lambda k: longest[k][0])
        breaks, i = [], 0
        while k > 1:
            i = choice[k][i]
            breaks.append(i)
            k -= 1
        return tuple(breaks)


def break_lines(
    text: str,
    width_mm: float,
    size_pt: float,
    *,
    bold: bool = False,
    upper: bool = False,
    max_lines: int = 3,
) -> str:
    """``text`` (upper-cased when ``upper``) with "\\n" where a văn thư would break it.

    Every line fits ``width_mm`` as ``text_width_mm`` measures it at ``size_pt``, when any choice
    of at most ``max_lines`` lines can; a text that fits on one line is returned on one line.
    Words are never split.
    """
    words = text.split()
    shown = [w.upper() for w in words] if upper else words
    if not words:
        return ""
    breaker = _Breaker(shown, _Words(words), width_mm, size_pt, bold)
    if breaker.fits(0, len(words)) or max_lines <= 1:
        return " ".join(shown)
    bounds = (0, *breaker.best(max_lines), len(words))
    return "\n".join(" ".join(shown[a:b]) for a, b in itertools.pairwise(bounds))
