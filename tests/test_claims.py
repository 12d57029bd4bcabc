"""Claims, disagreements, plans and outcomes, and the record as of a day (spec, "Claims,
disagreements, plans and outcomes"), on the seeds and on reports written as news is."""
from __future__ import annotations

import json
import textwrap
from datetime import date

import pytest

import timeline


def write(folder, name, text, **meta):
    front = "".join(f"{k}: {v}\n" for k, v in meta.items())
    (folder / name).write_text(f"---\n{front}---\n" + textwrap.dedent(text).strip() + "\n", encoding="utf-8")


@pytest.fixture
def build(tmp_path):
    """A database from documents written into a fresh folder: build({name: (text, meta)})."""
    def make(docs: dict[str, tuple[str, dict]]):
        src = tmp_path / "in"
        src.mkdir(exist_ok=True)
        for name, (text, meta) in docs.items():
            write(src, name, text, **meta)
        db = timeline.open(tmp_path / "t.duckdb")
        report = db.ingest([src], progress=False)
        assert report.ok, report.errors
        return db
    return make


def exported(db) -> list[dict]:
    return [json.loads(line) for line in _jsonl(db)]


def _jsonl(db):
    import io
    buf = io.StringIO()
    db.export("jsonl", out=buf)
    return buf.getvalue().splitlines()


def test_seeds_link_the_planned_import_start_to_the_start_six_days_later(seeds_db):
    with timeline.open(seeds_db, read_only=True) as db:
        events = {e["id"]: e for e in exported(db)}
        disputes = db.sql("SELECT * FROM event_disagreements")
    plans = [e for e in events.values() if e["type"] == "supply_start" and e["plan_window"]
             and e["plan_window"]["start"] == "2023-10-01"]
    assert len(plans) == 1
    plan = plans[0]
    assert (plan["plan_state"], plan["lag_days"]) == ("fulfilled", 6)
    outcome = events[plan["fulfilled_by"]]
    assert (outcome["status"], outcome["date_start"]) == ("occurred", "2023-10-07")
    assert plan["id"] in outcome["fulfills"]
    assert disputes.height == 0
    assert all(e["disagreements"] == [] for e in events.values())


STRIKE_RU = ("""
    Беспилотники атаковали НПС «Кропоткинская» КТК

    29 ноября беспилотники атаковали нефтеперекачивающую станцию «Кропоткинская» Каспийского
    трубопроводного консорциума, сообщили в КТК. В 2024 году по трубопроводу было прокачано
    1,06 млн тонн нефти с месторождения.
    """, {"id": "ru-strike", "lang": "ru", "published": "2025-11-30"})
STRIKE_EN = ("""
    Drones hit CPC pumping station

    Drones attacked the Kropotkinskaya pumping station of the Caspian Pipeline Consortium on
    30 November, the consortium said. In 2024 the pipeline shipped 1.6 million tonnes of oil from the field.
    """, {"id": "en-strike", "lang": "en", "published": "2025-12-01"})
STRIKE_EN_VAGUE = ("""
    CPC says drones struck a pumping station

    Drones attacked the Kropotkinskaya pumping station of the Caspian Pipeline Consortium in November,
    the consortium said.
    """, {"id": "en-vague", "lang": "en", "published": "2025-12-02"})


def test_two_languages_disagree_on_the_day_and_the_quantity(build):
    db = build({"ru.md": STRIKE_RU, "en.md": STRIKE_EN})
    events = exported(db)
    strikes = [e for e in events if e["type"] == "drone_strike"]
    assert len(strikes) == 1, strikes
    strike = strikes[0]
    assert {s["doc"] for s in strike["sources"]} == {"ru-strike", "en-strike"}
    assert {c["doc"]: c["date_start"] for c in strike["claims"]} == {"ru-strike": "2025-11-29", "en-strike": "2025-11-30"}
    [dis] = strike["disagreements"]
    assert dis["field"] == "date"
    assert {v["value"]: v["docs"] for v in dis["values"]} == {"2025-11-29": ["ru-strike"], "2025-11-30": ["en-strike"]}
    volumes = [e for e in events if e["type"] == "volume"]
    assert len(volumes) == 1
    [qdis] = volumes[0]["disagreements"]
    assert qdis["field"] == "quantity" and len(qdis["values"]) == 2


def test_a_less_precise_report_is_no_disagreement(build):
    db = build({"ru.md": STRIKE_RU, "vague.md": STRIKE_EN_VAGUE})
    strikes = [e for e in exported(db) if e["type"] == "drone_strike"]
    assert len(strikes) == 1
    assert strikes[0]["disagreements"] == []
    assert (strikes[0]["date_start"], strikes[0]["precision"]) == ("2025-11-29", "day")


PLAN = ("""
    Узбекистан начнёт импорт российского газа с 1 октября

    В рамках соглашения с «Газпромом» Узбекистан с 1 октября 2023 года планирует начать импорт
    российского газа через территорию Казахстана.
    """, {"id": "plan", "lang": "ru", "published": "2023-08-01"})
OUTCOME = ("""
    Gas supplies from Russia to Uzbekistan begin

    Russia began gas supplies to Uzbekistan through Kazakhstan on 7 October 2023, the presidents of
    Russia, Kazakhstan and Uzbekistan said at a ceremony.
    """, {"id": "outcome", "lang": "en", "published": "2023-10-07"})


