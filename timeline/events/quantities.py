"""Quantities: value, unit and period, normalised.

    find_quantities("9 mln cubic metres a day", "ru")  # the Russian words, here in English
    -> [Quantity(9e6, "m3", "day", 0, 25, "...")]

Words are data (``timeline/lang/<code>/quantities.toml``): the decimal and
group separators, number words, scale words, units (with a factor and a
period of their own, as ``bcm`` = 1e9 m3 or ``b/d`` = bbl a day) and period
phrases, each written as a small regular expression over the normalised text
(lower case, Greek accents folded, medial sigma for final sigma; see
``timeline.events.triggers.normalise``).

The scan is linear in the text: numbers are found by one regex whose
repetitions are possessive and whose start is pinned by a look-behind, and
everything after a number is matched anchored at its end, a bounded number
of steps.  A number run longer than 40 characters is not a quantity.

Rules of reading:

* separators: a separator seen more than once groups thousands; a single one
  is the language's decimal mark, or, if it is the other mark, groups
  thousands when exactly three digits follow (``204.000`` in Greek, ``1,7``
  in Russian, ``204,000`` and ``1.7`` in English); spaces group thousands;
* "2 bn 800 mn" adds up (2.8e9); a range "5-6 mn" takes its first
  value with the scale of the last;
* a number with neither scale, unit nor ``%`` is not a quantity (dates,
  counts); a scaled number without a unit keeps unit ``""``;
* ``%`` and percent words give unit ``"%"`` (a share, not a volume);
* the period may follow the unit after up to three words ("tonnes of oil a
  year", "barrels of oil per day") or stand just before the number (Kazakh
  "per year 5 bn cubic metres", Russian "annually 5 mn tonnes");
* a price is money for a unit of goods: a currency amount followed, after a
  slash or up to two words and an optional number, by a unit of the
  language's table ("$70 a barrel", "73 thousand roubles per tonne",
  "$300 per 1,000 cubic metres").  Prices are no quantities of the field and
  are left out, unless ``prices=True``: then they come with the unit
  ``CUR/unit`` (``USD/bbl``, ``RUB/t``, ``USD/1000m3``) and value the amount.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from timeline.events.triggers import normalise
from timeline.langdata import load
from timeline.model import Quantity

__all__ = ["find_quantities", "parse_number", "QuantityDataError"]


class QuantityDataError(ValueError):
    """quantities.toml entry that cannot be compiled."""


_NUM = r"(?<![\w.,])\d++(?:[.,]\d++|[ ](?=\d{3}(?!\d))\d{3})*+"
_MAX_NUM = 40
_WORD_STEP = re.compile(r"[ \t]+(?:[^\W\d_]|-)++")
_RANGE_MARKS = r"-|\u2013|\u2014|\.\.\.?"
_NEXT_NUM = re.compile(r"[ \t]+(" + _NUM + ")")
_CURRENCY = {"$": "USD", "\u20ac": "EUR", "\u00a3": "GBP", "\u20bd": "RUB", "\u20b8": "KZT"}
_SLASH = re.compile(r"[ \t]*/")
_PER_NUM = re.compile(r"[ \t]+(" + _NUM + ")")
_PER_STEPS = 2  # words between a currency amount and the unit it is paid for ("a", "per", "for one")


def _is_money(unit: str) -> bool:
    """Currency units are ISO 4217 codes (USD, RUB, KZT); units of goods are not all capitals."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


@dataclass(frozen=True, slots=True)
class _Lang:
    decimal: str
    master: re.Pattern
    words: dict  # compiled word regex -> value, tried in order
    scale: re.Pattern
    scales: dict  # group name -> (factor,)
    unit: re.Pattern
    units: dict  # group name -> (unit, factor, period)
    percent: re.Pattern
    period_after: re.Pattern
    period_before: re.Pattern
    periods: dict  # group name -> (period,)
    range: re.Pattern  # (group name, period)


def _alt(patterns: list[tuple[str, str]], where: str) -> str:
    parts = []
    for name, pat in patterns:
        try:
            groups = re.compile(pat).groups
        except re.error as e:
            raise QuantityDataError(f"{where}: bad pattern {pat!r}: {e}") from None
        if groups:
            raise QuantityDataError(f"{where}: pattern {pat!r} has a capturing group; use (?:...)")
        parts.append(f"(?P<{name}>{pat})")
    return "|".join(parts) if parts else "(?!)"


