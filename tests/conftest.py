"""Shared fixtures: one database built by the real pipeline from seeds/, and a
factory for fresh databases. The timezone is pinned; nothing depends on locale."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "golden" / "seed_gold.jsonl"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    """A database holding the five seed articles, ingested by the real pipeline."""
    import timeline

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with timeline.open(path) as tl:
        report = tl.ingest([SEEDS], progress=False)
    assert report.ok, report.errors
    return path


@pytest.fixture(scope="session")
def seeds_site(seeds_db, tmp_path_factory) -> Path:
    """The seeds' site, built once from a copy of the session's seed database."""
    from timeline.site import build_site

    work = tmp_path_factory.mktemp("site")
    db = work / "seeds.duckdb"
    shutil.copy(seeds_db, db)
    out = work / "site"
    assert build_site(str(db), str(out)) > 0
    return out


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A writable copy of the seed folder."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def gz():
    """The shipped gazetteer, loaded once."""
    from timeline.events.actors import gazetteer

    return gazetteer()


def assert_names_resolve(gz, lang: str, text: str, expected: dict[str, str]) -> None:
    """Each name of `expected` (matched text -> id) is found in `text` with that id; the
    matcher may find more."""
    found = {m.text: m.id for m in gz.find(text, lang)}
    for surface, id_ in expected.items():
        assert found.get(surface) == id_, f"{surface!r} -> {found.get(surface)!r}; found {found}"


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """The `timeline` command as a user runs it, in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=cwd or ROOT, input=input,
                          capture_output=True, text=True, timeout=300, env=env)


def cldr_months(lang: str) -> dict[str, list[str]]:
    """Babel's wide month names, format and stand-alone.  Babel 2.18 resolves the
    stand-alone alias of a locale into the shared root data, so that once az has been
    read, de, fr and tr stand-alone months come back Azerbaijani: read each locale
    afresh and leave no such state behind for other tests."""
    import babel.localedata
    from babel import Locale

    babel.localedata._cache.clear()
    try:
        loc = Locale.parse(lang)
        return {ctx: [loc.months[ctx]["wide"][i] for i in range(1, 13)] for ctx in ("format", "stand-alone")}
    finally:
        babel.localedata._cache.clear()


def marked_spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A case sentence with the expected trigger(s) in [brackets] -> (plain text, spans)."""
    spans, plain, pos = [], [], 0
    for m in re.finditer(r"\[([^\]]+)\]", marked):
        plain.append(marked[pos:m.start()])
        start = sum(len(p) for p in plain)
        plain.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    plain.append(marked[pos:])
    return "".join(plain), spans


def trigger_hit(sentence: str, lang: str, etype: str, span: tuple[int, int]) -> bool:
    """A trigger of `etype` overlaps `span`."""
    from timeline.events.triggers import find_triggers

    return any(t.type == etype and t.start < span[1] and span[0] < t.end for t in find_triggers(sentence, lang))
