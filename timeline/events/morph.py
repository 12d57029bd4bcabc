"""Text normalisation, tokens and suffix-class morphology for name matching.

Language-free: every word list lives in `timeline/lang/<code>/morphology.toml`
(and, for languages without a folder yet, `timeline/gazetteer/morphology_unseen.toml`).

`normalise(text)` returns a copy of the same length (one code point for one
code point), so offsets found in it are offsets in the original text:
lower case, yo folded to ie, accents stripped from Greek and Latin letters,
final sigma folded, no-break and thin spaces made spaces, dashes made "-",
apostrophes made "'" and quotation marks made '"'.  `tokens()` then repairs
words that mix look-alike letters of two scripts (a Cyrillic letter inside a
Latin acronym, a Latin letter in a Greek word).
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product
from pathlib import Path

from timeline import langdata

UNSEEN_FILE = langdata.GAZETTEER_DIR / "morphology_unseen.toml"

# the closed set of keys of a morphology table (checked on load and by the contract test)
KEYS = frozenset({"script", "min_stem", "endings", "compose", "stem_rules", "legal_forms",
                  "org_words", "name_particles", "stopwords", "lemma_strip"})

SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
APOSTROPHES = "\u2018\u2019\u201b\u02bb\u02bc\u02bd\u0060\u00b4\u2032"
QUOTES = "\u00ab\u00bb\u201c\u201d\u201e\u201f\u2039\u203a\u300c\u300d"
# characters with no decomposition that still have a plain look-alike
EXTRA = {"\u0131": "i", "\u0259": "e", "\u018f": "e", "\u0130": "i", "\u00f8": "o", "\u00d8": "o",
         "\u0111": "d", "\u0110": "d", "\u0142": "l", "\u0141": "l", "\u0451": "\u0435",
         "\u0401": "\u0435", "\u03c2": "\u03c3"}


def _fold(ch: str) -> str:
    if ch in EXTRA:
        return EXTRA[ch]
    if ch in SPACES:
        return " "
    if ch in DASHES:
        return "-"
    if ch in APOSTROPHES:
        return "'"
    if ch in QUOTES:
        return '"'
    low = ch.lower()
    if len(low) != 1:
        low = ch
    cp = ord(low)
    if 0x00C0 <= cp <= 0x024F or 0x0370 <= cp <= 0x03FF or 0x1E00 <= cp <= 0x1FFF:
        parts = unicodedata.normalize("NFD", low)
        if len(parts) > 1:
            low = parts[0]
    return EXTRA.get(low, low)


def _table() -> dict[int, str]:
    table = {}
    ranges = [(0, 0x0530), (0x1E00, 0x2070), (0x3000, 0x3001), (0xFE58, 0xFE59), (0xFE63, 0xFE64),
              (0xFF0D, 0xFF0E)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            f = _fold(ch)
            if f != ch:
                table[cp] = f
    return table


FOLD = _table()


def normalise(text: str) -> str:
    """A copy of `text` of the same length, folded for matching (see the module doc)."""
    return text.translate(FOLD)


def norm_word(word: str) -> str:
    """The key of a word or an ending: normalised, apostrophes removed, scripts repaired."""
    return repair(normalise(word).replace("'", ""))


# look-alike letters (lower case, after folding) between scripts
_CYR = "\u0430\u0432\u0435\u043a\u043c\u043d\u043e\u0440\u0441\u0442\u0445\u0443\u0456"
_LAT_FOR_CYR = "abekmhopctxyi"
_GRE = "\u03b1\u03b2\u03b5\u03b7\u03b9\u03ba\u03bc\u03bd\u03bf\u03c1\u03c4\u03c7\u03c5\u03b6"
_LAT_FOR_GRE = "abehikmnoptxyz"
LAT_TO_CYR = str.maketrans(_LAT_FOR_CYR, _CYR)
CYR_TO_LAT = str.maketrans(_CYR, _LAT_FOR_CYR)
LAT_TO_GRE = str.maketrans(_LAT_FOR_GRE, _GRE)
GRE_TO_LAT = str.maketrans(_GRE, _LAT_FOR_GRE)


# the letters of each script a word is told by (Latin: A-Z and U+00C0-U+024F)
_SCRIPTS = (("Cyrl", re.compile(r"[\u0400-\u052f]")),
            ("Grek", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
            ("Latn", re.compile(r"[A-Za-z\u00c0-\u024f]")))


@lru_cache(maxsize=1 << 16)
def word_script(word: str) -> str:
    """The main script of a word (the most letters; a tie goes to the script that comes first),
    '' for digits only (cached: words repeat; counted by regex, not letter by letter)."""
    best, best_n, best_at = "", 0, len(word)
    for name, rx in _SCRIPTS:
        first = rx.search(word)
        if first is None:
            continue
        n = len(rx.findall(word, first.start()))
        if n > best_n or n == best_n and first.start() < best_at:
            best, best_n, best_at = name, n, first.start()
    return best


_HAS_LATIN = re.compile(r"[a-z]")
_HAS_OTHER = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")


def repair(key: str) -> str:
    """Map look-alike letters of the minority script to the word's main script."""
    if key.isascii() or not _HAS_LATIN.search(key):
        return key
    main = word_script(key)
    if main == "Cyrl":
        return key.translate(LAT_TO_CYR)
    if main == "Grek":
        return key.translate(LAT_TO_GRE)
    if main == "Latn" and _HAS_OTHER.search(key):
        return key.translate(CYR_TO_LAT).translate(GRE_TO_LAT)
    return key


