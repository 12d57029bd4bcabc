"""The orchestration of one document (timeline/events/extract.py) on real news wording:
which time each event takes, datelines, statements, plans and target volumes, actors."""
from __future__ import annotations

from datetime import date

import pytest

import timeline
from conftest import ROOT
from timeline.ingest.readers import read_file
from timeline.model import Document
from timeline.pipeline import extract_document

PROBE = ROOT / "tests" / "corpus" / "probe"


def mentions(name: str):
    doc = next(read_file(PROBE / name))
    return extract_document(doc).mentions


def find(ms, type_, status=None):
    return [m for m in ms if m.type == type_ and (status is None or m.status == status)]


def one(text: str, lang: str, published: str | None = None):
    return extract_document(Document(id="t", text=text, lang=lang, published=published)).mentions


def test_a_dateline_dates_the_document_not_the_event():
    ms = mentions("en1.md")
    strikes = [m for m in find(ms, "drone_strike") if m.basis != "document_date"]
    # "MOSCOW, Nov 29 (Reuters) - Ukrainian drones attacked ... on Thursday"
    assert [(m.date_start, m.basis) for m in strikes] == [(date(2024, 11, 28), "relative")]
    assert all(m.place is None or m.place.id != "Moscow" for m in ms)


def test_a_time_belongs_to_the_nearest_event_of_its_clause():
    ms = one("Kazakhstan's energy ministry said it expected shipments to resume on Saturday.", "en", "2024-11-29")
    assert [(m.type, m.status, m.date_start) for m in ms] == [("supply_start", "planned", date(2024, 11, 30))]


def test_an_event_told_inside_a_dated_report_takes_the_reports_time():
    ms = one("Η διαχειρίστρια εταιρεία του αγωγού της CPC δήλωσε τον Φεβρουάριο ότι μη επανδρωμένα "
             "αεροσκάφη έπληξαν το αντλιοστάσιο Κροπότκινσκαγια.", "el", "2025-11-12")
    strike = find(ms, "drone_strike")[0]
    assert (strike.date_start, strike.date_end, strike.precision) == (date(2025, 2, 1), date(2025, 2, 28), "month")


def test_two_events_with_their_own_times_do_not_share_one():
    ms = one("After talks on 6 October 2023 Putin and Mirziyoyev signed a joint statement on 7 October 2023.", "en")
    assert {m.type: m.date_start for m in ms} == {"meeting": date(2023, 10, 6), "signing": date(2023, 10, 7)}


def test_a_statement_is_an_event_only_when_the_text_dates_it():
    dated = one("7 декабря министр энергетики Узбекистана Журабек Мирзамахмудов заявил, что республика "
                "намерена импортировать газ по контрактам.", "ru", "2023-01-20")
    assert [(m.type, m.date_start) for m in find(dated, "statement")] == [("statement", date(2022, 12, 7))]
    # the intention is dated by its announcement (read backwards), not by a later 7 December
    assert [m.date_start for m in find(dated, "plan")] == [date(2022, 12, 7)]
    undated = one("Пресс-секретарь Кремля Дмитрий Песков заявил, что речи о политических условиях не идёт.", "ru", "2023-01-20")
    assert find(undated, "statement") == []


def test_an_intention_with_a_volume_is_a_target_volume():
    ms = mentions("en1.md")
    target = find(ms, "volume", "planned")
    assert [(m.date_start, m.quantity.value, m.quantity.unit) for m in target] == [(date(2026, 1, 1), 7e7, "t")]
    assert find(ms, "plan") == []


def test_background_events_stay_undated():
    ms = mentions("ru1.txt")
    earlier = [m for m in ms if m.quote.startswith("Ранее")]
    assert earlier and all(m.basis == "undated" and m.date_start is None for m in earlier)


