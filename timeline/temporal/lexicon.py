"""A language's date words, built once per process from its data file
(timeline/lang/<code>/dates.toml), or, for a language without one, from the
CLDR data in Babel and dateparser's locale tables.

The lexicon maps the folded keys of a word or phrase to a one-letter tag and
a value; the scanner writes the tags of a text as a string and runs the
(language-free) rules of `rules.py` over it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from timeline import langdata

from .text import fold, phrase_keys

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE = ("today", "yesterday", "day_before_yesterday", "tomorrow", "day_after_tomorrow",
            "this_week", "last_week", "next_week", "this_month", "last_month", "next_month",
            "this_year", "last_year", "next_year", "before_last_year",
            # the day before the reference date (or before the date that follows: "on the eve of 9 May")
            "eve",
            # the date of the previous temporal expression of the text
            "same_day",
            # "recently": no date of its own (kept undated, never guessed)
            "recently",
            # from 1 January of the reference year to the reference date
            "year_to_date")
# "last/this/next" before a weekday, a month or a season ("last Friday", "this autumn")
SHIFTS = {"last": -1, "this": 0, "next": 1}
PARTS = ("early", "mid", "late", "first_half", "second_half")
SEASONS = ("spring", "summer", "autumn", "winter")
UNITS = {"year": "y", "month_marker": "k", "quarter": "Q", "half": "H",
         "quarter_abbr": "q", "half_abbr": "h"}
ORDINALS = ("first", "second", "third", "fourth")
CONNECTORS = {"range_to": "t", "range_from": "f", "prep": "p", "filler": "a"}

# The closed set of keys every dates.toml holds (the contract test checks it).
SCHEMA: dict[str, tuple[str, ...] | None] = {
    "settings": ("orders", "numeric_order", "bare_weekday"),
    "suffixes": None,  # free names of ending classes
    "months": MONTHS,
    "weekdays": WEEKDAYS,
    "relative": RELATIVE,
    "parts": PARTS,
    "seasons": SEASONS,
    "units": tuple(UNITS),
    "ordinals": ORDINALS + ("suffixes",),
    "shifts": tuple(SHIFTS),
    "connectors": tuple(CONNECTORS) + ("future", "future_verbs"),
    "weak": ("forms", "capitalized"),
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


@dataclass(frozen=True, slots=True)
class Entry:
    keys: tuple[str, ...]
    tag: str
    value: object
    weak: bool = False
    capitalized: bool = False


@dataclass
class Lexicon:
    lang: str
    orders: frozenset
    numeric_order: str
    bare_weekday: bool
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    future: frozenset = frozenset()
    future_verbs: frozenset = frozenset()  # words near a date that say it is planned ("will", "to be held")
    ordinal_suffixes: frozenset = frozenset()
    month_prefixes: dict[str, Entry] = field(default_factory=dict)  # fallback languages only
    # what scanning found each token text to be (scan._plain_marks), kept across texts
    plain_tokens: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def add(self, keys: tuple[str, ...], tag: str, value, weak=False, cap=False) -> None:
        if not keys:
            return
        lst = self.entries.setdefault(keys[0], [])
        if any(e.keys == keys for e in lst):
            return  # the first category to claim a form keeps it
        lst.append(Entry(keys, tag, value, weak, cap))
        lst.sort(key=lambda e: -len(e.keys))


class DataError(ValueError):
    pass


def expand(form: str, suffixes: dict) -> list[str]:
    """"stem|class" -> the stem with each ending of the class; else the form."""
    if "|" in form:
        stem, cls = form.split("|", 1)
        if cls not in suffixes:
            raise DataError(f"unknown suffix class {cls!r} in {form!r}")
        return [stem + suf for suf in suffixes[cls]]
    return [form]


def validate(data: dict, where: str) -> None:
    for sect, keys in SCHEMA.items():
        if sect not in data:
            raise DataError(f"{where}: missing table [{sect}]")
        if keys is not None:
            missing = set(keys) - set(data[sect])
            extra = set(data[sect]) - set(keys)
            if missing or extra:
                raise DataError(f"{where} [{sect}]: missing {sorted(missing)}, unknown {sorted(extra)}")
    extra = set(data) - set(SCHEMA)
    if extra:
        raise DataError(f"{where}: unknown tables {sorted(extra)}")


def build(lang: str, data: dict, prefix_match: bool = False) -> Lexicon:
    st = data["settings"]
    sfx = data.get("suffixes", {})
    lex = Lexicon(lang, frozenset(st.get("orders", ["dmy"])), st.get("numeric_order", "dmy"),
                  bool(st.get("bare_weekday", False)))
    weak_keys = {phrase_keys(f) for w in data["weak"]["forms"] for f in expand(w, sfx)}
    cap_keys = {phrase_keys(f) for w in data["weak"]["capitalized"] for f in expand(w, sfx)}

    def add_forms(forms, tag, value, abbrev_tag=None):
        for raw in forms:
            for form in expand(raw, sfx):
                keys = phrase_keys(form)
                t = tag
                if form.endswith(".") and len(keys) > 1:
                    if abbrev_tag:          # "Jan." : the dot is matched by the rules
                        keys, t = keys[:-1], abbrev_tag
                    else:                   # a year word "y." : with and without its dot
                        lex.add(keys, t, value, keys in weak_keys, keys in cap_keys)
                        keys = keys[:-1]
                lex.add(keys, t, value, keys in weak_keys, keys in cap_keys)

    for i, name in enumerate(MONTHS, 1):
        add_forms(data["months"].get(name, []), "M", i, abbrev_tag="A")
    for i, name in enumerate(WEEKDAYS):
        add_forms(data["weekdays"].get(name, []), "W", i)
    for name in RELATIVE:
        add_forms(data["relative"].get(name, []), "R", name)
    for name in PARTS:
        add_forms(data["parts"].get(name, []), "P", name)
    for name in SEASONS:
        add_forms(data["seasons"].get(name, []), "S", name)
    for name, tag in UNITS.items():
        add_forms(data["units"].get(name, []), tag, name)
    for i, name in enumerate(ORDINALS, 1):
        add_forms(data["ordinals"].get(name, []), "O", i)
    for name, value in SHIFTS.items():
        add_forms(data.get("shifts", {}).get(name, []), "L", value)
    for name, tag in CONNECTORS.items():
        add_forms(data["connectors"].get(name, []), tag, name)
    lex.future = frozenset(phrase_keys(f)[-1] for f in data["connectors"].get("future", []) if f)
    lex.future_verbs = frozenset(fold(f) for f in data["connectors"].get("future_verbs", []) if f)
    lex.ordinal_suffixes = frozenset(fold(s) for s in data["ordinals"].get("suffixes", []))
    if prefix_match:
        for lst in lex.entries.values():
            for e in lst:
                if e.tag in "MW" and len(e.keys) == 1 and len(e.keys[0]) >= 4:
                    lex.month_prefixes.setdefault(e.keys[0], e)
    return lex


def fallback_data(lang: str) -> dict:
    """Month and weekday names, relative words and year words for a language
    without a data folder: Babel's CLDR names (format and stand-alone, wide and
    abbreviated) and dateparser's locale table."""
    data = {sect: {} for sect in SCHEMA}
    data["settings"] = {"orders": ["dmy"], "numeric_order": "dmy", "bare_weekday": False}
    data["weak"] = {"forms": [], "capitalized": []}
    data["ordinals"]["suffixes"] = []
    data["connectors"] = {k: [] for k in SCHEMA["connectors"]}
    months = {m: set() for m in MONTHS}
    days = {d: set() for d in WEEKDAYS}
    try:
        from babel import Locale
        loc = Locale.parse(lang.replace("-", "_"))
        for ctx in ("format", "stand-alone"):
            for i, m in enumerate(MONTHS, 1):
                months[m].add(loc.months[ctx]["wide"][i])
                ab = loc.months[ctx]["abbreviated"][i].rstrip(".")
                if len(ab) >= 3 and fold(ab) != fold(loc.months[ctx]["wide"][i]):
                    months[m].add(ab + ".")
            for i, d in enumerate(WEEKDAYS):
                days[d].add(loc.days[ctx]["wide"][i])
        pattern = loc.date_formats["long"].pattern
        if pattern.find("M") < pattern.find("d"):
            data["settings"]["orders"] = ["dmy", "mdy"]
        if "d." in pattern:
            data["settings"]["orders"].append("dotdmy")
        # year-first phrases ("2023-cü ilin oktyabr ayında", "2023-yil 7-oktabr") are read
        # in any language without data: "<year> <year word> <month>" says nothing else
        data["settings"]["orders"].append("ydm")
    except Exception:  # unknown to CLDR: numbers only
        pass
    rel_map = {"0 day ago": "today", "1 day ago": "yesterday", "in 1 day": "tomorrow",
               "2 day ago": "day_before_yesterday", "in 2 day": "day_after_tomorrow",
               "0 week ago": "this_week", "1 week ago": "last_week", "in 1 week": "next_week",
               "0 month ago": "this_month", "1 month ago": "last_month", "in 1 month": "next_month",
               "0 year ago": "this_year", "1 year ago": "last_year", "in 1 year": "next_year"}
    try:
        from dateparser.languages.loader import default_loader
        info = default_loader.get_locale(lang).info
        for m in MONTHS:
            months[m].update(f for f in info.get(m, []) if len(f) >= 3)
        for d in WEEKDAYS:
            days[d].update(f for f in info.get(d, []) if len(f) >= 4)
        for k, name in rel_map.items():
            data["relative"].setdefault(name, []).extend(info.get("relative-type", {}).get(k, []))
        data["units"]["year"] = [f for f in info.get("year", []) if len(f) >= 2]
    except Exception:
        pass
    data["months"] = {m: sorted(v) for m, v in months.items()}
    data["weekdays"] = {d: sorted(v) for d, v in days.items()}
    return data


@cache
def lexicon(lang: str) -> Lexicon:
    lang = (lang or "").lower()
    data = langdata.load(lang, "dates") if lang else {}
    if data:
        validate(data, f"timeline/lang/{lang}/dates.toml")
        return build(lang, data)
    return build(lang, fallback_data(lang) if lang else fallback_data("und"), prefix_match=True)
