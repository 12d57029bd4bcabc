"""Hostile documents on the site (reliability; tests/test_site.py has the site's own escaping
tests): HTML, script URLs in every spelling, Markdown, right-to-left and bidi-override text,
control characters, and ids and titles that look like paths, all ingested through JSONL.
They render as text; every link stays harmless; nothing is written outside the site folder;
the feeds still parse."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

import timeline
from timeline.site import build_site

from conftest import SEEDS

RTL = "\u0627\u062a\u0641\u0627\u0642\u064a\u0629 \u05d4\u05e1\u05db\u05dd"  # Arabic and Hebrew words
BAD_URLS = ["javascript:alert(1)", "JaVaScRiPt:alert(2)", " javascript:alert(3)", "java\tscript:alert(4)",
            "vbscript:msgbox(5)", "data:text/html,<script>alert(6)</script>", "javascript&colon;alert(7)",
            "//evil.example/x", "\x01javascript:alert(8)"]
MARKER = "Kazakhstan and Russia signed an agreement in Astana on {d} March 2024."


def _docs() -> list[dict]:
    docs = []
    bodies = [
        "<script>alert('body')</script><iframe src=//evil.example></iframe> " + MARKER,
        "[click me](javascript:alert('md')) **bold** # Heading\n\n> quote\n\n![img](x onerror=alert(1)) " + MARKER,
        "<a href=\"javascript:alert('a')\">link</a> <svg onload=alert(1)> " + MARKER,
        f"\u202e{RTL}\u202c \u2066{RTL}\u2069 \u200f " + MARKER,
        "control \x00\x01\x07\x08\x0b\x0c\x1b[31m\x7f\u0085\ufffe\uffff chars " + MARKER,
        "{{ 7*7 }} {% raw %} ${7*7} <!-- comment --> ]]> <![CDATA[x]]> " + MARKER,
    ]
    ids = ["../../etc/passwd", "a/b/c", "..", "con", "x\x00y", "<script>id</script>",
           "/abs/path", "C:\\win\\path", ".hidden", "%2e%2e%2fx"]
    titles = ["../../../tmp/owned", "<b>title</b>/<i>x</i>", "a/b\\c", f"{RTL} \u202eevil", "\x1b[2J title"]
    for k in range(max(len(ids), len(BAD_URLS))):
        docs.append({
            "id": ids[k % len(ids)] + ("" if k < len(ids) else f"-{k}"),
            "lang": "en",
            "published": f"2024-03-{(k % 27) + 1:02d}",
            "url": BAD_URLS[k % len(BAD_URLS)],
            "source": titles[(k + 1) % len(titles)],
            "title": titles[k % len(titles)],
            "text": bodies[k % len(bodies)].replace("{d}", str((k % 27) + 1)),
        })
    return docs


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("hostile7")
    inputs = work / "in"
    shutil.copytree(SEEDS, inputs)
    with (inputs / "hostile.jsonl").open("w", encoding="utf-8") as f:
        for d in _docs():
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    db = work / "h.duckdb"
    with timeline.open(db) as tl:
        report = tl.ingest([inputs], progress=False)
    assert report.added >= 5 + 8, report.line()
    out = work / "out" / "site"
    assert build_site(str(db), str(out)) > 0
    return work, out


class _Attrs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k in ("href", "src", "action", "formaction", "xlink:href", "poster", "data"):
                self.urls.append((tag, k, v or ""))
            if k.startswith("on"):
                self.handlers.append(f"{tag} {k}={v}")


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _scheme(url: str) -> str:
    # how a browser reads it: control characters and whitespace dropped, case folded
    clean = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    return clean.split(":", 1)[0] if ":" in clean.split("/", 1)[0] else ""


def test_everything_inside_the_site(site):
    work, out = site
    root = out.resolve()
    for f in out.rglob("*"):
        assert f.resolve().is_relative_to(root), f
        assert not f.is_symlink(), f
    # nothing beside the site folder, nothing in /tmp made by a title
    assert sorted(p.name for p in (work / "out").iterdir()) == ["site"]
    assert not Path("/tmp/owned").exists()
    for f in out.rglob("*"):
        assert "\x00" not in f.name and "\\" not in f.name and ".." not in f.name.replace("...", ""), f


def test_documents_render_as_text(site):
    _, out = site
    for page in _pages(out):
        text = page.read_text(encoding="utf-8")
        p = _Attrs()
        p.feed(text)
        assert not {"iframe", "object", "embed"} & p.tags, page
        for needle in ("<script>alert", "<iframe", "<svg onload", "onerror=alert(1)>", "<b>title", "<a href=\"javascript"):
            assert needle not in text, (page, needle)
        assert not [h for h in p.handlers if "alert" in h], (page, p.handlers)
        for tag, attr, url in p.urls:
            assert _scheme(url) in ("", "http", "https", "mailto"), (page, tag, attr, url)
            assert not url.startswith("//evil"), (page, url)
        for block in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", text, re.S):
            # inline data (the search index) holds document text: it must not be able to end its element
            assert "<" not in block, (page, block[:200])


def test_markup_shown_escaped(site):
    _, out = site
    docs = sorted((out / "document").glob("*.html"))
    assert len(docs) >= 5 + 8
    all_text = "\n".join(p.read_text(encoding="utf-8") for p in docs)
    assert "&lt;script&gt;alert(" in all_text
    assert "[click me](javascript:alert(" in all_text  # Markdown is not rendered: the text as written
    assert "**bold**" in all_text
    assert "{{ 7*7 }}" in all_text and ">49<" not in all_text  # no template evaluation
    assert RTL.split()[0] in all_text


def test_no_control_characters_in_output(site):
    """C0 controls (but tab, newline, CR) and noncharacters are invalid in HTML and XML."""
    _, out = site
    bad = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
    for f in list(out.rglob("*.html")) + list(out.rglob("*.xml")) + list(out.rglob("*.json")) + \
            list(out.rglob("*.ics")):
        text = f.read_text(encoding="utf-8")
        m = bad.search(text)
        assert m is None, (f, repr(text[max(0, m.start() - 40):m.end() + 40]))


def test_feeds_and_json_parse(site):
    _, out = site
    for f in out.rglob("*.xml"):
        ET.parse(f)
    for f in out.rglob("*.json"):
        json.loads(f.read_text(encoding="utf-8"))
