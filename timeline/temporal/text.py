"""Tokens of a text for matching, with code point offsets into the original.

The original text is never changed: each token keeps its `start`/`end` in it,
and a folded form (lower case, accents and look-alike letters normalised) used
only for dictionary look-ups.  One linear-time regular expression makes the
tokens: a number swallows its decimal, time or date separators
("1,06", "204.000", "16:50", "07.10.2023") so that none of its parts can pass
for a day or a year on its own.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# digits with inner separators | a run of letters | any other visible character.
# `(?:[.,:/]\d+)*`: each repetition starts with a separator, never a digit,
# so the expression cannot backtrack (linear on "1.1.1.1..." or digit runs).
TOKEN_RE = re.compile(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+|\S")

# Latin letters that look like Cyrillic or Greek ones, for words that mix
# scripts (a Cyrillic month name typed with a Latin o).  Escapes keep engine files Latin-only.
_LATIN_TO_CYRILLIC = str.maketrans({
    "a": "\u0430", "c": "\u0441", "e": "\u0435", "o": "\u043e", "p": "\u0440",
    "x": "\u0445", "y": "\u0443", "k": "\u043a", "m": "\u043c", "t": "\u0442",
    "h": "\u043d", "b": "\u0432",
})
_LATIN_TO_GREEK = str.maketrans({
    "a": "\u03b1", "e": "\u03b5", "o": "\u03bf", "p": "\u03c1", "x": "\u03c7",
    "k": "\u03ba", "i": "\u03b9", "t": "\u03c4", "h": "\u03b7", "n": "\u03bd",
    "y": "\u03c5", "v": "\u03bd", "m": "\u03bc", "b": "\u03b2", "z": "\u03b6",
})
# Cyrillic and Greek capitals and small letters that look Latin, for names
# written in Latin letters ("COP29" typed with a Cyrillic C).
CONFUSABLE_TO_LATIN = str.maketrans({
    "\u0410": "A", "\u0412": "B", "\u0421": "C", "\u0415": "E", "\u041d": "H",
    "\u041a": "K", "\u041c": "M", "\u041e": "O", "\u0420": "P", "\u0422": "T",
    "\u0425": "X", "\u0423": "Y", "\u0430": "a", "\u0441": "c", "\u0435": "e",
    "\u043e": "o", "\u0440": "p", "\u0445": "x", "\u0443": "y", "\u0456": "i",
    "\u0406": "I", "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0397": "H",
    "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O",
    "\u03a1": "P", "\u03a4": "T", "\u03a7": "X", "\u03a5": "Y", "\u0396": "Z",
    "\u03bf": "o",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ",
})
_FINAL_SIGMA = str.maketrans({"\u03c2": "\u03c3"})
_CYRILLIC = range(0x0400, 0x0530)
_GREEK = range(0x0370, 0x0400)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The look-up key of a word: lower case, no accents, one script."""
    low = word.lower()
    if not low.isascii():
        low = "".join(c for c in unicodedata.normalize("NFD", low)
                      if not unicodedata.combining(c))
        low = unicodedata.normalize("NFC", low).translate(_FINAL_SIGMA)
        if any(c.isascii() and c.isalpha() for c in low):
            if any(ord(c) in _CYRILLIC for c in low):
                low = low.translate(_LATIN_TO_CYRILLIC)
            elif any(ord(c) in _GREEK for c in low):
                low = low.translate(_LATIN_TO_GREEK)
    return low


@dataclass(slots=True)
class Token:
    text: str      # as in the original text
    key: str       # folded, for look-ups
    start: int
    end: int
    glued: bool    # no space between this token and the previous one
    is_num: bool


def tokenize(text: str) -> list[Token]:
    out: list[Token] = []
    prev_end = -1
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        t = m.group()
        out.append(Token(t, fold(t), s, e, s == prev_end, t[0].isdecimal()))
        prev_end = e
    return out


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """A data phrase ("last week", "y.") as the keys of its tokens."""
    return tuple(fold(m.group()) for m in TOKEN_RE.finditer(phrase))


_FOLDED: dict[str, str] = {}


def fold_all(words: list[str]) -> list[str]:
    """fold() of many words through a plain dict (the hot path of scanning)."""
    cache = _FOLDED
    if len(cache) > 200_000:
        cache.clear()
    out = list(map(cache.get, words))
    if None in out:
        for i, k in enumerate(out):
            if k is None:
                w = words[i]
                k = cache.get(w)
                if k is None:
                    k = cache[w] = fold(w)
                out[i] = k
    return out
