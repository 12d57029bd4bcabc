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
from ..store import stored
from ..store.db import connect
from ..resources import templates_dir
from . import charts, downloads, listing
from .pages import KINDS, PAGE_SIZE, TABLE_PAGE_SIZE, UnsafePath, check_path, page_path
from .render import Later, make_env, render_page
from .views import read_view, read_view_arrow, stand_in
from .writer import Writer

log = logging.getLogger("timeline.site")
FRONT_UNDATED = 25  # undated events shown on the front pages; all are on undated/
TEXT_MODES = ("full", "quotes")
VIEWER_MAX = 500  # slides in one TimelineJS page (the viewer slows past about a thousand)
# the TimelineJS viewer's files: npm install --prefix templates/vendor (node_modules/ is not in git)
TIMELINEJS = Path("vendor") / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
TIMELINEJS_FILES = {"js/timeline.js": "js/timeline.js", "js/timeline.js.LICENSE.txt": "license.txt",
                    "css/timeline.css": "css/timeline.css"}


class SiteError(TimelineError):
    """The views hold something the site cannot show (with --strict: any warning)."""
    exit_code = 5


class ArrowRows:
    """A view's rows as an Arrow table: a page's rows become Python objects only in the process
    that renders it (converting 100,000 nested rows in one process took longer than rendering them)."""

    def __init__(self, table):
        self.table = table

    def __len__(self) -> int:
        return self.table.num_rows

    def column(self, name: str) -> list:
        return self.table.column(name).to_pylist()

    def rows(self, indices: list[int]) -> list[dict]:
        return self.table.take(indices).to_pylist()

    def slice(self, lo: int, hi: int) -> list[dict]:
        return self.table.slice(lo, hi - lo).to_pylist()

    def value(self, name: str, i: int):
        return self.table.column(name)[i].as_py()


@dataclass
class Context:
    """Everything the pages show, read from the views before anything is rendered."""
    events: ArrowRows           # site_event: one row per event, for its page
    chronology: list[dict]      # site_chronology: listing rows in chronological order
    actors: list[dict]          # site_actors
    actor_events: list[dict]    # site_actor_events
    types: list[dict]           # site_types
    years: list[dict]           # site_years
    documents: list[dict]       # site_documents
    texts: ArrowRows | None     # site_document_texts (None: a quotes-only build reads no text)
    spans: ArrowRows            # site_document_spans, in document order
    about: dict                 # site_about_counts (one row)
    aliases: list[dict]         # site_aliases
    feed: list[dict]            # site_feed
    calendar: list[dict]        # site_calendar
    timelinejs: list[dict]      # site_timelinejs
    disputes: list[dict] = field(default_factory=list)   # site_event_disputes
    plans: list[dict] = field(default_factory=list)      # site_event_plans
    months: list[dict] = field(default_factory=list)     # site_event_months
    removed: list[dict] = field(default_factory=list)    # removed_event_pages
    as_of: date | None = None
    text_mode: str = "full"
    built: date = field(default_factory=lambda: datetime.now(timezone.utc).date())
    warnings: list[str] = field(default_factory=list)


def prepare_record(con, as_of: date | None = None) -> None:
    """For an as-of build, the record of that day stands in for the tables (sql/macros/site_as_of.sql)
    and the stored views are computed again over it as temporary tables, so every site_* view reads
    what the sources had told by then. A build of today reads the stored views as they are."""
    if as_of is None:
        return
    stand_in(con, "events", "site_as_of_events", as_of)
    stand_in(con, "mentions", "site_as_of_mentions", as_of)
    stand_in(con, "documents", "site_as_of_documents", as_of)
    stand_in(con, stored.table("plan_outcomes"), "site_as_of_plans", as_of)
    stored.refresh(con, temp=True, skip={"plan_outcomes"})


def read_context(con, as_of: date | None = None, text_mode: str = "full") -> Context:
    v = lambda name: read_view(con, name)  # noqa: E731
    texts = ArrowRows(read_view_arrow(con, "site_document_texts")) if text_mode == "full" else None
    return Context(events=ArrowRows(read_view_arrow(con, "site_event")), chronology=v("site_chronology"),
                   actors=v("site_actors"), actor_events=v("site_actor_events"), types=v("site_types"),
                   years=v("site_years"), documents=v("site_documents"), texts=texts,
                   spans=ArrowRows(read_view_arrow(con, "site_document_spans")), about=v("site_about_counts")[0],
                   aliases=v("site_aliases"), feed=v("site_feed"), calendar=v("site_calendar"),
                   timelinejs=v("site_timelinejs"), disputes=v("site_event_disputes"), plans=v("site_event_plans"),
                   months=v("site_event_months"), removed=v("removed_event_pages"), as_of=as_of,
                   text_mode=text_mode)


