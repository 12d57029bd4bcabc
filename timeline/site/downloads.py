"""The site's feeds and downloads: Atom (feedgen), iCalendar (icalendar), the events as
JSON, CSV and Parquet (the export's own writers) and TimelineJS JSON."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from datetime import date, datetime, time, timedelta, timezone

from markupsafe import escape

from ..dates_display import display_date
from .render import Later
from .views import copy_view

FILES = [
    ("feed.atom", "Atom feed", "The 50 newest events, for feed readers."),
    ("events.ics", "iCalendar", "Every dated event as an all-day calendar entry spanning its dates."),
    ("events.json", "JSON", "Every event with its actors, sources and claims, as `timeline export` gives them."),
    ("events.csv", "CSV", "The same, one row per event; lists as `; `-joined ids, nested values as JSON."),
    ("events.parquet", "Parquet", "The same, typed and compressed, for DuckDB, polars or pandas."),
    ("timeline.json", "TimelineJS", "Dated events in the format of the TimelineJS viewer."),
]

# the files DuckDB's COPY writes: (file, view, format); the record of today, so an as-of build has none
EXPORTS = (("events.json", "site_download_events", "json"), ("events.csv", "site_download_csv", "csv"),
           ("events.parquet", "site_download_events", "parquet"))

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


def _fold(line: str) -> bytes:
    """One content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    out, i, limit = [], 0, 75
    while i < len(data):
        j = min(i + limit, len(data))
        while j < len(data) and (data[j] & 0xC0) == 0x80:  # a continuation byte: cut before its sequence
            j -= 1
        out.append(data[i:j])
        i, limit = j, 74  # a folded line starts with a space
    return b"\r\n ".join(out) + b"\r\n"


def calendar(ctx) -> bytes:
    """The iCalendar file: the calendar's head from icalendar, then one VEVENT per dated event whose
    values icalendar encodes (vText escaping, vDate), written as lines in one pass: building one
    Component per event and serialising them took most of a large build's download time."""
    from icalendar import Calendar
    from icalendar.prop import vDate, vDatetime, vText

    cal = Calendar()
    cal.add("prodid", "-//timeline//chronology//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Timeline")
    head = cal.to_ical()
    assert head.endswith(b"END:VCALENDAR\r\n")
    parts = [head[:-len(b"END:VCALENDAR\r\n")]]
    text = lambda v: vText(v).to_ical().decode("utf-8")  # noqa: E731
    stamps: dict = {}
    for r in ctx.calendar:
        stamp = stamps.get(r["stamp"])
        if stamp is None:
            stamp = stamps[r["stamp"]] = vDatetime(_utc(r["stamp"])).to_ical().decode()
        lines = ["BEGIN:VEVENT", "SUMMARY:" + text(r["summary"]),
                 "DTSTART;VALUE=DATE:" + vDate(r["date_start"]).to_ical().decode(),
                 "DTEND;VALUE=DATE:" + vDate(r["date_end"] + timedelta(days=1)).to_ical().decode(),  # exclusive
                 "DTSTAMP:" + stamp, "UID:" + text(f"{r['slug']}@timeline"),
                 "DESCRIPTION:" + text(f"{r['type'].replace('_', ' ')}, {r['status']}; dated "
                                       f"{_PRECISION_WORDS.get(r['precision'], r['precision'])}: "
                                       f"{display_date(r['date_start'], r['precision'], r['date_end'])}")]
        if r["place"]:
            lines.append("LOCATION:" + text(r["place"]))
        lines.append("END:VEVENT")
        parts.append(b"".join(_fold(x) for x in lines))
    parts.append(b"END:VCALENDAR\r\n")
    return b"".join(parts)


def slide(r: dict, labels: dict[str, str], prefix: str = "") -> dict:
    """One site_timelinejs row as a TimelineJS slide; its link is relative (prefix: '../' from a folder)."""
    slide = {
        "unique_id": r["slug"],
        "start_date": {k: v for k, v in r["start_date"].items() if v is not None},
        "display_date": display_date(r["date_start"], r["precision"], r["date_end"]),
        "text": {"headline": str(escape(r["summary"])),
                 "text": f'<a href="{prefix}event/{r["slug"]}.html">{escape(labels.get(r["type"], r["type"]))}</a>'},
        "group": labels.get(r["type"], r["type"]),
    }
    if r["end_date"]:
        slide["end_date"] = {k: v for k, v in r["end_date"].items() if v is not None}
    return slide


def timelinejs_data(slides: list[dict], headline: str = "Timeline", text: str = "Dated and sourced events") -> dict:
    return {"title": {"text": {"headline": str(escape(headline)), "text": str(escape(text))}}, "events": slides}


def timelinejs(ctx) -> str:
    labels = {t["type"]: t["label"] for t in ctx.types}
    slides = [slide(r, labels) for r in ctx.timelinejs]
    return json.dumps({"title": {"text": {"headline": "Timeline", "text": "Dated and sourced events"}},
                       "events": slides}, ensure_ascii=False) + "\n"  # no indent: the C encoder


class Exports(threading.Thread):
    """The events as JSON, CSV and Parquet, written by DuckDB's COPY from the views
    site_download_events and site_download_csv on a cursor of their own, in a thread: DuckDB
    writes them while Python plans the pages. An as-of build leaves them out (the export is the
    record of today)."""

    def __init__(self, con, as_of=None):
        super().__init__(name="site-exports", daemon=True)
        self.files = EXPORTS if as_of is None else ()
        self.cursor = con.cursor()
        self.tmp = tempfile.mkdtemp(prefix="timeline-site-")
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            for rel, view, fmt in self.files:
                copy_view(self.cursor, view, os.path.join(self.tmp, rel), fmt)
        except BaseException as e:  # raised again in the builder's thread, by finish()
            self.error = e

    def finish(self, writer=None) -> None:
        """Wait for the files and move them into the site (writer None: discard them)."""
        if self.ident is not None:  # started
            self.join()
        try:
            if writer is not None:
                if self.error is not None:
                    raise self.error
                for rel, _, _ in self.files:
                    writer.adopt(rel, os.path.join(self.tmp, rel))
        finally:
            self.cursor.close()
            shutil.rmtree(self.tmp, ignore_errors=True)


def jobs(ctx) -> list[tuple[str, None, dict]]:
    """The other downloads as the site builder's jobs (path, no template, {"data": Later(...)}):
    their content is made where the job runs."""
    return [("feed.atom", None, {"data": Later(atom, ctx)}),
            ("events.ics", None, {"data": Later(calendar, ctx)}),
            ("timeline.json", None, {"data": Later(timelinejs, ctx)})]
