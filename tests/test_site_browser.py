"""The seeds' site in a real browser: Debian's chromium driven by Playwright, pages
opened from disk (file://), as a reader opens them."""
from __future__ import annotations

from pathlib import Path

import pytest


pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
SHOTS = Path("/tmp/timeline-site-screenshots")


@pytest.fixture(scope="module")
def site(seeds_site) -> Path:
    return seeds_site


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Reader:
    """One page with its console errors and every request it made recorded."""

    def __init__(self, browser, width=1280):
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def record(route):
            self.requests.append(route.request.url)
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                route.abort()

        self.page.route("**/*", record)

    def open(self, site: Path, rel: str):
        self.page.goto((site / rel).as_uri() if "#" not in rel else (site / rel.split("#")[0]).as_uri()
                       + "#" + rel.split("#", 1)[1])
        return self.page

    def close(self):
        self.page.close()


def _visible_events(page) -> int:
    return page.locator("li.ev:visible").count()


def test_chronology_loads_without_errors_and_filters(site, browser):
    r = Reader(browser)
    page = r.open(site, "index.html")
    assert page.locator("h1").inner_text() == "Chronology"
    assert page.locator("#filters").is_visible(), "the script shows the filter form"
    total = _visible_events(page)
    assert total > 5
    # filter by type: fewer events, every one of that type
    options = page.locator("#f-type option").all()
    value = options[1].get_attribute("value")
    page.select_option("#f-type", value)
    narrowed = _visible_events(page)
    assert 0 < narrowed < total
    assert page.locator(f"li.ev:visible .t-{value}").count() == narrowed
    assert "of" in page.locator("#filter-status").inner_text()
    page.click("button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('li.ev:not([hidden])').length >= {total}")
    # filter by language and by actor
    page.select_option("#f-lang", page.locator("#f-lang option").nth(1).get_attribute("value"))
    assert 0 < _visible_events(page) <= total
    page.click("button[type=reset]")
    page.select_option("#f-actor", page.locator("#f-actor option").nth(1).get_attribute("value"))
    assert 0 < _visible_events(page) < total
    assert r.errors == []
    r.close()


def test_search_finds_a_seed_event(site, browser):
    r = Reader(browser)
    page = r.open(site, "index.html")
    total = _visible_events(page)
    page.fill("#f-q", "Узбекистан")  # a word of a Russian seed quote
    found = _visible_events(page)
    assert 0 < found < total
    page.fill("#f-q", "Tokayev")  # an actor's English name
    assert 0 < _visible_events(page) < total
    page.fill("#f-q", "zzzz-nothing")
    assert _visible_events(page) == 0
    assert page.locator("#no-match").is_visible()
    assert r.errors == []
    r.close()


def test_event_page_shows_its_quote(site, browser):
    r = Reader(browser)
    page = r.open(site, "index.html")
    page.locator("li.ev .ev-title a").first.click()
    quote = page.locator("blockquote").first
    assert quote.get_attribute("lang") in {"ru", "kk", "el", "en"}
    assert len(quote.inner_text()) > 10
    # its link leads to the document page, where the span is highlighted
    page.locator("figcaption a").first.click()
    assert "/document/" in page.url and "#s" in page.url
    anchor = page.url.split("#", 1)[1]
    mark = page.locator(f"[id='{anchor}']")
    assert mark.count() == 1
    assert page.locator("mark").count() >= 1
    assert r.errors == []
    r.close()


def test_document_page_highlights_span(site, browser):
    r = Reader(browser)
    page = r.open(site, "document/000_ad14549d1161be81.html")
    marks = page.locator(".doc-text mark")
    assert marks.count() >= 3
    bg = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
    r.close()


def test_works_without_javascript(site, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator("li.ev").count() > 5
    assert not page.locator("#filters").is_visible()  # no dead controls without the script
    ctx.close()


def test_no_request_to_another_host(site, browser):
    r = Reader(browser)
    for rel in ("index.html", "oldest.html", "about.html", "actor/index.html", "type/index.html",
                "document/index.html", "document/000_ad14549d1161be81.html"):
        r.open(site, rel)
    event = next((site / "event").glob("*.html"))
    r.open(site, f"event/{event.name}")
    assert r.requests and all(u.startswith("file://") for u in r.requests), r.requests
    r.close()


@pytest.mark.parametrize("rel", ["index.html", "oldest.html", "about.html", "actor/index.html", "type/index.html",
                                 "document/index.html", "document/000_ad14549d1161be81.html", "EVENT",
                                 "2023/index.html", "type/meeting.html", "disputes.html", "plans.html",
                                 "viewer/index.html"])
def test_accessibility_axe(site, browser, rel):
    if not AXE.exists():
        pytest.skip(f"{AXE} missing: run `npm ci --prefix tests/js` (CI does)")
    if rel == "EVENT":
        rel = "event/" + next((site / "event").glob("*.html")).name
    r = Reader(browser)
    page = r.open(site, rel)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run({exclude: [['#tl-viewer']]}, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
        return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
    }""")
    assert result == [], result
    r.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_readable_at_width_and_screenshots(site, browser, width):
    SHOTS.mkdir(parents=True, exist_ok=True)
    r = Reader(browser, width=width)
    for rel in ("index.html", "event/" + next((site / "event").glob("*.html")).name,
                "document/000_ad14549d1161be81.html", "about.html", "2023/index.html", "type/meeting.html",
                "plans.html", "viewer/index.html"):
        page = r.open(site, rel)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (rel, width, overflow)
        page.screenshot(path=str(SHOTS / f"{rel.replace('/', '_')}-{width}.png"))
    r.close()


def test_timeline_mark_leads_to_its_event(site, browser):
    r = Reader(browser)
    page = r.open(site, "index.html")
    marks = page.locator("figure.tl svg a")
    assert marks.count() > 5
    first = marks.first
    label = first.get_attribute("aria-label")
    assert label and page.locator("figure.tl svg a title").first.text_content() == label
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/event/*.html")
    assert page.locator("h1").inner_text() in label
    assert r.errors == []
    r.close()


def test_timeline_readable_without_javascript(site, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator("figure.tl svg a").count() > 5
    box = page.locator("figure.tl .tl-strip").first.bounding_box()
    assert box["width"] > 300 and box["height"] >= 20
    ctx.close()


def test_timelinejs_viewer_from_file(site, browser):
    from timeline.site.build import viewer_assets

    if viewer_assets() is None:
        pytest.skip("TimelineJS not installed: npm install --prefix templates/vendor (CI does)")
    r = Reader(browser)
    page = r.open(site, "viewer/index.html")
    page.wait_for_function("document.querySelectorAll('#tl-viewer .tl-slide').length > 1", timeout=15000)
    assert page.locator("#tl-viewer .tl-timemarker").count() > 0
    # another type: its own page, its own data
    other = page.locator("#vw-pick option").nth(1).get_attribute("value")
    page.select_option("#vw-pick", other)
    page.wait_for_url("**/viewer/*.html")
    page.wait_for_function("document.querySelectorAll('#tl-viewer .tl-slide').length > 1", timeout=15000)
    assert r.errors == [], r.errors
    assert r.requests and all(u.startswith("file://") for u in r.requests), r.requests
    r.close()
