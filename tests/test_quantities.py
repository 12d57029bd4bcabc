"""Quantities: value, unit, period normalised (timeline/events/quantities.py).

Engine .py files carry no Cyrillic or Greek (tests/test_triggers.py checks);
the cases here are the texts themselves.
"""
from __future__ import annotations

import time

import lang_cases_az_de_fr
import lang_cases_uk_tr_uz
import pytest

from timeline.events.quantities import find_quantities, parse_number

CASES = [
    # (lang, text, [(value, unit, period)])
    ("ru", "1,06 миллиона тонн", [(1.06e6, "t", None)]),
    ("ru", "9 млн куб. метров в сутки", [(9e6, "m3", "day")]),
    ("ru", "9 млн куб. метров природного газа в сутки", [(9e6, "m3", "day")]),
    ("ru", "2 млрд 800 млн куб. метров в год", [(2.8e9, "m3", "year")]),
    ("ru", "43 ГВт", [(43, "GW", None)]),
    ("ru", "1.7 млн тонн нефти ежегодно", [(1.7e6, "t", "year")]),
    ("ru", "204 000 баррелей в сутки", [(204000, "bbl", "day")]),
    ("ru", "15 млрд кВт·ч", [(1.5e10, "kWh", None)]),
    ("ru", "1,2 тыс. т угля", [(1200, "t", None)]),
    ("ru", "полтора миллиона тонн", [(1.5e6, "t", None)]),
    ("ru", "5 млрд долларов", [(5e9, "USD", None)]),
    ("ru", "80% и 15 процентов", [(80, "%", None), (15, "%", None)]),
    ("el", "10,2 εκατομμύρια τόνους", [(1.02e7, "t", None)]),
    ("el", "204.000 βαρέλια ημερησίως", [(204000, "bbl", "day")]),
    ("el", "5 δισ. κυβικά μέτρα ετησίως", [(5e9, "m3", "year")]),
    ("el", "το 80% του πετρελαίου", [(80, "%", None)]),
    ("el", "1,5 GW", [(1.5, "GW", None)]),
    ("kk", "қуаты 43 ГВт болатын", [(43, "GW", None)]),
    ("kk", "жылына 5 млрд текше метр", [(5e9, "m3", "year")]),
    ("kk", "1,06 миллион тонна", [(1.06e6, "t", None)]),
    ("kk", "тәулігіне 9 млн текше метр", [(9e6, "m3", "day")]),
    ("en", "1.7 million tonnes", [(1.7e6, "t", None)]),
    ("en", "5 bcm per year", [(5e9, "m3", "year")]),
    ("en", "204,000 barrels per day", [(204000, "bbl", "day")]),
    ("en", "1.2 million barrels of oil a day", [(1.2e6, "bbl", "day")]),
    ("en", "300 kb/d", [(300000, "bbl", "day")]),
    ("en", "15 mtpa", [(1.5e7, "t", "year")]),
    ("en", "$5 billion", [(5e9, "USD", None)]),
    ("en", "2.8 bn cubic metres annually", [(2.8e9, "m3", "year")]),
    ("en", "two million tonnes", [(2e6, "t", None)]),
    ("en", "80% of its oil", [(80, "%", None)]),
    ("en", "1,060,000 tonnes", [(1.06e6, "t", None)]),
    ("en", "a 43 GW portfolio", [(43, "GW", None)]),
    ("en", "5-6 bcm", [(5e9, "m3", None)]),
]


# with the cases of the languages added as data (tests/lang_cases_*.py)
CASES += lang_cases_uk_tr_uz.QUANTITIES + lang_cases_az_de_fr.QUANTITIES


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_normalisation(lang, text, expected):
    got = [(q.value, q.unit, q.period) for q in find_quantities(text, lang)]
    assert len(got) == len(expected), got
    for (v, u, p), (ev, eu, ep) in zip(got, expected):
        assert v == pytest.approx(ev) and u == eu and p == ep, got


def test_offsets_point_into_the_text():
    text = "В 2023 году было 1,06 миллиона тонн."
    (q,) = find_quantities(text, "ru")
    assert text[q.start:q.end] == q.text and q.text.startswith("1,06")


def test_dates_and_bare_numbers_are_not_quantities():
    text = "Москва, 7 октября, 2023, 16:50 — в 2024 году СOP29"
    assert find_quantities(text, "ru") == []
    assert find_quantities("On 7 October 2023, at 16:50, COP29 opened.", "en") == []


@pytest.mark.parametrize("s,dec,expected", [
    ("1,06", ",", "1.06"), ("204.000", ",", "204000"), ("1.7", ",", "1.7"), ("1 060 000", ",", "1060000"),
    ("1.060.000", ",", "1060000"), ("1.060,5", ",", "1060.5"), ("204,000", ".", "204000"),
    ("1.7", ".", "1.7"), ("1,060,000.25", ".", "1060000.25"), ("1,5", ".", "1.5"),
])
def test_parse_number(s, dec, expected):
    assert str(parse_number(s, dec)) == expected


PRICES = [
    # (lang, text, [(value, unit)] of the prices; without prices=True they are left out)
    ("ru", "бензин подорожал до 73 тыс. рублей за тонну", [(73000, "RUB/t")]),
    ("ru", "цена составила 250 долларов за 1000 кубометров", [(250, "USD/1000m3")]),
    ("en", "Brent rose to $82.40 a barrel", [(82.4, "USD/bbl")]),
    ("en", "gas sold at $300 per 1,000 cubic metres", [(300, "USD/1000m3")]),
    ("en", "crude at $70/bbl", [(70, "USD/bbl")]),
    ("el", "το Brent έφτασε τα 70 δολάρια το βαρέλι", [(70, "USD/bbl")]),
    ("kk", "бензин бағасы тоннасына 500 доллар болды", [(500, "USD/t")]),
]


@pytest.mark.parametrize("lang,text,expected", PRICES, ids=[f"{c[0]}-{i}" for i, c in enumerate(PRICES)])
def test_prices_are_marked_and_left_out(lang, text, expected):
    assert find_quantities(text, lang) == []
    got = [(q.value, q.unit) for q in find_quantities(text, lang, prices=True)]
    assert len(got) == len(expected), got
    for (v, u), (ev, eu) in zip(got, expected):
        assert v == pytest.approx(ev) and u == eu, got


def test_a_price_beside_a_volume():
    text = "Kazakhstan exported 2 million tonnes at $70 a barrel, and earned $5 billion."
    assert [(q.value, q.unit) for q in find_quantities(text, "en")] == [(2e6, "t"), (5e9, "USD")]
    text = "Отгружено 2 млн тонн по цене 500 долларов за тонну на сумму 1 млрд долларов."
    assert [(q.value, q.unit) for q in find_quantities(text, "ru")] == [(2e6, "t"), (1e9, "USD")]


def test_every_language_loads():
    for lang in ("ru", "kk", "el", "en"):
        assert find_quantities("5 %", lang)[0].unit == "%"


HOSTILE = ["1", "1.", "1,", "1 000", "12.345,6 ", "a", "5 million ", "9" * 50 + " bcm "]


@pytest.mark.parametrize("unit", HOSTILE, ids=lambda u: repr(u[:10]))
def test_hostile_lines_end(unit):
    """A 200 KB hostile line ends (catastrophic backtracking would not); speed is in bench/."""
    s = unit * (200_000 // len(unit))
    t0 = time.perf_counter()
    find_quantities(s, "en")
    find_quantities(s, "ru")
    assert time.perf_counter() - t0 < 20
