"""Named dated occasions (timeline/gazetteer/occasions.toml): "on the sidelines
of COP29", "at Kazenergy Week – 2025" date what happened there
(basis `named_event`).

Aliases are matched on a copy of the text in which Cyrillic and Greek letters
that look Latin are made Latin, one code point for one, so offsets stay those
of the original ("COP29" typed with a Cyrillic C is COP29).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache

from timeline import langdata

from .calendar import days_edtf, last_day
from .scan import Cand
from .text import CONFUSABLE_TO_LATIN

_SEP = r"[\s\-\u2010-\u2015]+"
_YEAR_TAIL = r"(?:[\s\-\u2010-\u2015'\u2019]{0,5}(?P<yr>(?:19|20)\d\d))?"


@dataclass(frozen=True)
class Edition:
    year: int
    start: date
    end: date
    precision: str
    place: re.Pattern | None = None  # the edition's host city, as the text may name it


# how far around an alias a year or a host city still names the edition ("the BRICS
# summit in Kazan in October 2024"): a few words, within the sentence
_NEAR = 48
_NEAR_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SENTENCE_END = re.compile(r"[.!?;\n]\s")
# an annual occasion named without its year: an edition at most this far from the reference date
_ANNUAL_DAYS = 400


@dataclass(frozen=True)
class Occasion:
    id: str
    regex: re.Pattern
    series: bool
    annual: bool
    editions: tuple[Edition, ...]


def _alias_pattern(alias: str) -> str:
    alias = alias.translate(CONFUSABLE_TO_LATIN).strip()
    parts = []
    for word in alias.split():
        star = word.endswith("*")
        word = word.rstrip("*")
        parts.append(re.escape(word) + (r"\w{0,4}" if star else ""))
    return _SEP.join(parts)


def _edition(d: dict, year: int | None = None) -> Edition:
    st, en = d["start"], d["end"]
    places = d.get("places", [])
    place = None
    if places:
        alt = "|".join(sorted((_alias_pattern(a) for a in places), key=len, reverse=True))
        place = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)
    return Edition(year or st.year, st, en, d.get("precision", "day"), place)


@cache
def occasions() -> tuple[Occasion, ...]:
    path = langdata.GAZETTEER_DIR / "occasions.toml"
    if not path.exists():
        return ()
    with path.open("rb") as f:
        data = tomllib.load(f)
    out = []
    for o in data.get("occasion", []):
        alt = "|".join(sorted((_alias_pattern(a) for a in o["aliases"]), key=len, reverse=True))
        rx = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)
        out.append(Occasion(o["id"], rx, False, False, (_edition(o),)))
    for s in data.get("series", []):
        alt = "|".join(sorted((_alias_pattern(a) for a in s["aliases"]), key=len, reverse=True))
        rx = re.compile(rf"(?<!\w)(?:{alt}){_YEAR_TAIL}(?!\w)", re.IGNORECASE)
        eds = tuple(_edition(e, e["year"]) for e in s.get("edition", []))
        out.append(Occasion(s["id"], rx, True, bool(s.get("annual")), eds))
    return tuple(out)


def _named(ed: Edition) -> tuple:
    if ed.precision == "month":
        return (date(ed.start.year, ed.start.month, 1),
                date(ed.start.year, ed.start.month, last_day(ed.start.year, ed.start.month)),
                "month", f"{ed.start.year:04d}-{ed.start.month:02d}")
    return ed.start, ed.end, "day", days_edtf(ed.start, ed.end)


def _variants(key: str) -> set[str]:
    """`key` with each letter also in its Cyrillic and Greek look-alikes."""
    alts: dict[str, set[str]] = {}
    for src, dst in CONFUSABLE_TO_LATIN.items():
        alts.setdefault(dst.lower(), set()).add(chr(src).lower())
    out = {""}
    for ch in key:
        out = {v + a for v in out for a in ({ch} | alts.get(ch, set()))}
    return out


@cache
def _automaton():
    """Aho-Corasick over the first letters of every alias (and their
    look-alike spellings): a text is searched with an occasion's expression
    only near a hit, and only that window is made Latin."""
    import ahocorasick
    path = langdata.GAZETTEER_DIR / "occasions.toml"
    if not path.exists():
        return None
    with path.open("rb") as f:
        data = tomllib.load(f)
    entries = data.get("occasion", []) + data.get("series", [])
    keys: dict[str, set] = {}
    for idx, o in enumerate(entries):
        for alias in o["aliases"]:
            latin = alias.translate(CONFUSABLE_TO_LATIN).lower()
            m = re.search(r"\w+", latin)
            if m:
                head = m.group()[:4]
                if len(head) < 3:  # "KS-29": keep the separator, or "ks" hits every "eks..."
                    head = latin[m.start():m.start() + 4]
                for v in _variants(head):
                    keys.setdefault(v, set()).add((idx, len(head), m.start()))
    auto = ahocorasick.Automaton()
    for k, v in keys.items():
        auto.add_word(k, v)
    auto.make_automaton()
    return auto


_last: dict = {}


def _matches(text: str):
    """The occasions' aliases in `text`: (occasion, match, window offset). A document's text is
    searched twice (for its reference date, then for its dates); the second time reads the
    first's matches."""
    hit = _last.get("matches")
    if hit is None or hit[0] != text:
        hit = _last["matches"] = (text, tuple(_search(text)))
    return hit[1]


