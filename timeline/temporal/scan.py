"""Finding temporal expressions: tokens -> tags -> rule matches -> candidates.

A candidate says what the text gives (a `Spec`, a range of two, a relative
word, a weekday) and where; resolve.py turns it into dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from .calendar import Spec, valid_day
from .lexicon import DASHES, ROMAN, Lexicon, lexicon
from .rules import COMPILED
from .text import TOKEN_RE, fold, fold_all

_NUM_SPLIT = re.compile(r"[./]")
_NUM_BLOCKERS = frozenset("%\u2030\u2116#$\u20ac\u00a3+\u00b0")
_KEEP_GLUED = frozenset("yMAkQH")


@dataclass(slots=True)
class Item:
    tag: str
    value: object
    start: int
    end: int
    key: str
    glued: bool
    weak: bool = False
    ndigits: int = 0


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    rule: str
    kind: str                  # cal | range | relative | weekday | part_relative | named
    spec: Spec | None = None
    spec2: Spec | None = None  # the end of a range
    rel: str | None = None
    weekday: int | None = None
    future_lead: bool = False
    named: tuple | None = None  # (start, end, precision, edtf) of a dated occasion
    shift: int | None = None    # last (-1) / this (0) / next (1) before a weekday, month or season
    sel: tuple | None = None    # the span the candidate claims when wider than its text
    named_future: tuple | None = None  # an occasion's edition read forward


def _numeric_date(text: str, order: str):
    parts = _NUM_SPLIT.split(text)
    if len(parts) != 3 or len(set(_NUM_SPLIT.findall(text))) != 1:
        return None
    a, b, c = parts
    if not (a.isdecimal() and b.isdecimal() and c.isdecimal()):
        return None
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
        y, m, d = int(a), int(b), int(c)
    elif len(c) == 4 and len(a) <= 2 and len(b) <= 2:
        y = int(c)
        d, m = (int(b), int(a)) if order == "mdy" else (int(a), int(b))
        if m > 12 and d <= 12:
            d, m = m, d
    else:
        return None
    if not 1900 <= y <= 2100 or not valid_day(y, m, d):
        return None
    return (y, m, d)


def _lookup(keys, texts, i, n, lex: Lexicon):
    key = keys[i]
    lst = lex.entries.get(key)
    if lst is not None:
        for e in lst:
            k = len(e.keys)
            if k > 1 and (i + k > n or tuple(keys[i:i + k]) != e.keys):  # a phrase: all its words
                continue
            if e.capitalized and not texts[i][:1].isupper():
                continue
            return e, k
    if lex.month_prefixes and len(key) > 4 and not key[0].isdecimal():
        for cut in range(1, 5):
            e = lex.month_prefixes.get(key[:-cut])
            if e:
                return e, 1
    return None, 0


_APOSTROPHES = frozenset("'\u2019\u02bc")


def _suffix_at(keys, texts, spans, j, n, lex: Lexicon) -> bool:
    """A short glued run of letters at token j that is no date word of its own."""
    if j >= n or spans[j][0] != spans[j - 1][1] or not texts[j][:1].isalpha() or len(texts[j]) > 4:
        return False
    return _lookup(keys, texts, j, n, lex)[0] is None


def _year_unit_prefix(key: str, lex: Lexicon):
    """A year word with a case ending ("ildə", "yilda") right after a year, for
    languages read from CLDR: the entry of the year word it starts with."""
    for cut in range(1, 7):
        lst = lex.entries.get(key[:-cut]) if len(key) > cut + 1 else None
        if lst:
            for e in lst:
                if e.tag == "y" and len(e.keys) == 1:
                    return e
    return None


_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")
_NOT_PLAIN = re.compile("[^w]")


def _tokens(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """TOKEN_RE's tokens of `text` (spans, texts) without a Python call a token: `split`
    keeps the tokens between the runs of white space, whose lengths give the offsets."""
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return list(zip(offsets[1::2], offsets[2::2])), parts[1::2]


def _plain_marks(texts: list[str], keys: list[str], lex: Lexicon) -> str:
    """One letter a token: "w" for a plain word, which tagging turns into a 'w' item and
    nothing else (no digit first, no date word, no dash, comma, full stop or Roman
    numeral), "x" for any other token; what a token is depends on its text alone."""
    memo = lex.plain_tokens
    if len(memo) > 200_000:
        memo.clear()
    marks = list(map(memo.get, texts))
    if None in marks:
        entries = lex.entries
        for i, m in enumerate(marks):
            if m is None:
                t, key = texts[i], keys[i]
                plain = (not t[0].isdecimal() and key not in entries and t not in DASHES and t != "," and t != "."
                         and not (key in ROMAN and t.isupper()))
                marks[i] = memo[t] = "w" if plain else "x"
    return "".join(marks)


def tag_items(text: str, lex: Lexicon) -> list[Item]:
    """One item a token or phrase; a run of words that are no date words
    becomes one 'w' item (no rule looks inside it)."""
    spans, texts = _tokens(text)
    keys = fold_all(texts)
    items: list[Item] = []
    append = items.append
    entries = lex.entries
    prefix = bool(lex.month_prefixes)
    # a run of plain words is one step: its first word's 'w' item (unless one is open)
    marks = None if prefix else _plain_marks(texts, keys, lex)
    i, n = 0, len(spans)
    last_sep = False
    while i < n:
        if marks is not None and marks[i] == "w":
            if not last_sep:
                append(Item("w", None, spans[i][0], spans[i][1], keys[i], False))
                last_sep = True
            m = _NOT_PLAIN.search(marks, i + 1)
            i = m.start() if m else n
            continue
        t = texts[i]
        key = keys[i]
        c0 = t[0]
        if not c0.isdecimal() and not prefix and key not in entries:
            if t in DASHES:
                tag = "-"
            elif t == "," or t == ".":
                tag = t
            elif key in ROMAN and t.isupper():
                append(Item("O", ROMAN[key], spans[i][0], spans[i][1], key, False))
                last_sep = False
                i += 1
                continue
            else:
                if not last_sep:
                    append(Item("w", None, spans[i][0], spans[i][1], key, False))
                    last_sep = True
                i += 1
                continue
            append(Item(tag, None, spans[i][0], spans[i][1], key, spans[i][0] == spans[i - 1][1] if i else False))
            last_sep = False
            i += 1
            continue
        last_sep = False
        start, end = spans[i]
        glued = i > 0 and start == spans[i - 1][1]
        if c0.isdecimal():
            if not t.isdecimal():
                ymd = _numeric_date(t, lex.numeric_order)
                append(Item("N" if ymd else "n", ymd, start, end, key, glued))
                i += 1
                continue
            nd, j = len(t), i + 1
            v = int(t) if nd <= 4 else -1
            tag = "d" if nd <= 2 and 1 <= v <= 31 else "Y" if nd == 4 and 1900 <= v <= 2100 else "n"
            # an ordinal ending glued on ("3rd", "7-th")
            if j < n and spans[j][0] == end:
                nt = texts[j]
                if nt in DASHES and j + 1 < n and spans[j + 1][0] == spans[j][1] and keys[j + 1] in lex.ordinal_suffixes:
                    end, j = spans[j + 1][1], j + 2
                    tag = "o" if tag == "d" else tag
                elif keys[j] in lex.ordinal_suffixes:
                    end, j = spans[j][1], j + 1
                    tag = "o" if tag == "d" else tag
                elif prefix and (nt in DASHES or nt in _APOSTROPHES) and _suffix_at(keys, texts, spans, j + 1, n, lex):
                    # a case ending hyphened or apostrophed on (az "2023-cü", tr "2024'te",
                    # "7-də"): part of the number, which stays a day or a year
                    end, j = spans[j + 1][1], j + 2
                elif nt in _NUM_BLOCKERS:
                    tag = "n"
                elif nt[0].isalpha():
                    e, _ = _lookup(keys, texts, j, n, lex)
                    if e is None or e.tag not in _KEEP_GLUED:
                        tag = "n"
            if glued:
                pk = keys[i - 1]
                if texts[i - 1] in _NUM_BLOCKERS or (pk[:1].isalpha() and pk not in ("q", "h")):
                    tag = "n"
            append(Item(tag, v, start, end, key, glued, ndigits=nd))
            i = j
            continue
        e, k = _lookup(keys, texts, i, n, lex)
        if e is None and prefix and items and (items[-1].tag == "Y" or (
                items[-1].tag == "-" and len(items) > 1 and items[-2].tag == "Y" and glued)):
            e, k = _year_unit_prefix(key, lex), 1
        if e is not None:
            tag = e.tag
            if tag == "M" and e.weak:
                tag = "m"
            # a phrase's key is its last word's: connector data lists last words ("up to")
            append(Item(tag, e.value, start, spans[i + k - 1][1], keys[i + k - 1], glued, e.weak))
            i += k
            continue
        if t in DASHES:
            append(Item("-", None, start, end, key, glued))
        elif t == "," or t == ".":
            append(Item(t, None, start, end, key, glued))
        elif key in ROMAN and t.isupper():
            append(Item("O", ROMAN[key], start, end, key, glued))
        else:
            append(Item("w", None, start, end, key, glued))
            last_sep = True
        i += 1
    return items


# ---------------------------------------------------------------- builders

def _bare_spec(g) -> Spec | None:
    """The year-less calendar unit a match names (a day, month, season, quarter or half)."""
    d, mi, s_, o, q = g("d"), g("m"), g("s"), g("o"), g("q")
    if mi is not None:
        if d is not None:
            return Spec("day", None, mi.value, d.value) if valid_day(None, mi.value, d.value) else None
        return Spec("month", None, mi.value)
    if s_ is not None:
        return Spec("season", None, season=s_.value)
    if o is not None and q is not None:
        kind = "quarter" if q.tag in "Qq" else "half"
        return Spec(kind, None, n=o.value) if 1 <= o.value <= (4 if kind == "quarter" else 2) else None
    return None


def _g(m, items, name):
    try:
        s = m.start(name)
    except IndexError:
        return None
    return items[s] if s >= 0 else None


def _year(m, items):
    y = _g(m, items, "y")
    return y.value if y is not None else None


def _month_ok(mi: Item, context: bool) -> bool:
    """A weak month (kk October is also Kazan) or a bare abbreviation needs a context."""
    return context or (mi.tag == "M")


def build(rid: str, kind: str, m, items: list[Item], lex: Lexicon) -> Cand | None:
    g = lambda name: _g(m, items, name)  # noqa: E731
    lead = g("lead")
    year = _year(m, items)
    first = items[m.start()]
    last = items[m.end() - 1]
    cand = Cand(first.start, last.end, f"{lex.lang}.{rid}", "cal")
    after = items[m.end()] if m.end() < len(items) else None
    ym = g("ym")
    cand.future_lead = bool((lead is not None and lead.key in lex.future)
                            or (after is not None and after.key in lex.future)
                            or (ym is not None and ym.key in lex.future))  # uz "2030-yilgacha"
    if kind == "iso":
        d_, mo = g("d"), g("mo")
        seps = items[m.start() + 1], items[m.start() + 3]
        if not (all(x.glued for x in seps) and mo.glued and d_.glued and mo.ndigits == 2 and d_.ndigits == 2):
            return None
        if not valid_day(year, mo.value, d_.value):
            return None
        cand.spec = Spec("day", year, mo.value, d_.value)
    elif kind == "numeric":
        y, mo, d = g("num").value
        cand.spec = Spec("day", y, mo, d)
    elif kind == "day":
        d, mi = g("d"), g("m")
        if mi.tag == "A" and year is None and m.group("m")[-1:] != "." and d.tag != "d":
            return None
        if not valid_day(year, mi.value, d.value):
            cand.kind = "block"  # 31 February: rejected, not shifted (nor read as February)
            return cand
        cand.spec = Spec("day", year, mi.value, d.value)
    elif kind == "day_range":
        d1, d2, mi = g("d1"), g("d2"), g("m")
        if m.group("conn") and (lead is None or lead.tag != "f"):
            return None
        if not (d1.value < d2.value and valid_day(year, mi.value, d2.value)):
            return None
        cand.kind = "range"
        cand.spec = Spec("day", year, mi.value, d1.value)
        cand.spec2 = Spec("day", year, mi.value, d2.value)
    elif kind == "cross_range":
        d1, m1, d2, m2 = g("d1"), g("m1"), g("d2"), g("m2")
        y1 = g("y1").value if g("y1") is not None else None
        if m.group("conn") and (lead is None or lead.tag != "f"):
            return None
        if y1 is None and year is not None:
            y1 = year - 1 if m1.value > m2.value else year
        if not (valid_day(y1, m1.value, d1.value) and valid_day(year, m2.value, d2.value)):
            return None
        if m1.value == m2.value and d1.value >= d2.value and (y1 == year):
            return None
        cand.kind = "range"
        cand.spec = Spec("day", y1, m1.value, d1.value)
        cand.spec2 = Spec("day", year, m2.value, d2.value)
    elif kind == "month_range":
        m1, m2 = g("m1"), g("m2")
        if m.group("conn") and (lead is None or lead.tag != "f"):
            return None
        if m1.value == m2.value or (m1.tag != "M" and year is None):
            return None
        cand.kind = "range"
        y1 = year - 1 if (year is not None and m1.value > m2.value) else year
        cand.spec = Spec("month", y1, m1.value)
        cand.spec2 = Spec("month", year, m2.value)
    elif kind == "month":
        mi = g("m")
        if not _month_ok(mi, year is not None or g("k") is not None or (lead is not None and mi.tag != "A")):
            return None
        cand.spec = Spec("month", year, mi.value)
    elif kind == "year":
        if rid == "year_prep" and lead.tag == "t" and lead.key not in lex.future:
            return None
        cand.spec = Spec("year", year)
    elif kind == "year_range":
        y1, y2 = g("y1").value, g("y2").value
        if not y1 < y2 <= y1 + 50:
            return None
        if m.group("conn") and not ((lead is not None and lead.tag == "f") or g("ym") is not None):
            return None
        cand.kind = "range"
        cand.spec, cand.spec2 = Spec("year", y1), Spec("year", y2)
    elif kind == "part_month":
        part, mi = g("part"), g("m")
        cand.spec = Spec("part_of_month", year, mi.value, part=part.value)
    elif kind == "part_year":
        part = g("part")
        cand.spec = Spec("part_of_year", year, part=part.value)
    elif kind == "part_relative":
        part, rel = g("part"), g("rel")
        if not rel.value.endswith(("_year", "_month")):
            return None
        cand.kind, cand.rel = "part_relative", rel.value
        cand.spec = Spec("part_of_year" if rel.value.endswith("_year") else "part_of_month", None,
                         part=part.value)
    elif kind == "season":
        s = g("s")
        if s.weak and year is None and lead is None:
            return None
        cand.spec = Spec("season", year, season=s.value)
    elif kind in ("quarter", "half"):
        o = g("o")
        top = 4 if kind == "quarter" else 2
        if not 1 <= o.value <= top:
            return None
        qa = g("q")
        if qa.tag in "qh" and not o.glued:
            return None
        cand.spec = Spec(kind, year, n=o.value)
    elif kind == "relative":
        cand.kind, cand.rel = "relative", g("rel").value
    elif kind == "weekday":
        sh = g("sh")
        if lead is None and sh is None and not lex.bare_weekday:
            return None
        cand.kind, cand.weekday = "weekday", g("wd").value
        cand.shift = sh.value if sh is not None else None
    elif kind == "shifted":
        s_, mi = g("s"), g("m")
        cand.kind, cand.shift = "shifted", g("sh").value
        cand.spec = Spec("season", None, season=s_.value) if s_ is not None else Spec("month", None, mi.value)
    elif kind in ("rel_cal", "rel_comma"):
        rel = g("rel")
        if not rel.value.endswith("_year"):
            return None
        spec = _bare_spec(g)
        if spec is None:
            return None
        cand.kind, cand.rel, cand.spec = "rel_cal", rel.value, spec
        if kind == "rel_comma":  # "earlier this year, in February": the text is the month's
            cand.sel = (cand.start, cand.end)
            cand.start = (lead or g("m")).start
    else:
        raise ValueError(kind)
    return cand


_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_END = re.compile(r"[.!?;:\n]")


def _planned(text: str, c: Cand, lex: Lexicon) -> bool:
    """A word that tells a plan ("will", "is to be held") among the three words
    before the expression or the two after it, in the same clause: a planned date
    does not anchor the narrative.  Looks at a fixed window only."""
    before = text[max(0, c.start - 60):c.start]
    cut = None
    for cut in _CLAUSE_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    after = text[c.end:c.end + 40]
    stop = _CLAUSE_END.search(after)
    if stop:
        after = after[:stop.start()]
    words = _WORD.findall(before)[-3:] + _WORD.findall(after)[:2]
    return any(fold(w) in lex.future_verbs for w in words)


def scan(text: str, lang: str) -> list[Cand]:
    """Every rule's candidates (overlapping); select() keeps the longest."""
    lex = lexicon(lang)
    items = tag_items(text, lex)
    tags = "".join(it.tag for it in items)
    out: list[Cand] = []
    present = set(tags)
    for rid, rx, kind, orders, needs, required in COMPILED:
        if orders and not lex.orders.intersection(orders):
            continue
        if present.isdisjoint(needs):
            continue
        if any(present.isdisjoint(letters) for letters in required):
            continue
        for m in rx.finditer(tags):
            c = build(rid, kind, m, items, lex)
            if c is not None:
                out.append(c)
    if lex.future_verbs:
        for c in out:
            if not c.future_lead and c.kind in ("cal", "range"):
                c.future_lead = _planned(text, c, lex)
    return out


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping, longest first (ties: earliest, then rule order)."""
    chosen: list[Cand] = []
    if not cands:
        return chosen
    size = max(c.end for c in cands)
    size = max(size, max((c.sel[1] for c in cands if c.sel), default=0))
    taken = bytearray(size)  # 1 where a chosen span lies: linear in the text

    def span(c: Cand) -> tuple[int, int]:
        return c.sel or (c.start, c.end)

    for c in sorted(cands, key=lambda c: (-(span(c)[1] - span(c)[0]), span(c)[0])):
        a, b = span(c)
        if taken.find(1, a, b) >= 0:
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append(c)
    chosen = [c for c in chosen if c.kind != "block"]
    chosen.sort(key=lambda c: c.start)
    return chosen