def _source_docs(events: ArrowRows) -> set[str]:
    """The document pages the event pages link to."""
    import pyarrow.compute as pc

    flat = pc.list_flatten(events.table.column("sources"))
    return set(pc.unique(pc.struct_field(flat, "doc_slug")).to_pylist()) if len(flat) else set()


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

    events = unique(ctx.chronology, "event")
    actors = unique(ctx.actors, "actor")
    docs = unique(ctx.documents, "document")
    for e in ctx.chronology:
        for a in e["actors"]:
            if a["slug"] not in actors:
                problems.append(f"event {e['id']}: actor {a['slug']!r} has no page")
        if not e["langs"]:
            problems.append(f"event {e['id']}: no sources")
    for slug in sorted(_source_docs(ctx.events) - docs):
        problems.append(f"source document {slug!r} has no page")
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


def plan_pages(ctx: Context, chart: str | None = None, viewer_assets: bool = False) -> list[tuple[str, str, dict]]:
    """Every page to render as (path, template, variables), built from the context. chart: the
    path of the events-per-month chart, if one was drawn; viewer_assets: TimelineJS is copied."""
    jobs: list[tuple[str, str, dict]] = []
    add = lambda kind, path, **kw: jobs.append((path, KINDS[kind].template, kw))  # noqa: E731
    chrono = ctx.chronology
    dated = [r for r in chrono if r["year"] is not None]
    undated = [r for r in chrono if r["year"] is None]
    n_events = len(chrono)
    country_names = {a["id"]: a["name"] for a in ctx.actors if a["kind"] == "country"}
    type_labels = {t["type"]: t["label"] for t in ctx.types}
    listing.prepare(country_names, type_labels)

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
                pager=listing.pager(paths, i), years=years_nav, total=len(rows),
                tl=Later(charts.timeline, rows, "type", type_labels, year=year) if i == 0 and year is not None else None)

    # the front page (newest first) and oldest.html: the two ends of the chronology
    front_tl = Later(charts.timeline, chrono, "type", type_labels)
    for kind, newest in (("front", True), ("oldest", False)):
        ends = list(reversed(dated[-PAGE_SIZE:])) if newest else dated[:PAGE_SIZE]
        add(kind, page_path(kind), title="Chronology", newest_first=newest,
            listing=listing.Listing(ends, newest_first=newest), undated=undated[:FRONT_UNDATED],
            filter_listing=listing.Listing(ends + undated[:FRONT_UNDATED], newest_first=newest),
            undated_listing=listing.Listing(undated[:FRONT_UNDATED], newest_first=False) if undated else None,
            n_dated=len(dated), n_undated=len(undated), n_events=n_events, years=years_nav,
            undated_href=page_path("undated") if undated else None, chart=chart, tl=front_tl)

    # events, and redirects from their old ids
    for i, (slug, summary, type_) in enumerate(zip(ctx.events.column("slug"), ctx.events.column("summary"),
                                                   ctx.events.column("type"))):
        add("event", page_path("event", slug), title=summary, e=i,  # its row is read where it is rendered
            chronology_href=located.get(slug), type_label=type_labels.get(type_, type_))
    events = set(ctx.events.column("slug"))
    for a in ctx.aliases:
        if a["alias_slug"] not in events:
            add("alias", page_path("event", a["alias_slug"]), title="Moved", target=page_path("event", a["event_slug"]),
                alias=a["alias"])
    taken = events | {a["alias_slug"] for a in ctx.aliases}
    for r in ctx.removed:
        if r["slug"] not in taken:
            add("removed", page_path("removed", r["slug"]), title="Removed", r=r)

    # where sources differ, and plans with their outcomes
    add("disputes", page_path("disputes"), title="Where sources differ", disputes=ctx.disputes)
    states: dict[str, int] = {}
    for p in ctx.plans:
        states[p["state"]] = states.get(p["state"], 0) + 1
    add("plans", page_path("plans"), title="Plans and outcomes", plans=ctx.plans,
        counts=[(s, states[s]) for s in ("overdue", "pending", "rescheduled", "fulfilled") if s in states])

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
                pager=listing.pager(paths, i), country_names=country_names,
                tl=Later(charts.timeline, rows, "type", type_labels) if i == 0 else None)

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
                pager=listing.pager(paths, i), tl=Later(charts.timeline, rows, "actor") if i == 0 else None)

    # the TimelineJS viewer: a page per type and per actor, its slides embedded in the page
    slides_of: dict[str, list[dict]] = {}
    tjs_by_id = {r["id"]: r for r in ctx.timelinejs}
    for r in ctx.timelinejs:
        slides_of.setdefault("type-" + r["type"], []).append(r)
    for ae in ctx.actor_events:
        r = tjs_by_id.get(ae["event_id"])
        if r is not None:
            slides_of.setdefault("actor-" + ae["actor_slug"], []).append(r)
    type_choices = [{"key": "type-" + t["type"], "label": t["label"], "n": len(slides_of["type-" + t["type"]])}
                    for t in ctx.types if slides_of.get("type-" + t["type"])]
    actor_choices = [{"key": "actor-" + a["slug"], "label": a["name"], "n": len(slides_of["actor-" + a["slug"]])}
                     for a in ctx.actors if slides_of.get("actor-" + a["slug"])]
    for c in type_choices + actor_choices:
        c["path"] = page_path("viewer_set", c["key"])
    choices = [("Types", type_choices), ("Actors", actor_choices)]
    for i, c in enumerate(type_choices + actor_choices):
        rows = sorted(slides_of[c["key"]], key=lambda r: (r["date_start"], r["id"]))[-VIEWER_MAX:]
        c["shown"] = len(rows)
        current = {**c,
                   "data": downloads.timelinejs_data([downloads.slide(r, type_labels, "../") for r in rows],
                                                     c["label"], f"{c['n']} dated events")} if viewer_assets else c
        add("viewer_set", c["path"], title=f"Viewer: {c['label']}", choices=choices, current=current,
            assets=viewer_assets)
        if i == 0:
            add("viewer", page_path("viewer"), title="Timeline viewer", choices=choices, current=current,
                assets=viewer_assets)
    if not type_choices:
        add("viewer", page_path("viewer"), title="Timeline viewer", choices=choices, current=None,
            assets=viewer_assets)

    # documents: the index in pages; each document's text and spans read where it is rendered
    chunks = listing.paginate(ctx.documents, TABLE_PAGE_SIZE)
    paths = [page_path("documents", None, i + 1) for i in range(len(chunks))]
    for i, chunk in enumerate(chunks):
        add("documents", paths[i], title="Documents", documents=chunk, total=len(ctx.documents),
            pager=listing.pager(paths, i))
    spans_at: dict[str, list[int]] = {}  # the spans are in document order: each document's run of them
    for i, doc in enumerate(ctx.spans.column("doc")):
        spans_at.setdefault(doc, [i, i])[1] = i + 1
    text_at = {doc: i for i, doc in enumerate(ctx.texts.column("id"))} if ctx.texts is not None else {}
    for d in ctx.documents:
        add("document", page_path("document", d["slug"]), title=d["title"] or d["id"], d=d,
            page=Later(_document_page, ctx.texts, text_at.get(d["id"]), ctx.spans, *spans_at.get(d["id"], (0, 0))))

    exported = {rel for rel, _, _ in downloads.EXPORTS}
    files = downloads.FILES if ctx.as_of is None else [f for f in downloads.FILES if f[0] not in exported]
    add("about", page_path("about"), title="About", about=ctx.about, types=ctx.types, built=ctx.built,
        files=files)
    return jobs


