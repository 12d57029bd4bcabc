"""The rules: language-free patterns over the tag string of a text.

Each token (or phrase) of the text becomes one letter (lexicon.py):
  d day-sized number (1-31)   Y year (1900-2100)   n other number   N dd.mm.yyyy
  o numeric ordinal (1st, 7th)   M month   m weak month (needs a day, year or marker)
  A abbreviated month   W weekday   R relative phrase   P part (early/mid/late/halves)
  S season   Q quarter word   H half-year word   q/h "Q"/"H" letters   O ordinal word
  y year word ("year")   k month word (kk "month of")   p preposition   f from   t to
  a filler (of, the)   - dash   , . punctuation   w other word   _ other sign
  L shift word before a weekday, month or season (last, this, next)
Rules carry an id and named groups; `orders` limits a rule to languages whose
data lists that word order.  Every pattern is a sequence of single letters with
optional parts and no nested repetition, so matching is linear.
"""
from __future__ import annotations

import re

MON = r"(?:[Mm]|A\.?)"
DAY = r"[do]"
LEAD = r"(?P<lead>[pft])?"
YEAR_TAIL = r"(?:,?(?P<y>Y)(?P<ym>y)?)?"

# (id, pattern, builder, orders or None)
RULES: list[tuple[str, str, str, tuple[str, ...] | None]] = [
    ("iso_date", r"(?P<y>Y)-(?P<mo>d)-(?P<d>d)", "iso", None),
    ("numeric_date", LEAD + r"(?P<num>N)(?P<ym>y)?", "numeric", None),
    ("day_month_year", LEAD + rf"(?P<d>{DAY})-?a?(?P<m>{MON})(?P<k>k)?" + YEAR_TAIL, "day", None),
    ("year_day_month", rf"(?P<y>Y)(?:-?(?P<ym>y))?(?P<d>{DAY})-?(?P<m>{MON})(?P<k>k)?", "day", ("ydm",)),
    ("day_dot_month_year", LEAD + rf"(?P<d>d)\.(?P<m>{MON})" + YEAR_TAIL, "day", ("dotdmy",)),
    ("month_day_year", LEAD + rf"(?P<m>{MON})(?P<d>{DAY})(?:,?(?P<y>Y))?", "day", ("mdy",)),
    ("day_range", r"(?P<lead>f)?p?" + rf"(?P<d1>{DAY})(?:-|(?P<conn>t)p?)(?P<d2>{DAY})(?P<m>{MON})(?P<k>k)?"
     + YEAR_TAIL, "day_range", None),
    ("year_day_range", rf"(?P<y>Y)(?P<ym>y)?(?P<d1>{DAY})-(?P<d2>{DAY})(?P<m>{MON})(?P<k>k)?",
     "day_range", ("ydm",)),
    ("month_day_range", r"(?P<lead>f)?" + rf"(?P<m>{MON})(?P<d1>{DAY})(?:-|(?P<conn>t)p?)(?P<d2>{DAY})"
     r"(?:,?(?P<y>Y))?", "day_range", ("mdy",)),
    ("cross_month_range", r"(?P<lead>f)?p?" + rf"(?P<d1>{DAY})(?P<m1>{MON})(?:,?(?P<y1>Y)(?P<ym1>y)?)?"
     rf"(?:-|(?P<conn>t)p?)(?P<d2>{DAY})(?P<m2>{MON})" + YEAR_TAIL, "cross_range", None),
    ("month_range", r"(?P<lead>[pf])?p?" + rf"(?P<m1>{MON})(?:-|(?P<conn>t)p?)(?P<m2>{MON})(?P<k>k)?"
     + YEAR_TAIL, "month_range", None),
    ("month_year", LEAD + rf"(?P<m>{MON})(?P<k>k)?(?:,?a?(?P<y>Y)(?P<ym>y)?)?", "month", None),
    ("year_month", rf"(?P<y>Y)(?:-?(?P<ym>y))?(?P<m>{MON})(?P<k>k)?", "month", ("ydm",)),
    ("year_marked", LEAD + r"(?P<y>Y)-?(?P<ym>y)", "year", None),
    ("year_prep", r"(?P<lead>[pft])(?P<y>Y)", "year", None),
    ("marker_year", LEAD + r"a?(?P<ym>y)(?P<y>Y)", "year", None),
    ("year_range", LEAD + r"(?P<y1>Y)(?:-|(?P<conn>t)p?)(?P<y2>Y)(?P<ym>y)?", "year_range", None),
    ("part_month", LEAD + rf"(?P<part>P)-?a?(?P<m>{MON})(?P<k>k)?(?:,?a?(?P<y>Y)(?P<ym>y)?)?",
     "part_month", None),
    ("month_part", rf"(?:(?P<y>Y)(?P<ym>y)?)?(?P<m>{MON})(?P<k>k)?(?P<part>P)", "part_month", ("ydm",)),
    ("part_year", LEAD + r"(?P<part>P)-?a?(?P<y>Y)(?P<ym>y)?", "part_year", None),
    ("part_this_year", LEAD + r"(?P<part>P)a?(?P<ym>y)", "part_year", None),
    ("part_relative", LEAD + r"(?P<part>P)a?(?P<rel>R)", "part_relative", None),
    ("year_part", r"(?P<y>Y)?(?P<ym>y)(?P<part>P)", "part_year", ("ydm",)),
    ("relative_part", r"(?P<rel>R)(?P<ym>y)?(?P<part>P)", "part_relative", ("ydm",)),
    ("season", LEAD + r"(?P<s>S)a?(?:(?P<y>Y)(?P<ym>y)?)?", "season", None),
    ("year_season", r"(?P<y>Y)(?P<ym>y)?(?P<s>S)", "season", ("ydm",)),
    ("quarter", LEAD + r"(?P<o>[Ood])(?P<q>Q)a?(?:(?P<y>Y)(?P<ym>y)?)?", "quarter", None),
    ("quarter_abbr", LEAD + r"(?P<q>q)(?P<o>d)(?:a?(?P<y>Y)(?P<ym>y)?)?", "quarter", None),
    ("year_quarter", r"(?P<y>Y)(?P<ym>y)?(?P<o>[Ood])(?P<q>Q)", "quarter", ("ydm",)),
    ("half", LEAD + r"(?P<o>[Ood])(?P<q>H)a?(?:(?P<y>Y)(?P<ym>y)?)?", "half", None),
    ("half_abbr", LEAD + r"(?P<q>h)(?P<o>d)(?:a?(?P<y>Y)(?P<ym>y)?)?", "half", None),
    ("year_half", r"(?P<y>Y)(?P<ym>y)?(?P<o>[Ood])(?P<q>H)", "half", ("ydm",)),
    ("relative", LEAD + r"(?P<rel>R)", "relative", None),
    ("weekday", LEAD + r"(?P<wd>W)", "weekday", None),
    ("shift_weekday", LEAD + r"(?P<sh>L)(?P<wd>W)", "weekday", None),
    ("shift_season", LEAD + r"(?P<sh>L)(?P<s>S)", "shifted", None),
    ("shift_month", LEAD + rf"(?P<sh>L)(?P<m>{MON})(?P<k>k)?", "shifted", None),
    # a unit of a year named relatively: "in October last year", "in the autumn of last year"
    ("day_month_rel", LEAD + rf"(?P<d>{DAY})-?a?(?P<m>{MON})(?P<k>k)?a?(?P<rel>R)", "rel_cal", None),
    ("month_rel", LEAD + rf"(?P<m>{MON})(?P<k>k)?a?(?P<rel>R)", "rel_cal", None),
    ("season_rel", LEAD + r"(?P<s>S)a?(?P<rel>R)", "rel_cal", None),
    ("quarter_rel", LEAD + r"(?P<o>[Ood])(?P<q>[QH])a?(?P<rel>R)", "rel_cal", None),
    # the year first: "last year in October" (kk, uz, and ru/uk word order alike)
    ("rel_month", rf"p?(?P<rel>R)a?(?P<lead>p)?(?:(?P<d>{DAY})-?a?)?(?P<m>{MON})(?P<k>k)?", "rel_cal", None),
    ("rel_season", r"p?(?P<rel>R)a?(?P<lead>p)?(?P<s>S)", "rel_cal", None),
    ("rel_quarter", r"p?(?P<rel>R)a?(?P<lead>p)?(?P<o>[Ood])(?P<q>[QH])", "rel_cal", None),
    # "earlier this year, in February": the month's year is the one named before it
    ("rel_comma_month", rf"(?P<rel>R),(?P<lead>[pft])?(?:(?P<d>{DAY})-?a?)?(?P<m>{MON})(?P<k>k)?",
     "rel_comma", None),
]

