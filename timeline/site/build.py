"""Build the static site in two phases (as Pelican and mkdocs do): read every site_*
view into a context and check it (slugs, links, empty pages), then render the pages
with Jinja (StrictUndefined, autoescape on) and write only the files that changed."""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from ..errors import TimelineError
from ..store.db import connect
from . import downloads, listing
from .pages import KINDS, PAGE_SIZE, UnsafePath, check_path, page_path
from .render import make_env, render_page
from .views import read_view
from .writer import Writer

log = logging.getLogger("timeline.site")
FRONT_UNDATED = 25  # undated events shown on the front pages; all are on undated/


class SiteError(TimelineError):
    """The views hold something the site cannot show (with --strict: any warning)."""
    exit_code = 5


@dataclass
class Context:
    """Everything the pages show, read from the views before anything is rendered."""
    events: list[dict]          # site_event: one row per event, for its page
    chronology: list[dict]      # site_chronology: listing rows in chronological order
    actors: list[dict]          # site_actors
    actor_events: list[dict]    # site_actor_events
    types: list[dict]           # site_types
    years: list[dict]           # site_years
    documents: list[dict]       # site_documents
    spans: list[dict]           # site_document_spans
    about: dict                 # site_about_counts (one row)
    aliases: list[dict]         # site_aliases
    feed: list[dict]            # site_feed
    calendar: list[dict]        # site_calendar
    timelinejs: list[dict]      # site_timelinejs
    built: date = field(default_factory=lambda: datetime.now(timezone.utc).date())
    warnings: list[str] = field(default_factory=list)


def read_context(con) -> Context:
    v = lambda name: read_view(con, name)  # noqa: E731
    about = v("site_about_counts")
    return Context(events=v("site_event"), chronology=v("site_chronology"), actors=v("site_actors"),
                   actor_events=v("site_actor_events"), types=v("site_types"), years=v("site_years"),
                   documents=v("site_documents"), spans=v("site_document_spans"), about=about[0],
                   aliases=v("site_aliases"), feed=v("site_feed"), calendar=v("site_calendar"),
                   timelinejs=v("site_timelinejs"))


def check(ctx: Context) -> list[str]:
    """Problems that would give broken links or unsafe paths; empty when all is well.
    Unsafe keys are errors whatever the mode; the rest are warnings."""
    problems: list[str] = []

    def unique(rows, what):
        seen: dict[str, str] = {}
        for r in rows:
            page_path("event" if what == "event" else "actor" if what == "actor" else "document", r["slug"])
            if r["slug"] in seen and seen[r["slug"]] != r["id"]:
                raise SiteError(f"{what} ids {seen[r['slug']]!r} and {r['id']!r} share the page {r['slug']!r}")
            seen[r["slug"]] = r["id"]
        return set(seen)

    events = unique(ctx.events, "event")
    actors = unique(ctx.actors, "actor")
    docs = unique(ctx.documents, "document")
    for e in ctx.events:
        for a in e["actors"]:
            if a["slug"] not in actors:
                problems.append(f"event {e['id']}: actor {a['id']!r} has no page")
        for s in e["sources"]:
            if s["doc_slug"] not in docs:
                problems.append(f"event {e['id']}: source document {s['doc']!r} has no page")
        if not e["sources"]:
            problems.append(f"event {e['id']}: no sources")
    for a in ctx.aliases:
        if a["alias_slug"] in events:
            problems.append(f"alias {a['alias']!r} is also a living event's page; no redirect written")
    for d in ctx.documents:
        if d["mirror_of"] and d["mirror_slug"] not in docs:
            problems.append(f"document {d['id']}: mirror_of {d['mirror_of']!r} is not in the database")
    for t in ctx.types:
        page_path("type", t["type"])
    if not ctx.chronology:
        problems.append("the database holds no events: the chronology is empty")
    return problems


