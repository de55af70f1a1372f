"""Finding words in an answer the way a reader would, in Korean and English.

A term is a plain word or phrase (no regex), compiled once:

- **English** (any Latin letter in the term): whole words only, case-insensitive, with
  an optional plural or possessive ending ("boot" finds "boots", "boot's"), spaces
  matching any run of spaces or a hyphen. A trailing ``*`` makes it a prefix
  ("waterproof*" finds "waterproofing").
- **Korean**, two or more syllables: found inside words. Particles and compounds attach
  to Korean nouns on both sides ("하객룩", "결혼식장에서", "팀회의"), so word
  boundaries would miss most real uses, and a two-syllable noun rarely hides inside an
  unrelated word.
- **Korean**, one syllable: must start a word and be followed by nothing, a space or
  punctuation, or particles ("비가", "비 오는", "비에도"). One syllable is exactly what
  hides in other words: "비" in "비율", "준비", "비즈니스". A trailing ``*`` allows any
  ending ("젖*" finds "젖어", "젖지"; "빗*" finds "빗길").

Mixed terms ("BMI가") follow the English rule on their Latin side; Hangul next to Latin
letters is a boundary, so "suede 로퍼" and "BMI가" both match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

HANGUL = "\uac00-\ud7a3"
_HANGUL_CHAR = re.compile(f"[{HANGUL}]")
_LATIN = re.compile(r"[A-Za-z]")

# Particles and copula endings that may follow a one-syllable noun, longest first so
# "에서" is tried before "에". Up to two may stack ("에서도", "에는").
PARTICLES: tuple[str, ...] = (
    "이에요", "이라도", "입니다", "에서", "에게", "으로", "이랑", "처럼", "까지", "부터",
    "보다", "이나", "이면", "라도", "예요", "이고", "에는", "에도", "에선", "이라", "이",
    "가", "은", "는", "을", "를", "에", "엔", "의", "도", "와", "과", "로", "랑", "만",
    "나", "면", "라", "고", "요", "인", "일",
)  # fmt: skip
_PARTICLE_RUN = "(?:" + "|".join(PARTICLES) + "){1,2}"


def _is_latin_term(term: str) -> bool:
    return bool(_LATIN.search(term))


def _syllables(term: str) -> int:
    return len(_HANGUL_CHAR.findall(term))


def _body(term: str) -> str:
    """The term as a regex: literal text, spaces as any whitespace or a hyphen."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", term.strip()) if w]
    return r"[\s-]+".join(words)


@lru_cache(maxsize=4096)
def term_parts(term: str) -> tuple[str, str]:
    """The regex for one term as (left boundary, the rest); see the module docstring."""
    raw = term.strip()
    if not raw:
        raise ValueError("empty term")
    prefix = raw.endswith("*")
    raw = raw.rstrip("*").strip()
    body = _body(raw)
    if _is_latin_term(raw):
        left = _LATIN_LEFT if _LATIN.match(raw) else ""
        right = r"(?:'s|s|es)?(?![A-Za-z])" if not prefix and _LATIN.search(raw[-1]) else ""
        return left, f"{body}{right}"
    if _syllables(raw) >= 2 and not prefix:
        return "", body
    if prefix:
        return _HANGUL_LEFT, body
    return _HANGUL_LEFT, f"{body}(?:{_PARTICLE_RUN})?(?![{HANGUL}])"


_LATIN_LEFT = r"(?<![A-Za-z])"
_HANGUL_LEFT = f"(?<![{HANGUL}])"


@dataclass(frozen=True)
class Hit:
    term: str
    start: int
    end: int
    text: str


class Terms:
    """A set of terms compiled into one regex; finds non-overlapping hits, longest first."""

    def __init__(self, terms: Iterable[str]) -> None:
        unique = list(dict.fromkeys(t.strip() for t in terms if t.strip()))
        # Longest first: "chelsea boots" wins over "boots", "티셔츠" over "셔츠".
        self.terms: tuple[str, ...] = tuple(sorted(unique, key=lambda t: -len(t.rstrip("*"))))
        self._groups = {f"t{i}": term for i, term in enumerate(self.terms)}
        # Terms that share a left boundary share one lookbehind, checked once per
        # position instead of once per term: hundreds of garment words stay fast.
        # A look-ahead of the terms' first letters lets most positions fail at once.
        by_left: dict[str, list[str]] = {"": [], _HANGUL_LEFT: [], _LATIN_LEFT: []}
        firsts: dict[str, set[str]] = {left: set() for left in by_left}
        for i, term in enumerate(self.terms):
            left, rest = term_parts(term)
            by_left[left].append(f"(?P<t{i}>{rest})")
            first = term.strip()[0]
            firsts[left] |= {first.lower(), first.upper()}
        branches = [
            f"(?=[{''.join(re.escape(c) for c in sorted(firsts[left]))}]){left}(?:{'|'.join(parts)})"
            for left, parts in by_left.items()
            if parts
        ]
        self._regex = re.compile("|".join(branches), re.IGNORECASE) if branches else None

    def __bool__(self) -> bool:
        return bool(self.terms)

    def finditer(self, text: str) -> Iterator[Hit]:
        if self._regex is None:
            return
        for match in self._regex.finditer(text):
            group = match.lastgroup or ""
            yield Hit(self._groups[group], match.start(), match.end(), match.group(0))

    def search(self, text: str) -> Hit | None:
        return next(self.finditer(text), None)

    def found(self, text: str) -> list[str]:
        """The terms found, in order of first appearance."""
        return list(dict.fromkeys(hit.term for hit in self.finditer(text)))


def contains(text: str, term: str) -> bool:
    return Terms([term]).search(text) is not None


@lru_cache(maxsize=1024)
def terms_of(words: tuple[str, ...]) -> Terms:
    """A compiled Terms for a tuple of words, kept for reuse (checks run per answer)."""
    return Terms(words)