# letters one of which a tag string must hold for a builder's rules to match at all
NEEDS = {"iso": "Y", "numeric": "N", "day": "MmA", "day_range": "MmA", "cross_range": "MmA",
         "month_range": "MmA", "month": "MmA", "year": "Y", "year_range": "Y", "part_month": "MmA",
         "part_year": "P", "part_relative": "P", "season": "S", "quarter": "Qq", "half": "Hh",
         "relative": "R", "weekday": "W", "shifted": "L", "rel_cal": "R", "rel_comma": "R"}



def required_letters(pattern: str) -> tuple[frozenset, ...]:
    """Sets of tags a pattern cannot match without: one letter of each set is in every
    string it matches (its letters, classes and alternations outside optional parts).
    A tag string that lacks a set is not searched with the rule at all."""
    from re import _constants as c, _parser as p

    def letters(op, av) -> frozenset | None:
        if op is c.LITERAL:
            return frozenset(chr(av))
        if op is c.IN:
            out = set()
            for o, a in av:
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None
            return frozenset(out)
        return None

    def walk(seq) -> list[frozenset]:
        need = []
        for op, av in seq:
            one = letters(op, av)
            if one is not None:
                need.append(one)
            elif op is c.SUBPATTERN:
                need += walk(av[-1])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                need += walk(av[2])
            elif op is c.BRANCH:  # some letter of each alternative
                firsts = [walk(alt) for alt in av[1]]
                if all(firsts):
                    need.append(frozenset().union(*(f[0] for f in firsts)))
        return need

    try:
        return tuple(walk(p.parse(pattern)))
    except Exception:  # noqa: BLE001 - a pattern it cannot read is searched always
        return ()


COMPILED = [(rid, re.compile(pat), builder, orders, NEEDS[builder], required_letters(pat))
            for rid, pat, builder, orders in RULES]