@cache
def _lang(lang: str) -> _Lang:
    data = load(lang, "quantities")
    if not data:
        raise QuantityDataError(f"no quantity data for language {lang!r}")
    where = f"timeline/lang/{lang}/quantities.toml"
    meta = data.get("meta", {})
    decimal = meta.get("decimal", ".")
    words = list(data.get("numbers", {}).items())
    scales = list(data.get("scales", {}).items())
    scale_alt = _alt([(f"s{i}", p) for i, (p, _) in enumerate(scales)], where)
    scale_rx = re.compile(r"[ \t]*(?:" + scale_alt + r")(?!\w)\.?")
    word_alt = "|".join(f"(?:{p})" for p, _ in words) or "(?!)"
    master = re.compile(f"(?P<num>{_NUM})|(?<!\\w)(?P<word>{word_alt})(?=[ \\t]+(?:{scale_alt})(?!\\w))")
    units = []
    unit_pats = []
    for i, u in enumerate(data.get("unit", [])):
        for j, p in enumerate(u.get("patterns", [])):
            name = f"u{i}_{j}"
            unit_pats.append((name, p))
            units.append((name, u["unit"], float(u.get("factor", 1)), u.get("period")))
    unit_rx = re.compile(r"[ \t]*(?:" + _alt(unit_pats, where) + r")(?!\w)")
    periods = []
    per_pats = []
    for period, pats in data.get("periods", {}).items():
        for j, p in enumerate(pats):
            name = f"p_{period}_{j}"
            per_pats.append((name, p))
            periods.append((name, period))
    per_alt = _alt(per_pats, where)
    period_after = re.compile(r"[ \t]*,?[ \t]*(?:" + per_alt + r")(?!\w)")
    period_before = re.compile(r"(?<!\w)(?:" + per_alt + r")[ \t]*(?:[^\W\d_]++[ \t]+){0,2}$")
    pct = data.get("percent", {}).get("patterns", ["%"])
    percent_rx = re.compile(r"[ \t]*(?:" + "|".join(f"(?:{p})" for p in pct) + r")(?!\w)")
    rng = "|".join([_RANGE_MARKS, *meta.get("range_words", [])])
    range_rx = re.compile(r"[ \t]*(?:" + rng + r")[ \t]*(" + _NUM + r")")
    return _Lang(decimal, master, {re.compile(p): float(v) for p, v in words}, scale_rx,
                 {f"s{i}": (Decimal(str(f)),) for i, (_, f) in enumerate(scales)}, unit_rx,
                 {name: (unit, Decimal(str(f)), per) for name, unit, f, per in units},
                 percent_rx, period_after, period_before, {name: (per,) for name, per in periods},
                 range_rx)


def parse_number(s: str, decimal: str) -> Decimal | None:
    """A digit string with separators, read by the rules in the module doc."""
    if len(s) > _MAX_NUM:
        return None
    s = s.replace(" ", "")
    other = "." if decimal == "," else ","
    nd, no = s.count(decimal), s.count(other)
    if nd and no:  # both: the last one is the decimal mark
        last = max(s.rfind(decimal), s.rfind(other))
        mark = s[last]
        group = other if mark == decimal else decimal
        if s.count(mark) > 1:
            return None
        s = s.replace(group, "").replace(mark, ".")
    elif nd > 1 or no > 1:
        sep = decimal if nd else other
        if any(len(g) != 3 for g in s.split(sep)[1:]):
            return None
        s = s.replace(sep, "")
    elif nd == 1:
        s = s.replace(decimal, ".")
    elif no == 1:
        head, tail = s.split(other)
        s = head + tail if len(tail) == 3 else head + "." + tail
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _group_value(m: re.Match, table: dict) -> tuple:
    """The entry of the named alternative that matched (its group is m.lastgroup)."""
    return table[m.lastgroup]


def _per_unit(L: _Lang, norm: str, end: int) -> tuple[str, int] | None:
    """The unit a currency amount ending at `end` is paid for, and where it ends."""
    q = end
    sl = _SLASH.match(norm, q)
    steps = [sl.end()] if sl else []
    if not sl:
        steps.append(q)
        for _ in range(_PER_STEPS):
            w = _WORD_STEP.match(norm, q)
            if not w:
                break
            q = w.end()
            steps.append(q)
    for q in steps:
        per = ""
        n = _PER_NUM.match(norm, q)
        amount = parse_number(n.group(1), L.decimal) if n else None
        if amount is not None:  # "per 1,000 cubic metres"
            per = format(amount.normalize(), "f")
            q = n.end()
        u = L.unit.match(norm, q)
        if u:
            unit = _group_value(u, L.units)[0]
            if not _is_money(unit):
                return per + unit, u.end()
    return None


