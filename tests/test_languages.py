"""Languages added as data only (uk, tr, uz, az, de, fr): the data contract, trigger
sentences per event type, status, called-off, quantities, and one news article per
language through the real pipeline. The cases are in tests/lang_cases_*.py; date phrase
tables in tests/cases/dates/<code>.tsv, run by tests/test_temporal.py.
"""
from __future__ import annotations

import csv
import re
import tomllib
from datetime import date
from pathlib import Path

import lang_cases_az_de_fr as second
import lang_cases_uk_tr_uz as first
import pytest
from conftest import cldr_months, marked_spans, trigger_hit

from timeline import langdata
from timeline.events import morph
from timeline.events.triggers import find_triggers
from timeline.langdata import load
from timeline.model import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "tests" / "cases" / "dates"
CORPUS = ROOT / "tests" / "corpus" / "langs"
FILES = ("dates", "triggers", "status", "quantities", "discourse", "morphology")

TRIGGERS = {**first.TRIGGERS, **second.TRIGGERS}
EXPECTED = {**first.EXPECTED, **second.EXPECTED}
KNOWN_GAPS = first.KNOWN_GAPS + second.KNOWN_GAPS

LANGS = tuple(TRIGGERS)


# --- data contract ------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_language_has_every_file(lang):
    for name in FILES:
        assert (langdata.LANG_DIR / lang / f"{name}.toml").exists(), (lang, name)
        assert load(lang, name), (lang, name)


@pytest.mark.parametrize("lang", LANGS)
def test_morphology_moved_out_of_the_unseen_file(lang):
    with morph.UNSEEN_FILE.open("rb") as f:
        assert lang not in tomllib.load(f), f"{lang}: its table now lives in timeline/lang/{lang}/morphology.toml"
    assert morph.morphologies()[lang].lang == lang


@pytest.mark.parametrize("lang", LANGS)
def test_date_cases_per_language(lang):
    with (CASES_DIR / f"{lang}.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) >= 25, lang
    assert any(r["date_text"] == "none" for r in rows), lang


@pytest.mark.parametrize("lang", LANGS)
def test_cldr_month_names_are_covered(lang):
    from timeline.temporal.lexicon import lexicon
    from timeline.temporal.text import phrase_keys
    lex = lexicon(lang)
    for ctx, names in cldr_months(lang).items():
        for i, name in enumerate(names, 1):
            keys = phrase_keys(name)
            entries = lex.entries.get(keys[0], [])
            assert any(e.tag in "Mm" and e.value == i for e in entries), (lang, ctx, i, keys)


# dateparser's dotless abbreviations left out of the data on purpose: "берез" is also "birches"
DATEPARSER_LEFT_OUT = {"uk": {"берез", "верес", "листоп"}}


def test_dateparser_month_names_are_covered():
    """dateparser's month names of each language (its abbreviations without the dot)."""
    from dateparser.languages.loader import default_loader

    from timeline.temporal.lexicon import MONTHS, lexicon
    from timeline.temporal.text import phrase_keys
    for lang in LANGS:
        info = default_loader.get_locale(lang).info
        lex = lexicon(lang)
        for i, m in enumerate(MONTHS, 1):
            for name in info.get(m, []):
                name = name.replace("\u0307", "")  # dateparser lower-cases az "İyun" as "i" + combining dot
                if len(name) < 4 or name in DATEPARSER_LEFT_OUT.get(lang, ()):
                    continue
                keys = phrase_keys(name)
                entries = lex.entries.get(keys[0], [])
                assert any(e.tag in "MmA" and e.value == i for e in entries), (lang, m, name)


# --- triggers -----------------------------------------------------------------

def test_every_type_has_two_cases_per_language():
    for lang in LANGS:
        for etype in EVENT_TYPES:
            assert len(TRIGGERS[lang].get(etype, [])) >= 2, (lang, etype)


def _trigger_cases():
    for lang, by_type in TRIGGERS.items():
        for etype, sentences in by_type.items():
            for i, s in enumerate(sentences):
                yield pytest.param(lang, etype, s, id=f"{lang}-{etype}-{i}")


@pytest.mark.parametrize("lang,etype,marked", list(_trigger_cases()))
def test_news_sentence(lang, etype, marked):
    sentence, spans = marked_spans(marked)
    found = find_triggers(sentence, lang)
    assert any(trigger_hit(sentence, lang, etype, sp) for sp in spans), \
        f"{etype} not found in {sentence!r}: {[(t.type, t.text, t.rule) for t in found]}"


# --- one article per language, through the real pipeline ----------------------

@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory):
    import timeline

    db = tmp_path_factory.mktemp("langs") / "langs.duckdb"
    with timeline.open(db) as tl:
        report = tl.ingest([CORPUS / f"{lang}.md" for lang in EXPECTED], progress=False)
        assert report.ok, report.errors
        rows = list(tl.events().iter_rows(named=True))
    by_lang: dict[str, list[dict]] = {}
    for r in rows:
        for s in r["sources"]:
            by_lang.setdefault(s["lang"], []).append(r)
    return by_lang


def _iso(d) -> str | None:
    return d.isoformat() if isinstance(d, date) else d


def _rows(corpus_events, lang):
    return [(e["type"], e["status"], _iso(e["date_start"]), _iso(e["date_end"]), {a["id"] for a in e["actors"]})
            for e in corpus_events.get(lang, [])]


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_article_events(corpus_events, lang):
    got = _rows(corpus_events, lang)
    for etype, status, start, end, actors in EXPECTED[lang]:
        ok = [g for g in got if g[:4] == (etype, status, start, end) and g[4] & actors]
        assert ok, f"{lang}: no {etype}/{status} {start}..{end} with one of {actors}: {got}"


@pytest.mark.parametrize("lang,want", [pytest.param(lang, w, marks=pytest.mark.xfail(strict=True),
                                                     id=f"{lang}-{w[0]}") for lang, w in KNOWN_GAPS])
def test_article_known_gaps(corpus_events, lang, want):
    got = _rows(corpus_events, lang)
    assert [g for g in got if g[:4] == want[:4] and g[4] & want[4]]


@pytest.mark.parametrize("lang", list(EXPECTED))
def test_article_front_matter(lang):
    text = (CORPUS / f"{lang}.md").read_text(encoding="utf-8")
    head = text.split("---")[1]
    assert re.search(rf"^lang: {lang}$", head, re.M) and re.search(r"^id: ", head, re.M)
    assert re.search(r"^published: ", head, re.M)
    body = text.split("---", 2)[2]
    assert 150 <= len(body.split()) <= 300, len(body.split())