def test_status_markers_and_past_perfect():
    ms = mentions("el1.txt")
    assert [m.status for m in find(ms, "supply_start")] == ["planned"]  # "αναμένεται να ξαναρχίσουν"
    kk = mentions("kk1.txt")
    assert [m.status for m in find(kk, "supply_halt")] == ["occurred"]  # "тоқтатылған болатын"
    assert [(m.date_start, m.date_end) for m in find(kk, "supply_start", "planned")] == [(date(2026, 1, 1), date(2026, 3, 31))]


def test_datelines_give_the_reference_date_under_a_headline():
    for name, expected in (("ru1.txt", date(2025, 3, 15)), ("el1.txt", date(2025, 8, 18)), ("kk1.txt", date(2025, 2, 5))):
        doc = next(read_file(PROBE / name))
        ref = extract_document(doc).ref
        assert (ref.date, ref.how) == (expected, "dateline"), name


def test_a_headline_joins_the_event_its_lead_dates(tmp_path):
    with timeline.open(tmp_path / "t.duckdb") as db:
        db.ingest([PROBE / "en1.md"], progress=False)
        strikes = db.events(type="drone_strike")
    assert strikes.height == 1
    assert strikes["date_start"].to_list() == [date(2024, 11, 28)]
    assert {a["id"] for a in strikes["actors"][0]} >= {"UKR", "Caspian Pipeline Consortium"}


@pytest.mark.parametrize("name", ["en1.md", "ru1.txt", "el1.txt", "kk1.txt"])
def test_every_quote_is_the_text_at_its_offsets(name):
    doc = next(read_file(PROBE / name))
    for m in extract_document(doc).mentions:
        assert doc.text[m.start:m.end] == m.quote


def test_dates_read_a_planned_events_time_forward():
    """`timeline dates` and timeline.dates() read a year-less time forward where a planned
    event owns it, backward where something done owns it."""
    planned = timeline.dates("Поставки газа начнутся с 1 января.", "ru", "2025-12-10")
    assert [(r["date_start"], r["basis"]) for r in planned] == [("2026-01-01", "inferred_year")]
    done = timeline.dates("Поставки газа начались 1 января.", "ru", "2025-12-10")
    assert [r["date_start"] for r in done] == ["2025-01-01"]
    said = timeline.dates("On 7 December the minister said the republic intends to import gas.", "en", "2023-01-20")
    assert [r["date_start"] for r in said] == ["2022-12-07"]


def test_dates_read_forward_where_the_words_say_it_is_to_come():
    """No event trigger owns "10–12 September", but "will be held" says it is to come."""
    got = timeline.dates("Форум пройдет 10–12 сентября в Баку.", "ru", "2025-08-01")
    assert [(r["date_start"], r["date_end"]) for r in got] == [("2025-09-10", "2025-09-12")]
    got = timeline.dates("The forum will be held on 10-12 September in Baku.", "en", "2025-08-01")
    assert [(r["date_start"], r["date_end"]) for r in got] == [("2025-09-10", "2025-09-12")]


def test_nothing_done_happens_after_the_day_it_is_reported():
    """A time after the reference date makes an event planned, and is no statement's date."""
    ms = one("The minister said gas supplies to China started on 1 March 2026.", "en", "2025-12-10")
    assert [(m.type, m.status, m.date_start) for m in ms] == [("supply_start", "planned", date(2026, 3, 1))]
    assert ms[0].plan_window == (date(2026, 3, 1), date(2026, 3, 1))


def test_a_language_tag_is_read_by_its_language_and_an_unknown_one_detected():
    assert [r["text"] for r in timeline.dates("7 октября 2023 года", "ru-RU")] == ["7 октября 2023 года"]
    assert [r["date_start"] for r in timeline.dates("On 5 May 2024 talks were held.", "xx")] == ["2024-05-05"]
    ex = extract_document(Document(id="t", text="On 5 May 2024 Kazakhstan and Azerbaijan signed an oil transit deal.",
                                   lang="xx"))
    assert (ex.lang, ex.lang_detected) == ("en", True)
    assert [m.type for m in ex.mentions] == ["signing"]