_WORD_BEFORE = re.compile(r"(?<![\w.,])(\d[\d.,]*+[ \t]+(?:[^\W\d_]++\.?[ \t]+)?)?((?:[^\W\d_]|-)++)[ \t]+$")


def _unit_before(L: _Lang, norm: str, start: int) -> str | None:
    """The unit of goods in the word just before a currency amount, where no number counts it."""
    w = _WORD_BEFORE.search(norm, max(0, start - 40), start)
    if not w or w.group(1):
        return None
    u = L.unit.fullmatch(w.group(2))
    if not u:
        return None
    unit = _group_value(u, L.units)[0]
    return None if _is_money(unit) else unit


def find_quantities(text: str, lang: str, *, prices: bool = False) -> list[Quantity]:
    """Quantities with a scale, a unit or a percent sign, in text order; prices only if asked."""
    L = _lang(lang)
    norm = normalise(text)
    out: list[Quantity] = []
    pos = 0
    n = len(norm)
    while pos < n:
        m = L.master.search(norm, pos)
        if not m:
            break
        start = m.start()
        end = m.end()
        pos = end
        if m.group("num") is not None:
            value = parse_number(m.group("num"), L.decimal)
            if value is None:
                continue
        else:
            value = None
            for rx, v in L.words.items():
                if rx.fullmatch(m.group("word")):
                    value = Decimal(str(v))
                    break
            if value is None:
                continue
        # a range: keep the first value, read scale and unit after the last
        r = L.range.match(norm, end)
        if r and m.group("num") is not None:
            if parse_number(r.group(1), L.decimal) is not None:
                end = r.end()
        # percent
        p = L.percent.match(norm, end)
        if p:
            out.append(Quantity(float(value), "%", None, start, p.end(), text[start:p.end()]))
            pos = p.end()
            continue
        factor = Decimal(1)
        s = L.scale.match(norm, end)
        scaled = False
        if s:
            factor = _group_value(s, L.scales)[0]
            value *= factor
            end = s.end()
            scaled = True
            # "2 bn 800 mn": a smaller scaled number adds up
            while True:
                m2 = _NEXT_NUM.match(norm, end)
                if not m2:
                    break
                v2 = parse_number(m2.group(1), L.decimal)
                s2 = L.scale.match(norm, m2.end())
                if v2 is None or not s2:
                    break
                f2 = _group_value(s2, L.scales)[0]
                if f2 >= factor:
                    break
                value += v2 * f2
                factor = f2
                end = s2.end()
        u = L.unit.match(norm, end)
        unit, period = "", None
        if u:
            unit, ufactor, period = _group_value(u, L.units)
            if ufactor != 1:
                value *= ufactor
            end = u.end()
        # currency sign before the number
        k = start - 1
        while k >= 0 and norm[k] in " \t":
            k -= 1
        if not unit and k >= 0 and norm[k] in _CURRENCY:
            unit = _CURRENCY[norm[k]]
            start = k
        elif not unit and not scaled:
            continue
        if _is_money(unit):
            per = _per_unit(L, norm, end)
            if per is None and _unit_before(L, norm, start):  # Kazakh "per tonne 500 dollars"
                per = (_unit_before(L, norm, start), end)
            if per is not None:
                pos = max(pos, per[1])
                if prices:
                    out.append(Quantity(float(value), f"{unit}/{per[0]}", None, start, per[1],
                                        text[start:per[1]]))
                continue
        if not u and not scaled:
            continue  # "$70" alone is no quantity
        if unit and period is None:
            q = end
            for _ in range(4):
                pm = L.period_after.match(norm, q)
                if pm:
                    period = _group_value(pm, L.periods)[0]
                    end = pm.end()
                    break
                w = _WORD_STEP.match(norm, q)
                if not w:
                    break
                q = w.end()
            if period is None:
                before = norm[max(0, start - 40):start]
                pb = L.period_before.search(before)
                if pb:
                    period = _group_value(pb, L.periods)[0]
        out.append(Quantity(float(value), unit, period, start, end, text[start:end]))
        pos = max(pos, end)
    return out