def plan_pages(ctx: Context) -> list[tuple[str, str, dict]]:
    """Every page to render as (path, template, variables), built from the context."""
    jobs: list[tuple[str, str, dict]] = []
    add = lambda kind, path, **kw: jobs.append((path, KINDS[kind].template, kw))  # noqa: E731
    chrono = ctx.chronology
    dated = [r for r in chrono if r["year"] is not None]
    undated = [r for r in chrono if r["year"] is None]
    n_events = len(chrono)
    country_names = {a["id"]: a["name"] for a in ctx.actors if a["kind"] == "country"}
    type_labels = {t["type"]: t["label"] for t in ctx.types}
    listing.prepare(chrono, country_names, type_labels)

    # where each event sits in the chronology (its year page, or the undated page)
    located: dict[str, str] = {}
    years_nav = [{"year": y["year"], "events": y["events"], "href": page_path("year", y["year"])}
                 for y in ctx.years if y["year"] is not None]
    # year pages (and the undated pages), split into pages of PAGE_SIZE
    by_year: dict[int | None, list[dict]] = {}
    for r in chrono:
        by_year.setdefault(r["year"], []).append(r)
    for year, rows in by_year.items():
        kind, key = ("year", year) if year is not None else ("undated", None)
        chunks = listing.paginate(rows, PAGE_SIZE)
        paths = [page_path(kind, key, i + 1) for i in range(len(chunks))]
        for i, chunk in enumerate(chunks):
            for r in chunk:
                located[r["slug"]] = paths[i]
            title = str(year) if year is not None else "Undated events"
            add(kind, paths[i], title=title, year=year, listing=listing.Listing(chunk, newest_first=False),
                pager=listing.pager(paths, i), years=years_nav, total=len(rows))

    # the front page (newest first) and oldest.html: the two ends of the chronology
    for kind, newest in (("front", True), ("oldest", False)):
        ends = list(reversed(dated[-PAGE_SIZE:])) if newest else dated[:PAGE_SIZE]
        add(kind, page_path(kind), title="Chronology", newest_first=newest,
            listing=listing.Listing(ends, newest_first=newest), undated=undated[:FRONT_UNDATED],
            filter_listing=listing.Listing(ends + undated[:FRONT_UNDATED], newest_first=newest),
            undated_listing=listing.Listing(undated[:FRONT_UNDATED], newest_first=False) if undated else None,
            n_dated=len(dated), n_undated=len(undated), n_events=n_events, years=years_nav,
            undated_href=page_path("undated") if undated else None)

    # events, and redirects from their old ids
    for e in ctx.events:
        add("event", page_path("event", e["slug"]), title=e["summary"], e=e,
            chronology_href=located.get(e["slug"]), type_label=type_labels.get(e["type"], e["type"]))
    events = {e["slug"] for e in ctx.events}
    for a in ctx.aliases:
        if a["alias_slug"] not in events:
            add("alias", page_path("event", a["alias_slug"]), title="Moved", target=page_path("event", a["event_slug"]),
                alias=a["alias"])

    # actors
    position = {r["id"]: i for i, r in enumerate(chrono)}
    by_id = {r["id"]: r for r in chrono}
    of_actor: dict[str, list[dict]] = {}
    for ae in ctx.actor_events:
        of_actor.setdefault(ae["actor_slug"], []).append(by_id[ae["event_id"]])
    add("actors", page_path("actors"), title="Actors", actors=ctx.actors, country_names=country_names)
    for a in ctx.actors:
        rows = sorted(of_actor.get(a["slug"], []), key=lambda r: position[r["id"]])
        chunks = listing.paginate(rows, PAGE_SIZE)
        paths = [page_path("actor", a["slug"], i + 1) for i in range(len(chunks))]
        for i, chunk in enumerate(chunks):
            add("actor", paths[i], title=a["name"], a=a, listing=listing.Listing(chunk, newest_first=False),
                pager=listing.pager(paths, i), country_names=country_names)

    # types
    of_type: dict[str, list[dict]] = {}
    for r in chrono:
        of_type.setdefault(r["type"], []).append(r)
    add("types", page_path("types"), title="Event types", types=ctx.types)
    for t in ctx.types:
        rows = of_type.get(t["type"], [])
        chunks = listing.paginate(rows, PAGE_SIZE)
        paths = [page_path("type", t["type"], i + 1) for i in range(len(chunks))]
        for i, chunk in enumerate(chunks):
            add("type", paths[i], title=t["label"], t=t, listing=listing.Listing(chunk, newest_first=False),
                pager=listing.pager(paths, i))

    # documents
    spans_of: dict[str, list[dict]] = {}
    for s in ctx.spans:
        spans_of.setdefault(s["doc"], []).append(s)
    add("documents", page_path("documents"), title="Documents", documents=ctx.documents)
    for d in ctx.documents:
        spans = spans_of.get(d["id"], [])
        add("document", page_path("document", d["slug"]), title=d["title"] or d["id"], d=d, spans=spans,
            segments=listing.segments(d["text"], spans))

    add("about", page_path("about"), title="About", about=ctx.about, types=ctx.types, built=ctx.built,
        files=downloads.FILES)
    return jobs


# -- rendering, in worker processes when there are many pages -------------------------

_JOBS: list[tuple[str, str, dict]] = []
_OUT: Path | None = None


def _render_range(bounds: tuple[int, int]) -> tuple[int, list[str]]:
    env = make_env()
    writer = Writer(_OUT)
    for path, template, variables in _JOBS[bounds[0]:bounds[1]]:
        writer.write(path, render_page(env, template, path, variables))
    return writer.changed, writer.paths


def _render(jobs, out: Path, workers: int) -> tuple[int, list[str]]:
    global _JOBS, _OUT
    _JOBS, _OUT = jobs, out
    try:
        if workers <= 1 or len(jobs) < 2000 or "fork" not in mp.get_all_start_methods():
            return _render_range((0, len(jobs)))
        step = max(500, len(jobs) // (workers * 8))
        bounds = [(i, min(i + step, len(jobs))) for i in range(0, len(jobs), step)]
        changed, paths = 0, []
        with mp.get_context("fork").Pool(workers) as pool:
            for c, p in pool.imap_unordered(_render_range, bounds):
                changed += c
                paths += p
        return changed, paths
    finally:
        _JOBS, _OUT = [], None


def build_site(db_path: str, out_dir: str, strict: bool = False, workers: int | None = None) -> int:
    """Render the site from the database into out_dir; returns the number of pages.
    Files whose content did not change are left alone (their mtime too); files an
    earlier build wrote that this one does not are removed."""
    t0 = time.perf_counter()
    con = connect(db_path)
    try:
        ctx = read_context(con)
        try:
            problems = check(ctx)
        except UnsafePath as e:
            raise SiteError(str(e)) from None
        for p in problems:
            log.warning("%s", p)
        if strict and problems:
            raise SiteError(f"{len(problems)} problem(s), first: {problems[0]}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        writer = Writer(out)
        downloads.write_all(con, ctx, writer)
    finally:
        con.close()
    t1 = time.perf_counter()
    jobs = plan_pages(ctx)
    for path, _, _ in jobs:
        check_path(path)
    writer.copy_static()
    workers = workers or min(os.cpu_count() or 1, 4)
    changed, paths = _render(jobs, out, workers)
    writer.changed += changed
    writer.paths += paths
    writer.finish()
    log.info("site: %d pages (%d files changed) in %.1f s (reading %.1f s)", len(jobs), writer.changed,
             time.perf_counter() - t0, t1 - t0)
    return len(jobs)