# a word: letters and digits, apostrophes inside, an optional trailing "+" (OPEC+)
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*\+?")
SENTENCE_END = ".!?\u2026\n"
OPENERS = ' "\'(-[\t\r'


@dataclass(slots=True)
class Token:
    start: int
    end: int
    key: str  # normalised, apostrophes removed, scripts repaired
    cap: bool  # first letter upper case in the original
    upper: bool  # every letter upper case (an acronym), two letters or more
    initial: bool  # first word of a sentence or a line


def tokens(text: str, norm: str | None = None) -> list[Token]:
    """The words of `text` with offsets, keys and case flags."""
    if norm is None:
        norm = normalise(text)
    out = []
    for m in WORD.finditer(norm):
        s, e = m.span()
        raw = text[s:e]
        key = m.group()
        if "'" in key:
            key = key.replace("'", "")
        out.append(Token(s, e, repair(key), raw[0].isupper(),
                         len(raw) > 1 and raw.isupper(), _initial(norm, s)))
    return out


def tokens_within(toks: list[Token], starts: list[int], norm: str, start: int, end: int) -> list[Token] | None:
    """tokens(text[start:end]) cut from tokens(text) (`starts`: their starts; `norm`: the
    normalised text), or None where a word runs across either end. Only the first word's
    `initial` can differ: the slice's start is a line start to it."""
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    if lo and toks[lo - 1].end > start or hi and toks[hi - 1].end > end:
        return None
    out = [Token(t.start - start, t.end - start, t.key, t.cap, t.upper, t.initial) for t in toks[lo:hi]]
    if out:
        out[0].initial = _initial(norm[start:end], out[0].start)
    return out


def _initial(norm: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and norm[i] in OPENERS:
        i -= 1
    return i < 0 or norm[i] in SENTENCE_END


# ---------------------------------------------------------------- morphology

@dataclass(frozen=True, slots=True)
class Morphology:
    """One language's suffix classes and stem rules, normalised."""
    lang: str
    scripts: tuple[str, ...]
    min_stem: int
    classes: dict[str, frozenset[str]]
    rules: tuple[tuple[str, int, str], ...]  # (suffix, drop, class), first match wins
    max_ending: int
    legal_forms: frozenset[str]
    org_words: frozenset[str]
    name_particles: frozenset[str]
    stopwords: frozenset[str]
    lemma_strip: tuple[str, ...]

    def stem(self, word: str) -> tuple[str, str]:
        """The stem of a normalised lemma word and its ending class."""
        for suffix, drop, cls in self.rules:
            if word.endswith(suffix) and len(word) - drop >= self.min_stem:
                return (word[:len(word) - drop] if drop else word), cls
        return word, "invariant"


def check_table(table: dict, where: str) -> None:
    """Raise ValueError naming missing or unknown keys of a morphology table."""
    keys = set(table)
    missing, extra = KEYS - keys, keys - KEYS
    if missing or extra:
        raise ValueError(f"{where}: missing keys {sorted(missing)}, unknown keys {sorted(extra)}")


def build_morphology(lang: str, table: dict, where: str) -> Morphology:
    check_table(table, where)
    classes: dict[str, frozenset[str]] = {"invariant": frozenset({""})}
    for name, endings in table["endings"].items():
        classes[name] = frozenset(norm_word(e) for e in endings)
    for name, slots in table["compose"].items():
        parts = [classes[s] for s in slots]
        classes[name] = frozenset("".join(p) for p in product(*parts))
    rules = []
    for r in table["stem_rules"]:
        if r["class"] not in classes:
            raise ValueError(f"{where}: stem rule {r} names an unknown class")
        rules.append((norm_word(r["suffix"]), int(r["drop"]), r["class"]))
    max_ending = max((len(e) for c in classes.values() for e in c), default=0)
    return Morphology(
        lang=lang, scripts=tuple(table["script"]), min_stem=int(table["min_stem"]),
        classes=classes, rules=tuple(rules), max_ending=max_ending,
        legal_forms=frozenset(norm_word(w) for w in table["legal_forms"]),
        org_words=frozenset(norm_word(w) for w in table["org_words"]),
        name_particles=frozenset(norm_word(w) for w in table["name_particles"]),
        stopwords=frozenset(norm_word(w) for w in table["stopwords"]),
        lemma_strip=tuple(sorted((norm_word(w) for w in table["lemma_strip"]), key=len, reverse=True)))


def morphology_files() -> list[Path]:
    """Every file that holds morphology tables (for the gazetteer's version hash)."""
    files = [langdata.LANG_DIR / code / "morphology.toml" for code in langdata.languages()]
    files = [f for f in files if f.exists()]
    if UNSEEN_FILE.exists():
        files.append(UNSEEN_FILE)
    return files


@cache
def morphologies() -> dict[str, Morphology]:
    """Every language's morphology: lang/<code>/morphology.toml, then the unseen languages."""
    out: dict[str, Morphology] = {}
    for code in langdata.languages():
        table = langdata.load(code, "morphology")
        if table:
            out[code] = build_morphology(code, table, f"timeline/lang/{code}/morphology.toml")
    if UNSEEN_FILE.exists():
        with UNSEEN_FILE.open("rb") as f:
            unseen = tomllib.load(f)
        for code, table in unseen.items():
            if code not in out:
                out[code] = build_morphology(code, table, f"{UNSEEN_FILE.name} [{code}]")
    return out
