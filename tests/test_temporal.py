"""The temporal engine: phrase tables per language, the seed gold dates,
the data contract and the engine's freedom from language."""
from __future__ import annotations

import csv
import json
import re
import time
import tomllib
from datetime import date
from pathlib import Path

import pytest

from timeline import langdata
from timeline.temporal import dates_records, find_dates, reference_date
from timeline.temporal.lexicon import SCHEMA, expand, lexicon, validate

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "dates"
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "golden" / "seed_gold.jsonl"
ENGINE = ROOT / "timeline" / "temporal"
SEED_LANG = {"000": "ru", "001": "ru", "002": "kk", "003": "ru", "004": "el"}


def _cases():
    for path in sorted(CASES.glob("*.tsv")):
        with path.open(encoding="utf-8") as f:
            for i, row in enumerate(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
                yield pytest.param(path.stem, row, id=f"{path.stem}:{i}")


def _d(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


@pytest.mark.parametrize("lang,row", list(_cases()))
def test_case(lang, row):
    ref = _d(row["ref"])
    found = find_dates(row["text"], lang, ref)
    if row["date_text"] == "none":
        assert found == [], [e.record() for e in found]
        return
    want = (row["date_text"], row["date_start"], row["date_end"], row["precision"], row["basis"])
    # an undated expression ("на днях", "recently") is written None None None undated
    got = [(e.text, str(e.date_start), str(e.date_end), str(e.precision), e.basis) for e in found]
    assert want in got, got


def test_enough_cases_per_language():
    for lang in ("ru", "kk", "el", "en"):
        with (CASES / f"{lang}.tsv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert len(rows) >= 45, lang
        assert any(r["date_text"] == "none" for r in rows), lang


# ------------------------------------------------------------ seed gold

def _seed(doc: str) -> str:
    return (SEEDS / f"{doc}.txt").read_text(encoding="utf-8")


def _gold():
    with GOLD.open(encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            if g["date_start"]:
                yield pytest.param(g, id=g["event"])


def _edtf_interval(s: str) -> tuple[date, date] | None:
    import edtf
    try:
        e = edtf.parse_edtf(s.rstrip("~"))
    except Exception:
        return None
    lo, hi = e.lower_strict(), e.upper_strict()
    return date(*lo[:3]), date(*hi[:3])


def _accepts(g: dict, st: date, en: date) -> bool:
    if (st.isoformat(), en.isoformat()) == (g["date_start"], g["date_end"]):
        return True
    for a in g.get("accept", []):
        if a == "undated":
            continue
        iv = _edtf_interval(a)
        if iv is None:
            continue
        if a.endswith("~"):
            if iv[0] <= st and en <= iv[1]:
                return True
        elif iv == (st, en):
            return True
    return False


@pytest.mark.parametrize("g", list(_gold()))
def test_seed_gold_date(g):
    doc = g["doc"]
    text = _seed(doc)
    lang = SEED_LANG[doc[:3]]
    rd = reference_date(text, lang)
    if g["basis"] == "document_date":
        assert rd.date is not None and _accepts(g, rd.date, rd.date), rd
        return
    recs = dates_records(text, lang, None)
    ev = text.find(g["evidence"][:40])
    assert ev >= 0
    # the evidence's paragraph, else the paragraphs before it (the narrative's time)
    paras = [m.span() for m in re.finditer(r"[^\n]+", text)]
    idx = next(i for i, (s, e) in enumerate(paras) if s <= ev < e)
    for step in (0, -1, -2, 1, 2):
        if not 0 <= idx + step < len(paras):
            continue
        s, e = paras[idx + step]
        here = [r for r in recs if s <= r["start"] < e and r["date_start"]]
        if here:
            break
    ok = [r for r in here if _accepts(g, date.fromisoformat(r["date_start"]), date.fromisoformat(r["date_end"]))]
    assert ok, (g["event"], here)


def test_seed_reference_dates():
    assert reference_date(_seed("000_ad14549d1161be81"), "ru").date == date(2023, 10, 7)
    assert reference_date(_seed("000_ad14549d1161be81"), "ru").how == "dateline"
    r1 = reference_date(_seed("001_c4f7025143f6b3ea"), "ru")
    assert (r1.date, r1.how) == (date(2023, 1, 18), "inferred")
    r4 = reference_date(_seed("004_61b56274b32916f2"), "el")
    assert (r4.date, r4.how) == (date(2025, 11, 12), "header")
    assert reference_date("Без дат вообще.", "ru").date is None


def test_narrative_anchoring_without_ref():
    text = ("В конце ноября 2022 года стало известно об инициативе. 7 декабря министр заявил. "
            "В конце декабря Новак сообщил. 10 января Скляр встретился с Новаком. 18 января делегация посетила Петербург.")
    got = {e.text: (e.date_start, e.basis) for e in find_dates(text, "ru", None)}
    assert got["7 декабря"] == (date(2022, 12, 7), "inferred_year")
    assert got["В конце декабря"][0] == date(2022, 12, 21)
    assert got["10 января"][0] == date(2023, 1, 10)
    assert got["18 января"][0] == date(2023, 1, 18)


def test_offsets_and_lookalikes():
    text = "\u00a0date-less line\nСOP29 аясында 7\u00a0октября 2023\u00a0года."
    for e in find_dates(text, "ru", None):
        assert text[e.start:e.end] == e.text
    assert any(e.basis == "named_event" for e in find_dates(text, "kk", None))


def test_future_reading_and_rule_ids():
    (e,) = find_dates("Встреча пройдет 5 декабря.", "ru", date(2025, 11, 12))
    assert e.date_start == date(2024, 12, 5) and e.future == (date(2025, 12, 5), date(2025, 12, 5))
    assert e.rule == "ru.day_month_year" and e.future_edtf == "2025-12-05"


def test_edtf_forms():
    ref = date(2025, 3, 12)
    got = {e.text: e.edtf for e in find_dates(
        "В первом квартале 2025 года, весной 2024 года, в первом полугодии 2025 года, "
        "в конце ноября 2022 года и в 2023–2025 годах, а также 1–3 октября 2023 года.", "ru", ref)}
    assert got["В первом квартале 2025 года"] == "2025-33"
    assert got["весной 2024 года"] == "2024-21"
    assert got["в первом полугодии 2025 года"] == "2025-40"
    assert got["в конце ноября 2022 года"] == "2022-11-21/2022-11-30"
    assert got["в 2023–2025 годах"] == "2023/2025"
    assert got["1–3 октября 2023 года"] == "2023-10-01/2023-10-03"


def test_occasion_without_year_needs_ref():
    assert find_dates("На форуме Kazenergy Week обсудили транзит.", "ru", None) == []
    (e,) = find_dates("На форуме Kazenergy Week обсудили транзит.", "ru", date(2025, 10, 2))
    assert e.basis == "named_event" and e.date_start.year == 2025


def test_unseen_languages_fall_back_to_cldr():
    (e,) = find_dates("Угоду підписали 7 жовтня 2023 року.", "uk", None)
    assert (e.date_start, e.precision) == (date(2023, 10, 7), "day")
    (e,) = find_dates("Der Vertrag wurde am 7. Oktober 2023 unterzeichnet.", "de", None)
    assert e.date_start == date(2023, 10, 7)
    (e,) = find_dates("Anlaşma 7 Ekim 2023 tarihinde imzalandı.", "tr", None)
    assert e.date_start == date(2023, 10, 7)
    assert find_dates("Der Vertrag kostet 43 Millionen.", "de", None) == []


def test_forward_readings_of_year_less_dates():
    """Every year-inferred, weekday or year-less quarter expression carries the
    reading forward from the reference date (what a plan names)."""
    cases = [
        ("ru", "2025-08-01", "Форум пройдет 10–12 сентября в Баку.", ("2025-09-10", "2025-09-12")),
        ("ru", "2025-09-12", "В четвертом квартале «Транснефть» планирует увеличить прокачку.",
         ("2025-10-01", "2025-12-31")),
        ("ru", "2025-03-10", "В июне планируется подписать контракт.", ("2025-06-01", "2025-06-30")),
        ("ru", "2025-12-10", "Поставки газа начнутся с 1 января.", ("2026-01-01", "2026-01-01")),
        ("ru", "2025-10-20", "Работы завершат до середины декабря.", ("2025-12-11", "2025-12-20")),
        ("el", "2025-12-03", "Η κοινοπραξία αναμένει πλήρη λειτουργία έως τα μέσα Δεκεμβρίου.",
         ("2025-12-11", "2025-12-20")),
        ("en", "2025-08-01", "The working group will meet between Sept 10 and 12.", ("2025-09-10", "2025-09-12")),
        ("kk", "2025-09-12", "Төртінші тоқсанда экспортты ұлғайту жоспарлануда.", ("2025-10-01", "2025-12-31")),
        ("ru", "2025-10-22", "Переговоры продолжатся в пятницу.", ("2025-10-24", "2025-10-24")),
        ("en", "2025-05-01", "Putin is expected at the St. Petersburg International Economic Forum.",
         ("2025-06-18", "2025-06-21")),
    ]
    for lang, ref, text, want in cases:
        (e,) = find_dates(text, lang, date.fromisoformat(ref))
        assert e.future is not None, (text, e)
        assert (e.future[0].isoformat(), e.future[1].isoformat()) == want, (text, e)
        assert e.future_edtf, (text, e)


def test_year_to_date_is_no_reference_date():
    text = ("Ашхабад, 20 октября (Новости-Центральная Азия). Переговоры по проекту шли с начала года. "
            "В марте 2025 года министры подписали меморандум.")
    rd = reference_date(text, "ru")
    assert (rd.date, rd.how) == (date(2025, 10, 20), "dateline")
    got = {e.text: (e.date_start, e.date_end) for e in find_dates(text, "ru", None)}
    assert got["с начала года"] == (date(2025, 1, 1), date(2025, 10, 20))
    # no dateline: "since the start of the year" still gives no date of its own to the text
    rd = reference_date("Переговоры шли с начала года. В марте 2025 года министры подписали меморандум.", "ru")
    assert rd.date == date(2025, 3, 1)


def test_dateline_without_year():
    # the narrative gives the year: a dateline reference date
    rd = reference_date("Ашхабад, 20 октября (Новости-Центральная Азия). В марте 2025 года стороны "
                        "подписали меморандум.", "ru")
    assert (rd.date, rd.how) == (date(2025, 10, 20), "dateline")
    # nothing gives it: no date is guessed
    rd = reference_date("Ашхабад, 20 октября (Новости-Центральная Азия). Стороны подписали контракт.", "ru")
    assert rd.date is None
    # with metadata the dateline's year is the metadata's, and the span is still a dateline
    from timeline.temporal import dateline_spans
    text = "ASHGABAT, Oct 20 (Reuters) - Iraq signed a gas swap deal."
    exprs = find_dates(text, "en", date(2025, 10, 21))
    assert dateline_spans(text, exprs) and exprs[0].date_start == date(2025, 10, 20)


def test_inferred_reference_never_passes_the_dateline_nor_a_plan():
    text = ("Москва, 7 октября 2023 года. Встреча министров состоится 12 декабря. "
            "Ранее, 5 октября, стороны обсудили транзит.")
    rd = reference_date(text, "ru")
    assert (rd.date, rd.how) == (date(2023, 10, 7), "dateline")
    got = {e.text: e for e in find_dates(text, "ru", None)}
    assert got["12 декабря"].future == (date(2023, 12, 12), date(2023, 12, 12))
    # targets and plans do not date a text: the latest date of something done does
    for text in ("В марте 2025 года стороны подписали меморандум. К 2030 году объем вырастет. "
                 "Строительство планируется завершить в ноябре.",
                 "В марте 2025 года стороны подписали меморандум. Работы завершат до конца года.",
                 "In March 2025 the sides signed a memorandum. Output will double by 2030."):
        lang = "en" if text.startswith("In") else "ru"
        assert reference_date(text, lang).date == date(2025, 3, 1), text


def test_occasion_edition_by_year_or_place():
    ref = date(2025, 10, 20)
    (e, _) = find_dates("Putin and Xi met on the sidelines of the BRICS summit in Kazan in October 2024.", "en", ref)
    assert (e.date_start, e.date_end) == (date(2024, 10, 22), date(2024, 10, 24))
    (e,) = find_dates("Лидеры встретились на полях саммита БРИКС в Казани.", "ru", ref)
    assert e.date_start == date(2024, 10, 22)
    (e,) = find_dates("Лидеры встретились на саммите БРИКС.", "ru", date(2024, 11, 1))
    assert e.date_start == date(2024, 10, 22) and e.basis == "named_event"


def test_eve_same_day_and_recently():
    ref = date(2025, 10, 20)
    (e, _) = find_dates("Накануне саммита БРИКС в Казани лидеры провели переговоры.", "ru", ref)
    assert e.date_start == date(2024, 10, 21)
    (e,) = find_dates("В тот же день министр сделал заявление.", "ru", ref)
    assert e.date_start is None and e.basis == "undated"


def test_hyphen_suffixes_without_language_data():
    """Languages read from CLDR: a case ending hyphened or apostrophed onto a year
    or a day ("2023-cü ildə") leaves the number a year or a day."""
    ref = date(2025, 10, 20)
    got = {e.text: (e.date_start, e.date_end) for e in find_dates(
        "2023-cü ildə müqavilə imzalanıb, 2024-cü ilin oktyabr ayında isə icra başlayıb.", "az", ref)}
    assert got["2023-cü ildə"] == (date(2023, 1, 1), date(2023, 12, 31))
    assert got["2024-cü ilin oktyabr"] == (date(2024, 10, 1), date(2024, 10, 31))


# ------------------------------------------------------------ contract

def test_engine_holds_no_language():
    bad = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]")
    for py in ENGINE.rglob("*.py"):
        text = py.read_text(encoding="utf-8")
        hits = bad.findall(text)
        assert not hits, f"{py.name}: {''.join(hits[:20])}"


def test_every_dates_toml_has_the_same_keys():
    langs = [p.name for p in langdata.LANG_DIR.iterdir() if (p / "dates.toml").exists()]
    assert {"ru", "kk", "el", "en"} <= set(langs)
    shapes = {}
    for lang in langs:
        data = tomllib.loads((langdata.LANG_DIR / lang / "dates.toml").read_text(encoding="utf-8"))
        validate(data, lang)
        shapes[lang] = {s: set(v) for s, v in data.items() if SCHEMA.get(s) is not None}
        for sect, body in data.items():
            for key, forms in body.items():
                if isinstance(forms, list):
                    for f in forms:  # every "stem|class" names a known class
                        expand(f, data.get("suffixes", {}))
    first = next(iter(shapes.values()))
    for lang, shape in shapes.items():
        assert shape == first, lang


def test_cldr_month_names_are_covered():
    """Babel's format (genitive) and stand-alone month names are found by the data."""
    from babel import Locale
    from timeline.temporal.text import phrase_keys
    for lang in ("ru", "kk", "el", "en"):
        lex = lexicon(lang)
        loc = Locale.parse(lang)
        for ctx in ("format", "stand-alone"):
            for i in range(1, 13):
                keys = phrase_keys(loc.months[ctx]["wide"][i])
                entries = lex.entries.get(keys[0], [])
                assert any(e.tag in "Mm" and e.value == i for e in entries), (lang, ctx, i, keys)


def test_occasions_have_sources_and_dates():
    data = tomllib.loads((langdata.GAZETTEER_DIR / "occasions.toml").read_text(encoding="utf-8"))
    for o in data["occasion"]:
        assert o["source"] and o["aliases"] and o["start"] <= o["end"], o["id"]
    for s in data["series"]:
        assert s["aliases"], s["id"]
        for ed in s.get("edition", []):
            assert ed["source"] and ed["start"] <= ed["end"] and ed["start"].year == ed["year"], s["id"]


# ------------------------------------------------------------ robustness

def test_linear_time_on_hostile_input():
    blobs = ["1." * 200_000, "9" * 400_000, "- 12 " * 80_000, "октября 2023 " * 30_000]
    for blob in blobs:
        t = time.perf_counter()
        find_dates(blob, "ru", None)
        assert time.perf_counter() - t < 30, blob[:20]  # it ends; speed is in bench/