def _document_page(texts: ArrowRows | None, i: int | None, spans: ArrowRows, lo: int, hi: int) -> dict:
    """A document page's spans, and its text cut at them (none in a quotes-only build)."""
    rows = spans.slice(lo, hi)
    text = texts.value("text", i) if texts is not None and i is not None else None
    return {"spans": rows, "segments": listing.segments(text, rows) if text is not None else []}


# -- rendering, in worker processes when there are many pages -------------------------

_JOBS: list[tuple[str, str, dict]] = []
_OUT: Path | None = None
_ENV_OPTIONS: dict = {}
_EVENTS: ArrowRows | None = None


def _render_range(bounds: tuple[int, int]) -> tuple[int, list[str]]:
    env = make_env(**_ENV_OPTIONS)
    writer = Writer(_OUT)
    jobs = _JOBS[bounds[0]:bounds[1]]
    wanted = [v["e"] for _, t, v in jobs if t == "event.html"]
    rows = iter(_EVENTS.rows(wanted) if wanted else [])
    for path, template, variables in jobs:
        variables = {k: v() if isinstance(v, Later) else v for k, v in variables.items()}
        if template == "event.html":
            variables["e"] = next(rows)
        # a job without a template is a download: its content is the variable `data`
        writer.write(path, variables["data"] if template is None else render_page(env, template, path, variables))
    return writer.changed, writer.paths


