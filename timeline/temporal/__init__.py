"""The temporal engine: finds temporal expressions in a text of any language
and resolves them to inclusive intervals with a precision, an EDTF form and
a basis (spec, "Dates").

    from timeline.temporal import find_dates, reference_date, dates_records

Per-language words come from timeline/lang/<code>/dates.toml (or, for a
language without a folder, from Babel's CLDR data and dateparser's locale
tables); named occasions from timeline/gazetteer/occasions.toml.  No
language is written into this package.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from timeline.model import RefDate, TimeExpr

from .occasions import find_occasions
from .reference import dateline, dateline_spans, header_date
from .resolve import resolve_all
from .scan import Cand, scan, select

__all__ = ["find_dates", "reference_date", "dates_records", "dateline_spans", "header_date"]

_cache: dict = {}


def _scan(text: str, lang: str) -> list[Cand]:
    """The rules' candidates, which depend on the text alone: the reference date's search and
    the dates' resolution read the same scan."""
    key = (lang, text)
    hit = _cache.get("scan")
    if hit is None or hit[0] != key:
        hit = _cache["scan"] = (key, scan(text, lang))
    return list(hit[1])


def _candidates(text: str, lang: str, ref: date | None) -> list[Cand]:
    key = (lang, ref, text)
    hit = _cache.get("last")
    if hit is not None and hit[0] == key:
        return hit[1]
    cands = _scan(text, lang) + find_occasions(text, ref)
    head = header_date(text)
    if head:  # the header is the document's metadata, not a date of its story
        cands = [c for c in cands if c.start >= head[1]]
    chosen = select(cands)
    _cache["last"] = (key, chosen)
    return chosen


def _find(text: str, lang: str, ref: date | None) -> tuple[list[TimeExpr], date | None]:
    key = (lang, ref, text)
    hit = _cache.get("found")
    if hit is not None and hit[0] == key:
        return list(hit[1]), hit[2]
    # without a reference date, a dateline (its year placed by the narrative) gives it
    exprs, used = resolve_all(text, _candidates(text, lang, ref), ref, dateline if ref is None else None)
    exprs = _join_weekdays(text, exprs)
    _cache["found"] = (key, tuple(exprs), used)
    return exprs, used


_GAP = re.compile(r"[ \t,]{0,3}")


def _join_weekdays(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """A weekday next to the day it names ("on Sunday, November 30", "30 November, a
    Sunday") is one expression: the day's, over both spans."""
    out: list[TimeExpr] = []
    for e in exprs:
        prev = out[-1] if out else None
        if prev is not None and _GAP.fullmatch(text, prev.end, e.start):
            pair = (prev, e) if "weekday" in prev.rule else (e, prev) if "weekday" in e.rule else None
            if pair and pair[1].precision == "day" and pair[1].date_start is not None and "weekday" not in pair[1].rule:
                out[-1] = replace(pair[1], text=text[prev.start:e.end], start=prev.start, end=e.end)
                continue
        out.append(e)
    return out


def find_dates(text: str, lang: str, ref: date | None = None) -> list[TimeExpr]:
    """Temporal expressions of `text`, sorted by start, non-overlapping (the
    longest match wins).  Without `ref`, year-less dates are anchored on the
    narrative and relative ones on the date it gives (spec, "Dates")."""
    return _find(text, lang, ref)[0]


def reference_date(text: str, lang: str) -> RefDate:
    """The header line, else the dateline (its year, when left out, from the
    narrative), else the narrative's latest date."""
    head = header_date(text)
    if head:
        return RefDate(head[0], "header")
    exprs, inferred = _find(text, lang, None)
    d = dateline(text, exprs)
    if d:
        return RefDate(d, "dateline")
    if inferred:
        return RefDate(inferred, "inferred")
    return RefDate(None, None)


def dates_records(text: str, lang: str, ref: date | None = None) -> list[dict]:
    """What `timeline dates` prints: one dict a temporal expression."""
    if ref is None:
        rd = reference_date(text, lang)
        if rd.how in ("header", "dateline"):
            ref = rd.date
    return [e.record() for e in find_dates(text, lang, ref)]