def test_events_as_of_a_day_before_and_after_the_outcome(build):
    db = build({"plan.md": PLAN, "outcome.md": OUTCOME})
    plan = db.sql("SELECT * FROM plan_outcomes").row(0, named=True)
    assert (plan["plan_state"], plan["lag_days"]) == ("fulfilled", 6)
    before = db.sql("SELECT * FROM events_as_of(DATE '2023-09-01')")
    assert before.height == 1 and before["plan_state"].to_list() == ["pending"]
    after = db.sql("SELECT * FROM events_as_of(DATE '2023-10-08')")
    assert sorted(after["status"].to_list()) == ["occurred", "planned"]
    assert "fulfilled" in after["plan_state"].to_list()


def test_an_open_plan_whose_window_has_passed_is_overdue(build):
    db = build({
        "plan.md": ("""
            Казахстан намерен начать поставки газа в Китай в первом квартале 2024 года, сообщил
            министр энергетики Казахстана.
            """, {"id": "kz-plan", "lang": "ru", "published": "2024-01-10"}),
        "later.md": ("""
            Kazakhstan and Azerbaijan signed an agreement on oil transit on 3 June 2024 in Baku.
            """, {"id": "later", "lang": "en", "published": "2024-06-04"}),
    })
    states = db.sql("SELECT type, plan_state, window_start, window_end FROM plan_outcomes").rows(named=True)
    assert states == [{"type": "supply_start", "plan_state": "overdue",
                       "window_start": date(2024, 1, 1), "window_end": date(2024, 3, 31)}]


def test_a_later_plan_with_another_window_reschedules_the_first(build):
    db = build({
        "first.md": ("""
            Казахстан намерен начать поставки газа в Китай в первом квартале 2024 года.
            """, {"id": "first", "lang": "ru", "published": "2024-01-10"}),
        "second.md": ("""
            Kazakhstan now plans to start gas supplies to China in the fourth quarter of 2024.
            """, {"id": "second", "lang": "en", "published": "2024-05-20"}),
    })
    rows = {r["window_start"]: r for r in db.sql("SELECT * FROM plan_outcomes").rows(named=True)}
    first, second = rows[date(2024, 1, 1)], rows[date(2024, 10, 1)]
    assert first["plan_state"] == "rescheduled" and first["rescheduled_by"] == second["plan_id"]
    assert second["plan_state"] == "pending"


def test_a_plan_without_a_window_takes_an_outcome_years_later_that_shares_one_party(build):
    """The first outcome after a plan without a window, looked for past its year: plan_links
    compares only pairs sharing a party key (a country; a person or body where one names no
    country; the place, or both none, where neither side's people decide). Each pair below
    shares only one kind of key; a block that lost any would leave its plan pending."""
    published = {"plan": "2021-02-10", "decoy": "2024-02-02", "out": "2024-03-04", "late": "2024-06-11"}
    docs = {
        # a country (and its partner): the decoy, earlier, names other countries
        "c_plan": ("Kazakhstan plans to start gas supplies to China.", "plan"),
        "c_decoy": ("Uzbekistan started gas supplies to Russia on 1 February 2024.", "decoy"),
        "c_out": ("Kazakhstan started gas supplies to China on 3 March 2024.", "out"),
        # a body with no country: the plan names no country, the outcome one
        "p_plan": ("The Caspian Pipeline Consortium plans to halt oil supplies.", "plan"),
        "p_out": ("The Caspian Pipeline Consortium halted oil supplies to Kazakhstan on 3 March 2024.", "out"),
        # no actor on either side: the place, then no place at all
        "l_plan": ("A meeting is planned in Astana.", "plan"),
        "l_out": ("A meeting was held in Astana on 3 March 2024.", "out"),
        "n_plan": ("A signing is planned.", "plan"),
        "n_out": ("A document was signed on 10 June 2024.", "late"),
    }
    db = build({f"{name}.md": (text, {"id": name.replace("_", "-"), "lang": "en", "published": published[when]})
                for name, (text, when) in docs.items()})
    sources = {r["event_id"]: r["doc_id"] for r in
               db.sql("SELECT DISTINCT event_id, doc_id FROM mentions WHERE event_id IS NOT NULL").rows(named=True)}
    links = {sources[r["plan_id"]]: (r["plan_state"], sources.get(r["fulfilled_by"]), r["window_start"])
             for r in db.sql("SELECT * FROM plan_outcomes").rows(named=True)}
    assert links == {"c-plan": ("fulfilled", "c-out", None), "p-plan": ("fulfilled", "p-out", None),
                     "l-plan": ("fulfilled", "l-out", None), "n-plan": ("fulfilled", "n-out", None)}


def test_the_python_api_gives_the_record_as_of_a_day(build):
    db = build({"plan.md": PLAN, "outcome.md": OUTCOME})
    before = db.events(as_of="2023-09-01")
    assert before["status"].to_list() == ["planned"] and before["plan_state"].to_list() == ["pending"]
    after = db.events(as_of=date(2023, 10, 8))
    assert sorted(after["status"].to_list()) == ["occurred", "planned"]