def _search(text: str):
    occs = occasions()
    auto = _automaton()
    low = text.lower()
    if auto is None or len(low) != len(text):
        latin = text.translate(CONFUSABLE_TO_LATIN)
        for occ in occs:
            yield from ((occ, m, 0) for m in occ.regex.finditer(latin))
        return
    seen = set()
    for end, hits in auto.iter(low):
        for k, klen, lead in hits:
            if (k, end) in seen:
                continue
            seen.add((k, end))
            ws = max(0, end - klen + 1 - lead - 1)
            window = text[ws:end + 90].translate(CONFUSABLE_TO_LATIN)
            m = occs[k].regex.match(window, end - klen + 1 - lead - ws)
            if m:
                yield occs[k], m, ws


def _around(text: str, start: int, end: int) -> str:
    """The few words around an alias, within its sentence (made Latin like the aliases)."""
    before = text[max(0, start - _NEAR):start]
    cut = None
    for cut in _SENTENCE_END.finditer(before):
        pass
    if cut is not None:
        before = before[cut.end():]
    after = text[end:end + _NEAR]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[:stop.start()]
    return (before + " " + after).translate(CONFUSABLE_TO_LATIN)


def _edition_near(occ: Occasion, text: str, start: int, end: int) -> tuple[Edition | None, bool]:
    """The edition a year or a host city near the alias names: (edition, whether
    anything near named one)."""
    near = _around(text, start, end)
    years = {int(y) for y in _NEAR_YEAR.findall(near)}
    eds = [e for e in occ.editions if e.year in years]
    if len(eds) == 1:
        return eds[0], True
    by_place = [e for e in (eds or occ.editions) if e.place is not None and e.place.search(near)]
    if len(by_place) == 1:
        return by_place[0], True
    return None, bool(years)


def find_occasions(text: str, ref: date | None) -> list[Cand]:
    out: list[Cand] = []
    for occ, m, ws in _matches(text):
        named = fut = None
        start, end = ws + m.start(), ws + m.end()
        if not occ.series:
            named = _named(occ.editions[0])
        else:
            yr = m.group("yr")
            if yr:
                y = int(yr)
                ed = next((e for e in occ.editions if e.year == y), None)
                named = _named(ed) if ed else (date(y, 1, 1), date(y, 12, 31), "year", f"{y:04d}")
            else:
                ed, said = _edition_near(occ, text, start, end)
                if ed is not None:
                    named = _named(ed)
                elif not said and occ.annual and ref is not None and occ.editions:
                    # without a year: the latest edition begun by the reference date (what
                    # was done), and the first not yet over (what is planned)
                    past = [e for e in occ.editions if e.start <= ref and (ref - e.start).days <= _ANNUAL_DAYS]
                    ahead = [e for e in occ.editions if e.end >= ref and (e.start - ref).days <= _ANNUAL_DAYS]
                    p = max(past, key=lambda e: e.start) if past else None
                    f = min(ahead, key=lambda e: e.start) if ahead else None
                    if p or f:
                        named = _named(p or f)
                        fut = _named(f) if f else named
        if named is None:
            continue
        out.append(Cand(start, end, f"occasion.{occ.id}", "named", named=named, named_future=fut))
    return out