def _render(jobs, out: Path, workers: int, env_options: dict | None = None,
            events: ArrowRows | None = None) -> tuple[int, list[str]]:
    global _JOBS, _OUT, _ENV_OPTIONS, _EVENTS
    _JOBS, _OUT, _ENV_OPTIONS, _EVENTS = jobs, out, env_options or {}, events
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
        _JOBS, _OUT, _ENV_OPTIONS, _EVENTS = [], None, {}, None


def viewer_assets() -> Path | None:
    """The TimelineJS package's dist/ folder, when it is installed: TIMELINE_TIMELINEJS_DIR if
    set (for an installed wheel, whose templates hold no node_modules), else templates/vendor."""
    env = os.environ.get("TIMELINE_TIMELINEJS_DIR")
    dist = Path(env) if env else templates_dir() / TIMELINEJS
    return dist if all((dist / f).is_file() for f in TIMELINEJS_FILES) else None


def _chart_and_viewer(ctx: Context, writer: Writer) -> tuple[dict | None, Path | None]:
    """Write the chart of events per month and the TimelineJS viewer's files into the site;
    returns the chart's {path, unit} (None: nothing to draw) and the viewer's folder (None: not
    installed)."""
    drawn = charts.month_chart(ctx.months, {r["type"]: r["label"] for r in ctx.types})
    chart = None
    if drawn:
        chart = {"path": "static/chart-months.svg", "unit": drawn[1]}
        writer.write(chart["path"], drawn[0])
    assets = viewer_assets()
    if assets is None:
        log.warning("the TimelineJS viewer is not installed: npm install --prefix templates/vendor "
                    "(the viewer page says so)")
    else:
        for src, dest in TIMELINEJS_FILES.items():
            writer.write("static/timelinejs/" + dest, (assets / src).read_bytes())
        writer.copy_tree(assets / "css" / "icons", "static/timelinejs/css/icons")
    return chart, assets


def build_site(db_path: str, out_dir: str, strict: bool = False, workers: int | None = None,
               as_of: date | str | None = None, text: str = "full") -> int:
    """Render the site from the database into out_dir; returns the number of pages.
    as_of: build the record as its sources told it on that day (events_as_of); text: 'full'
    publishes each document's text, 'quotes' only the quotes with their offsets.
    Files whose content did not change are left alone (their mtime too); files an
    earlier build wrote that this one does not are removed."""
    if text not in TEXT_MODES:
        raise SiteError(f"--text must be one of {', '.join(TEXT_MODES)}, not {text!r}")
    if isinstance(as_of, str):
        try:
            as_of = date.fromisoformat(as_of)
        except ValueError:
            raise SiteError(f"--as-of wants a date as YYYY-MM-DD, not {as_of!r}") from None
    t0 = time.perf_counter()
    timings: dict[str, float] = {}
    con = connect(db_path)
    exports = None
    try:
        prepare_record(con, as_of)
        ctx = read_context(con, as_of, text)
        timings["views"] = time.perf_counter() - t0
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
        exports = downloads.Exports(con, as_of)
        exports.start()
        t = time.perf_counter()
        chart, assets = _chart_and_viewer(ctx, writer)
        # the downloads first: the longest jobs, started while the pages are still to come
        jobs = downloads.jobs(ctx) + plan_pages(ctx, chart=chart, viewer_assets=assets is not None)
        for path, _, _ in jobs:
            check_path(path)
        timings["plan"] = time.perf_counter() - t
        t = time.perf_counter()
        exports.finish(writer)
        exports = None
        timings["exports (after the plan)"] = time.perf_counter() - t
    finally:
        if exports is not None:
            exports.finish()
        con.close()
    writer.copy_static()
    workers = workers or min(os.cpu_count() or 1, 4)
    t = time.perf_counter()
    changed, paths = _render(jobs, out, workers, {"as_of": as_of, "text_mode": text}, ctx.events)
    timings["render"] = time.perf_counter() - t
    writer.changed += changed
    writer.paths += paths
    writer.finish()
    log.info("site: %d pages (%d files changed) in %.1f s (%s)", len(jobs), writer.changed,
             time.perf_counter() - t0, ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return len(jobs)
