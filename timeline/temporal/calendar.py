"""Intervals of the calendar and their EDTF form (spec, "Dates").

A `Spec` is what the text says (a day, a month, a part of a year, ...) with
or without its year; `interval(spec, year)` turns it into an inclusive pair of
dates with a precision.  EDTF choices: day `2023-10-07`, month `2023-06`, year
`2024`; parts of a month, weeks and parts of a year as intervals
(`2022-11-21/2022-11-30`, `2025-01/2025-04`); spring, summer, autumn,
quarters and halves as EDTF level 2 sub-year groupings (`2024-21`,
`2024-33`, `2025-40`); winter as an interval (`2023-12/2024-02`: the winter
that ends in the year named), since EDTF's own `2024-24` is read by tools as
December 2024 alone.
"""
from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass
from datetime import date, timedelta

PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31),
             "first_half": (1, 15), "second_half": (16, 31)}
PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
SEASON_CODE = {"spring": 21, "summer": 22, "autumn": 23}


@dataclass(frozen=True, slots=True)
class Spec:
    """A calendar expression as the text gives it; `year` None = left out."""
    grain: str                 # day | month | year | part_of_month | part_of_year | season | quarter | half
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None    # early | mid | late | first_half | second_half
    n: int | None = None       # quarter 1-4, half 1-2
    season: str | None = None


def last_day(y: int, m: int) -> int:
    return _cal.monthrange(y, m)[1]


def valid_day(y: int | None, m: int, d: int) -> bool:
    if not 1 <= m <= 12 or d < 1:
        return False
    return d <= (last_day(y, m) if y else (29 if m == 2 else last_day(2001, m)))


def interval(s: Spec, y: int) -> tuple[date, date, str, str] | None:
    """(start, end, precision, edtf) of `s` in year `y`, or None if impossible."""
    g = s.grain
    if g == "day":
        if not valid_day(y, s.month, s.day):
            return None
        d = date(y, s.month, s.day)
        return d, d, "day", d.isoformat()
    if g == "month":
        return (date(y, s.month, 1), date(y, s.month, last_day(y, s.month)), "month",
                f"{y:04d}-{s.month:02d}")
    if g == "year":
        return date(y, 1, 1), date(y, 12, 31), "year", f"{y:04d}"
    if g == "part_of_month":
        a, b = PART_DAYS[s.part]
        st, en = date(y, s.month, a), date(y, s.month, min(b, last_day(y, s.month)))
        return st, en, "part_of_month", f"{st.isoformat()}/{en.isoformat()}"
    if g == "part_of_year":
        if s.part in ("first_half", "second_half"):
            return interval(Spec("half", y, n=1 if s.part == "first_half" else 2), y)
        a, b = PART_MONTHS[s.part]
        return (date(y, a, 1), date(y, b, last_day(y, b)), "part_of_year",
                f"{y:04d}-{a:02d}/{y:04d}-{b:02d}")
    if g == "season":
        a, b = SEASON_MONTHS[s.season]
        if s.season == "winter":
            return (date(y - 1, 12, 1), date(y, 2, last_day(y, 2)), "season",
                    f"{y - 1:04d}-12/{y:04d}-02")
        return (date(y, a, 1), date(y, b, last_day(y, b)), "season",
                f"{y:04d}-{SEASON_CODE[s.season]}")
    if g == "quarter":
        a = 3 * s.n - 2
        return (date(y, a, 1), date(y, a + 2, last_day(y, a + 2)), "quarter",
                f"{y:04d}-{32 + s.n}")
    if g == "half":
        a = 6 * s.n - 5
        return (date(y, a, 1), date(y, a + 5, last_day(y, a + 5)), "half",
                f"{y:04d}-{39 + s.n}")
    raise ValueError(g)


def edtf_point(d: date, precision: str, end: bool = False) -> str:
    """One end of a range at the precision of its end (`2023-10-01`, `2023-10`, `2023`)."""
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def days_edtf(st: date, en: date) -> str:
    return st.isoformat() if st == en else f"{st.isoformat()}/{en.isoformat()}"


def week_of(d: date, shift: int) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=shift)
    return monday, monday + timedelta(days=6)


def month_shift(d: date, shift: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + shift
    return k // 12, k % 12 + 1
