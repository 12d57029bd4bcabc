"""Shaping view rows for the templates: grouping a listing by year and month, pages of
a long listing, the filter choices and search index of one page, and a document's text
cut into plain and highlighted segments."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import groupby

from babel import Locale

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_EN = Locale("en")
_LABELS: dict[str, dict] = {"country": {}, "type": {}}


def prepare(country_names: dict[str, str], type_labels: dict[str, str]) -> None:
    """The names the filters of every page show for countries and types."""
    _LABELS["country"] = country_names
    _LABELS["type"] = type_labels


def paginate(rows: list, size: int) -> list[list]:
    """Pages of at most `size` rows; always at least one (maybe empty) page."""
    return [rows[i:i + size] for i in range(0, len(rows), size)] or [[]]


def pager(paths: list[str], i: int) -> dict | None:
    if len(paths) < 2:
        return None
    return {"current": i + 1, "count": len(paths), "prev": paths[i - 1] if i else None,
            "next": paths[i + 1] if i + 1 < len(paths) else None,
            "pages": list(enumerate(paths, start=1))}


def _group_label(year, period) -> str:
    if year is None:
        return "Undated"
    if period == 0:
        return f"{year}: the year or a part of it"
    return f"{_MONTHS[period - 1]} {year}"


@dataclass
class Listing:
    """Rows of one listing page, in the order shown."""
    rows: list[dict]
    newest_first: bool = False

    @cached_property
    def groups(self) -> list[dict]:
        """[{year, label, months: [{key, label, rows}]}] in the order of the rows."""
        out = []
        for year, in_year in groupby(self.rows, key=lambda r: r["year"]):
            months = [{"key": f"{year}-{period:02d}" if year is not None else "undated",
                       "label": _group_label(year, period), "rows": list(rows)}
                      for period, rows in groupby(in_year, key=lambda r: r["period"])]
            out.append({"year": year, "label": str(year) if year is not None else "Undated", "months": months})
        return out

    @cached_property
    def facets(self) -> dict:
        """The choices the filters offer on this page: only values that occur on it."""
        types, actors, countries, langs, years = {}, {}, set(), set(), set()
        for r in self.rows:
            types[r["type"]] = _LABELS["type"].get(r["type"], r["type"])
            for a in r["actors"]:
                actors[a["slug"]] = a["name"]
            countries.update(r["countries"])
            langs.update(r["langs"])
            if r["year"] is not None:
                years.add(r["year"])
        names = _LABELS["country"]
        return {
            "types": sorted(types.items(), key=lambda kv: kv[1]),
            "actors": sorted(actors.items(), key=lambda kv: (kv[1].lower(), kv[0])),
            "countries": sorted(((c, names.get(c, c)) for c in countries), key=lambda kv: kv[1]),
            "langs": sorted(((lang, _EN.languages.get(lang, lang)) for lang in langs), key=lambda kv: kv[1]),
            "years": [(str(y), str(y)) for y in sorted(years, reverse=self.newest_first)],
        }

    @property
    def index(self) -> str:
        """The page's search index: one entry per row, JSON (escaped by the template filter)."""
        return "[" + ",".join(r["index_entry"] for r in self.rows) + "]"


def segments(text: str, spans: list[dict]) -> list[dict]:
    """The text cut at every span boundary: [{text, marked, anchors}], where `anchors` are
    the ids of the spans starting at that segment. Offsets are code points, as stored.
    One sweep over the boundaries, counting the spans open at each."""
    n = len(text)
    clamp = lambda i: max(0, min(n, i))  # noqa: E731
    delta: dict[int, int] = {0: 0, n: 0}
    starts: dict[int, list[str]] = {}
    for s in spans:
        a, b = clamp(s["start"]), clamp(s["end"])
        starts.setdefault(a, []).append(s["anchor"])
        delta.setdefault(a, 0)
        delta.setdefault(b, 0)
        if a < b:
            delta[a] = delta.get(a, 0) + 1
            delta[b] = delta.get(b, 0) - 1
    bounds = sorted(delta)
    out, open_ = [], 0
    for a, b in zip(bounds, bounds[1:]):
        open_ += delta[a]
        out.append({"text": text[a:b], "marked": open_ > 0, "anchors": starts.get(a, [])})
    if n in starts:  # a span at the very end still gets its anchor
        out.append({"text": "", "marked": False, "anchors": starts[n]})
    return out
