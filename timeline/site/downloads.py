"""The site's feeds and downloads: Atom (feedgen), iCalendar (icalendar), the events as
JSON, CSV and Parquet (the export's own writers) and TimelineJS JSON."""
from __future__ import annotations

import io
import json
import os
import tempfile
from datetime import date, datetime, time, timedelta, timezone

from markupsafe import escape

from ..dates_display import display_date
from ..export import dicts, write_csv, write_parquet

FILES = [
    ("feed.atom", "Atom feed", "The 50 newest events, for feed readers."),
    ("events.ics", "iCalendar", "Every dated event as an all-day calendar entry spanning its dates."),
    ("events.json", "JSON", "Every event with its actors, sources and claims, as `timeline export` gives them."),
    ("events.csv", "CSV", "The same, one row per event; lists as `; `-joined ids, nested values as JSON."),
    ("events.parquet", "Parquet", "The same, typed and compressed, for DuckDB, polars or pandas."),
    ("timeline.json", "TimelineJS", "Dated events in the format of the TimelineJS viewer."),
]

_PRECISION_WORDS = {
    "day": "to the day", "week": "to the week", "part_of_month": "to a part of the month",
    "month": "to the month", "quarter": "to the quarter", "half": "to the half-year",
    "season": "to the season", "part_of_year": "to a part of the year", "year": "to the year",
}


def _default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _utc(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=timezone.utc)


def events_json(events: list[dict]) -> str:
    return "[\n" + ",\n".join(json.dumps(e, ensure_ascii=False, default=_default) for e in events) + "\n]\n"


def atom(ctx) -> bytes:
    from feedgen.feed import FeedGenerator

    fg = FeedGenerator()
    fg.id("urn:timeline:site")
    fg.title("Timeline: newest events")
    fg.subtitle("Dated and sourced events from news articles")
    fg.link(href="index.html", rel="alternate")
    fg.link(href="feed.atom", rel="self")
    fg.language("en")
    newest = max((r["updated"] for r in ctx.feed), default=None)
    fg.updated(_utc(newest or ctx.built))
    for r in ctx.feed:
        fe = fg.add_entry(order="append")
        fe.id(f"urn:timeline:event:{r['slug']}")
        fe.title(r["summary"])
        fe.link(href=f"event/{r['slug']}.html", rel="alternate")
        fe.updated(_utc(r["updated"]))
        fe.summary(f"{r['type'].replace('_', ' ')}, {r['status']}: "
                   f"{display_date(r['date_start'], r['precision'], r['date_end'])}")
    return fg.atom_str(pretty=True)


def calendar(ctx) -> bytes:
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//timeline//chronology//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Timeline")
    for r in ctx.calendar:
        ev = Event()
        ev.add("uid", f"{r['slug']}@timeline")
        ev.add("dtstamp", _utc(r["stamp"]))
        ev.add("dtstart", r["date_start"])
        ev.add("dtend", r["date_end"] + timedelta(days=1))  # DTEND of an all-day entry is exclusive
        ev.add("summary", r["summary"])
        ev.add("description", f"{r['type'].replace('_', ' ')}, {r['status']}; dated "
                              f"{_PRECISION_WORDS.get(r['precision'], r['precision'])}: "
                              f"{display_date(r['date_start'], r['precision'], r['date_end'])}")
        if r["place"]:
            ev.add("location", r["place"])
        cal.add_component(ev)
    return cal.to_ical()


def timelinejs(ctx) -> str:
    labels = {t["type"]: t["label"] for t in ctx.types}
    slides = []
    for r in ctx.timelinejs:
        slide = {
            "unique_id": r["slug"],
            "start_date": {k: v for k, v in r["start_date"].items() if v is not None},
            "display_date": display_date(r["date_start"], r["precision"], r["date_end"]),
            "text": {"headline": str(escape(r["summary"])),
                     "text": f'<a href="event/{r["slug"]}.html">{escape(labels.get(r["type"], r["type"]))}</a>'},
            "group": labels.get(r["type"], r["type"]),
        }
        if r["end_date"]:
            slide["end_date"] = {k: v for k, v in r["end_date"].items() if v is not None}
        slides.append(slide)
    return json.dumps({"title": {"text": {"headline": "Timeline", "text": "Dated and sourced events"}},
                       "events": slides}, ensure_ascii=False, indent=1) + "\n"


def write_all(con, ctx, writer) -> None:
    events = dicts(con)
    writer.write("events.json", events_json(events))
    buf = io.StringIO()
    write_csv(events, buf)
    writer.write("events.csv", buf.getvalue())
    del events, buf
    fd, tmp = tempfile.mkstemp(suffix=".parquet")
    os.close(fd)
    try:
        try:
            write_parquet(con, tmp)
        except AttributeError:  # DuckDB 2 dropped .arrow(): same query, its newer name
            import pyarrow.parquet as pq

            import warnings

            from ..export import FILTER_SQL
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pq.write_table(con.execute(FILTER_SQL, [None] * 5).to_arrow_table(), tmp)
        with open(tmp, "rb") as f:
            writer.write("events.parquet", f.read())
    finally:
        os.unlink(tmp)
    writer.write("feed.atom", atom(ctx))
    writer.write("events.ics", calendar(ctx))
    writer.write("timeline.json", timelinejs(ctx))
