"""Languages added as data only, second round (az, de, fr): trigger sentences
per event type, status, called-off, quantities, the data contract, and one news
article per language through the real pipeline.

Trigger cases are written like tests/test_triggers.py: the expected trigger in
[brackets].  Date phrase tables live in tests/cases/dates/<code>.tsv and are
run by tests/test_temporal.py (it reads every tsv there).
"""
from __future__ import annotations

import csv
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
from conftest import cldr_months

from timeline import langdata
from timeline.events import morph
from timeline.events.quantities import find_quantities
from timeline.events.triggers import find_triggers, is_cancelled, status_of
from timeline.langdata import load
from timeline.model import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent
CASES_DIR = ROOT / "tests" / "cases" / "dates"
CORPUS = ROOT / "tests" / "corpus" / "langs"
FILES = ("dates", "triggers", "status", "quantities", "discourse", "morphology")

TRIGGERS: dict[str, dict[str, list[str]]] = {
    "az": {
        "meeting": [
            "Əliyev və Ərdoğan Ankarada [görüşüb].",
            "Nazirlər Bakıda qaz əməkdaşlığını [müzakirə edib].",
            "Prezident İlham Əliyev Türkmənistan nümayəndə [heyətini qəbul] edib.",
            "Prezidentlər [telefon danışığı] aparıblar.",
            "Tərəflər arasında [danışıqlar] Aşqabadda keçirilib.",
        ],
        "signing": [
            "SOCAR və BOTAŞ uzunmüddətli qaz tədarükü sazişi [imzalayıb].",
            "Anlaşma memorandumu Bakıda [imzalanıb].",
            "Sənədin [imzalanması] gələn həftə gözlənilir.",
            "Tərəflər yol xəritəsinə [imza] atıblar.",
        ],
        "agreement": [
            "Azərbaycan və Gürcüstan tranzit tarifləri barədə [razılaşıb].",
            "Tərəflər qazın qiyməti ilə bağlı [razılığa] gəliblər.",
            "Nazirlər yeni kəmər çəkilməsini [qərara] alıblar.",
        ],
        "supply_start": [
            "Rusiyadan Özbəkistana qaz [tədarükünə başlanılıb].",
            "Azərbaycan Suriyaya qaz [tədarükü başladı].",
            "Yeni kəmər oktyabrda [istismara] verilib.",
            "Aktau limanından neft [nəqli bərpa] olunub.",
        ],
        "supply_halt": [
            "Türkmənistan Özbəkistana qaz ixracını [dayandırdı].",
            "Zavodda hasilat hücumdan sonra [dayandırılıb].",
            "Qazaxıstan KTK ilə neft [nəqlini azaldıb].",
            "Kəmər ilə qaz [axını kəsilib].",
        ],
        "drone_strike": [
            "Neft emalı zavoduna [PUA hücumu] edilib.",
            "[Pilotsuz uçuş aparatları] nasos stansiyasını vurub.",
            "Ukrayna [dronları] neft terminalını hədəf alıb.",
        ],
        "statement": [
            "Nazir Pərviz Şahbazov tədarükdə problem olmadığını [bildirib].",
            "Prezident Əliyev əməkdaşlığın strateji olduğunu [bəyan] edib.",
            "Şirkət yeni layihəni [açıqlayıb].",
            "Nazir bunu jurnalistlərə [deyib].",
        ],
        "plan": [
            "Qazaxıstan Xəzər vasitəsilə ixracı artırmağı [planlaşdırır].",
            "Tərəflər energetika sahəsində [işçi qrup] yaradacaq.",
            "Rusiyanın qaz ittifaqı [təşəbbüsü] gündəmə gəlib.",
        ],
        "volume": [
            "2023-cü ildə bu marşrutla 1,06 milyon ton neft [nəql edilib].",
            "İxracın [həcmi] 24 milyard kubmetrə çatıb.",
            "Ötən il 10,2 milyon ton neft [ixrac olunub].",
        ],
    },
    "de": {
        "meeting": [
            "Putin und Tokajew [trafen] sich am Mittwoch im Kreml.",
            "Die beiden Präsidenten führten [Gespräche] in Moskau.",
            "Das [Treffen] der Energieminister fand in Baku statt.",
            "Der Minister reiste zu einem offiziellen [Besuch] nach Astana.",
            "Scholz [telefonierte] mit Tokajew.",
        ],
        "signing": [
            "Uniper und SOCAR [unterzeichneten] einen langfristigen Liefervertrag.",
            "Die [Unterzeichnung] des Memorandums fand in Taschkent statt.",
            "Das Abkommen soll im November [unterzeichnet] werden.",
            "Die Konzerne [schlossen einen Liefervertrag] ab.",
        ],
        "agreement": [
            "Russland und Kasachstan [einigten] sich auf höhere Transitmengen.",
            "Die Seiten erzielten eine [Einigung] über die Transittarife.",
            "Die Minister [vereinbarten], die Exporte zu steigern.",
        ],
        "supply_start": [
            "Russland [begann mit den Lieferungen] von Gas nach Usbekistan.",
            "Die [Lieferungen] nach Ungarn wurden am Montag [aufgenommen].",
            "Die neue Pipeline wurde im Oktober [in Betrieb genommen].",
            "Gazprom [nahm] die Lieferungen nach Kasachstan wieder auf.",
            "Seit Samstag [fließt] aserbaidschanisches Gas nach Syrien.",
        ],
        "supply_halt": [
            "Turkmenistan [stoppte] die Gasexporte nach Usbekistan.",
            "Die Raffinerie [stellte] den Betrieb nach dem Angriff [ein].",
            "Der Transit durch die Ukraine wurde [ausgesetzt].",
            "Die Lieferungen über die Druschba wurden [eingestellt].",
            "Das CPC [drosselte] die Verladung am Terminal.",
        ],
        "drone_strike": [
            "[Drohnen] trafen die Pumpstation Kropotkinskaja.",
            "Das CPC-Terminal wurde bei einem [Drohnenangriff] beschädigt.",
            "Die Ukraine griff die Raffinerie in der Nacht mit [Drohnen] an.",
        ],
        "statement": [
            "Tokajew [sagte], der Transit diene den Interessen aller Seiten.",
            "Das Ministerium [erklärte], die Versorgung sei gesichert.",
            "Kremlsprecher Dmitri Peskow [teilte] den Journalisten [mit], die Gespräche seien konstruktiv gewesen.",
            "Das Unternehmen [kündigte] den Beginn der Lieferungen [an].",
        ],
        "plan": [
            "Russland [plant], die Energiezusammenarbeit mit Kasachstan auszubauen.",
            "Kasachstan [will] die Exporte über das Kaspische Meer steigern.",
            "Die Seiten wollen eine [Arbeitsgruppe] bilden.",
        ],
        "volume": [
            "Im Jahr 2024 [beliefen] sich die Transitmengen auf 10,2 Millionen Tonnen.",
            "Die Pipeline [beförderte] im vergangenen Jahr 1,7 Millionen Tonnen Öl.",
            "Das [Exportvolumen] stieg auf 5 Milliarden Kubikmeter.",
        ],
    },
    "fr": {
        "meeting": [
            "Poutine et Tokaïev se sont [rencontrés] au Kremlin mercredi.",
            "Les deux dirigeants ont mené des [entretiens] à Moscou.",
            "Macron s'est [entretenu] avec Aliev par téléphone.",
            "Le ministre s'est rendu à Bakou pour une [visite] officielle.",
            "La [rencontre] des ministres a eu lieu à Astana.",
        ],
        "signing": [
            "TotalEnergies et SOCAR ont [signé] un contrat de livraison de gaz.",
            "La [signature] du mémorandum a eu lieu à Tachkent.",
            "L'accord sera [signé] en novembre.",
            "Les deux groupes ont [conclu un contrat] de long terme.",
        ],
        "agreement": [
            "La Russie et le Kazakhstan sont [convenus] de renforcer leur partenariat.",
            "Les parties sont [parvenues à un accord] sur les tarifs de transit.",
            "Les ministres se sont [mis d'accord] pour augmenter les exportations.",
        ],
        "supply_start": [
            "La Russie a [commencé les livraisons] de gaz vers l'Ouzbékistan.",
            "Le [début des livraisons] est prévu pour le 1er octobre.",
            "Le nouveau gazoduc a été [mis en service] en octobre.",
            "Les [livraisons] de gaz azerbaïdjanais vers la Syrie ont [commencé] samedi.",
        ],
        "supply_halt": [
            "Le Turkménistan a [suspendu] ses exportations de gaz vers l'Ouzbékistan.",
            "La raffinerie a [interrompu] ses activités après l'attaque.",
            "La production a été [arrêtée] à la suite de l'incendie.",
            "Le CPC a [réduit les chargements] à son terminal de la mer Noire.",
        ],
        "drone_strike": [
            "Des [drones] ont frappé la station de pompage de Kropotkinskaïa.",
            "Le terminal du CPC a été endommagé par une [attaque de drones].",
            "Des [aéronefs sans pilote] ont visé le dépôt pétrolier.",
        ],
        "statement": [
            "Tokaïev a [déclaré] que le transit servait les intérêts de toutes les parties.",
            "La société a [annoncé] le début des livraisons.",
            "Le ministère a [indiqué] que l'approvisionnement était assuré.",
            "Le ministre a [souligné] l'importance de la diversification.",
        ],
        "plan": [
            "La Russie [prévoit d]'élargir sa coopération énergétique avec le Kazakhstan.",
            "Le Kazakhstan [compte porter] ses exportations à 100 millions de tonnes.",
            "Les parties vont créer un [groupe de travail].",
        ],
        "volume": [
            "En 2024, le transit s'est [élevé à] 10,2 millions de tonnes.",
            "Les exportations ont [atteint] 5 milliards de mètres cubes.",
            "L'oléoduc a [transporté] 1,7 million de tonnes de pétrole l'an dernier.",
            "Les livraisons [s'élèvent à] 2 millions de tonnes par an.",
        ],
    },
}

# (lang, sentence, trigger type, expected status)
STATUS = [
    ("az", "Saziş sabah imzalanacaq.", "signing", "planned"),
    ("az", "Sazişin gələn həftə imzalanması gözlənilir.", "signing", "planned"),
    ("az", "Rusiya və Özbəkistan saziş imzalayıb.", "signing", "occurred"),
    ("az", "Kəmər oktyabrda istismara veriləcək.", "supply_start", "planned"),
    ("az", "Zavodda hasilat dayandırılıb.", "supply_halt", "occurred"),
    ("az", "Azərbaycan 2026-cı ildən etibarən ildə 2 milyard kubmetr qaz ixrac edəcək.", "volume", "planned"),
    ("az", "Nazirlər dünən Bakıda görüşüblər.", "meeting", "occurred"),
    ("de", "Das Abkommen soll im November unterzeichnet werden.", "signing", "planned"),
    ("de", "Die Seiten wollen das Abkommen im November unterzeichnen.", "signing", "planned"),
    ("de", "Putin und Mirsijojew unterzeichneten eine gemeinsame Erklärung.", "signing", "occurred"),
    ("de", "Die Lieferungen werden im Oktober aufgenommen.", "supply_start", "planned"),
    ("de", "Die Lieferungen sollen am 1. Januar beginnen.", "supply_start", "planned"),
    ("de", "Turkmenistan stoppte die Gasexporte.", "supply_halt", "occurred"),
    ("de", "Die Gespräche finden am Montag in Baku statt.", "meeting", "planned"),
    ("de", "Die Gespräche fanden am Montag in Baku statt.", "meeting", "occurred"),
    ("fr", "L'accord sera signé en novembre.", "signing", "planned"),
    ("fr", "Les deux pays doivent signer l'accord en novembre.", "signing", "planned"),
    ("fr", "Poutine et Mirziyoïev ont signé une déclaration commune.", "signing", "occurred"),
    ("fr", "Les premières livraisons de gaz vers le marché intérieur doivent commencer en 2027.", "supply_start", "planned"),
    ("fr", "Le Turkménistan a suspendu ses exportations de gaz.", "supply_halt", "occurred"),
    ("fr", "Une nouvelle réunion des ministres de l'Énergie est prévue à Paris.", "meeting", "planned"),
    ("fr", "Les ministres se sont rencontrés hier à Bakou.", "meeting", "occurred"),
]

# (lang, sentence, trigger type, cancelled?)
CANCELLED = [
    ("az", "Saziş imzalanmayıb.", "signing", True),
    ("az", "Sazişin imzalanması təxirə salınıb.", "signing", True),
    ("az", "Görüş ləğv edilib.", "meeting", True),
    ("az", "Saziş imzalanıb.", "signing", False),
    ("de", "Das Treffen wurde auf Dezember verschoben.", "meeting", True),
    ("de", "Die Gespräche wurden abgesagt.", "meeting", True),
    ("de", "Das Abkommen wurde nicht unterzeichnet.", "signing", True),
    ("de", "Die Seiten unterzeichneten das Abkommen.", "signing", False),
    ("fr", "La réunion a été reportée à une date ultérieure.", "meeting", True),
    ("fr", "La visite du président a été annulée.", "meeting", True),
    ("fr", "Les parties n'ont pas signé l'accord.", "signing", True),
    ("fr", "Les parties ont signé l'accord.", "signing", False),
]

QUANTITIES = [
    # (lang, text, [(value, unit, period)])
    ("az", "1,06 milyon ton", [(1.06e6, "t", None)]),
    ("az", "gündəlik 204 min barel", [(204000, "bbl", "day")]),
    ("az", "ildə 10 milyard kubmetr", [(1e10, "m3", "year")]),
    ("az", "2023-cü ildə 10 milyon ton", [(1e7, "t", None)]),
    ("az", "12 mlrd kub metr qaz", [(1.2e10, "m3", None)]),
    ("az", "24 milyard kubmetrə çatıb", [(2.4e10, "m3", None)]),
    ("az", "5 milyard dollar", [(5e9, "USD", None)]),
    ("az", "10 bcm", [(1e10, "m3", None)]),
    ("az", "ixracın 80 faizi", [(80, "%", None)]),
    ("de", "1,06 Millionen Tonnen", [(1.06e6, "t", None)]),
    ("de", "204.000 Barrel pro Tag", [(204000, "bbl", "day")]),
    ("de", "300.000 Barrel am Tag", [(300000, "bbl", "day")]),
    ("de", "5 Mrd. Kubikmeter jährlich", [(5e9, "m3", "year")]),
    ("de", "jährlich 5 Milliarden Kubikmeter", [(5e9, "m3", "year")]),
    ("de", "2,5 Mio. t Öl", [(2.5e6, "t", None)]),
    ("de", "10 Mio. Tonnen im Jahr 2023", [(1e7, "t", None)]),
    ("de", "10 Mio. Tonnen im Jahr", [(1e7, "t", "year")]),
    ("de", "zwei Millionen Tonnen", [(2e6, "t", None)]),
    ("de", "1,2 Mrd. Euro", [(1.2e9, "EUR", None)]),
    ("de", "15 Mrd. kWh", [(1.5e10, "kWh", None)]),
    ("de", "10 bcm", [(1e10, "m3", None)]),
    ("de", "80 Prozent", [(80, "%", None)]),
    ("fr", "1,06 million de tonnes", [(1.06e6, "t", None)]),
    ("fr", "204 000 barils par jour", [(204000, "bbl", "day")]),
    ("fr", "204\u202f000 barils par jour", [(204000, "bbl", "day")]),
    ("fr", "5 milliards de mètres cubes par an", [(5e9, "m3", "year")]),
    ("fr", "10 millions de tonnes de pétrole par an", [(1e7, "t", "year")]),
    ("fr", "chaque année 5 milliards de mètres cubes", [(5e9, "m3", "year")]),
    ("fr", "10 millions de tonnes en 2023", [(1e7, "t", None)]),
    ("fr", "10 Gm3", [(1e10, "m3", None)]),
    ("fr", "2,5 Mt", [(2.5e6, "t", None)]),
    ("fr", "deux millions de tonnes", [(2e6, "t", None)]),
    ("fr", "1,2 milliard d’euros", [(1.2e9, "EUR", None)]),
    ("fr", "5 milliards de dollars", [(5e9, "USD", None)]),
    ("fr", "15 milliards de kWh", [(1.5e10, "kWh", None)]),
    ("fr", "80 %", [(80, "%", None)]),
]

# What a careful reader lists for each article in tests/corpus/langs/<code>.md:
# (type, status, date_start, date_end, actor ids of which at least one is named)
EXPECTED = {
    "az": [
        ("meeting", "occurred", "2025-10-14", "2025-10-14", {"Parviz Shahbazov", "Almasadam Satkaliyev"}),
        ("signing", "occurred", "2025-10-14", "2025-10-14", {"SOCAR", "AZE", "KAZ"}),
        ("volume", "planned", "2026-01-01", "2026-12-31", {"KAZ", "AZE"}),
        ("volume", "occurred", "2024-01-01", "2024-12-31", {"KAZ"}),
        ("statement", "occurred", "2025-10-14", "2025-10-14", {"Parviz Shahbazov"}),
        ("supply_start", "planned", "2025-11-01", "2025-11-30", {"Parviz Shahbazov", "KAZ"}),
        ("drone_strike", "occurred", "2025-10-13", "2025-10-13", {"RUS"}),
        ("supply_halt", "occurred", "2025-10-13", "2025-10-13", {"RUS"}),
        ("plan", "planned", "2026-01-01", "2026-12-31", {"AZE", "KAZ"}),
    ],
    "de": [
        ("signing", "occurred", "2025-09-11", "2025-09-11", {"KazTransOil", "PCK Raffinerie"}),
        ("meeting", "occurred", "2025-09-11", "2025-09-11", {"Katherina Reiche", "Almasadam Satkaliyev"}),
        ("statement", "occurred", "2025-09-11", "2025-09-11", {"Katherina Reiche"}),
        ("volume", "occurred", "2024-01-01", "2024-12-31", {"KAZ"}),
        ("agreement", "occurred", "2025-07-01", "2025-07-31", {"KAZ", "DEU"}),
        ("drone_strike", "occurred", "2025-09-10", "2025-09-10", {"UKR", "RUS"}),
        ("supply_halt", "occurred", "2025-09-10", "2025-09-10", {"RUS"}),
        ("meeting", "planned", "2025-11-01", "2025-11-30", {"KAZ", "DEU"}),
        ("plan", "planned", "2026-01-01", "2026-12-31", {"RUS", "KAZ"}),
    ],
    "fr": [
        ("signing", "occurred", "2025-11-05", "2025-11-05", {"TotalEnergies", "KazMunayGas"}),
        ("meeting", "occurred", "2025-11-05", "2025-11-05", {"Emmanuel Macron", "KAZ"}),
        ("statement", "occurred", "2025-11-05", "2025-11-05", {"Patrick Pouyanné"}),
        ("supply_start", "planned", "2027-10-01", "2027-12-31", {"TotalEnergies", "KazMunayGas", "KAZ"}),
        ("volume", "occurred", "2024-01-01", "2024-12-31", {"KAZ", "FRA"}),
        ("drone_strike", "occurred", "2025-11-03", "2025-11-04", {"RUS"}),
        ("supply_halt", "occurred", "2025-11-04", "2025-11-04", {"RUS"}),
        ("plan", "planned", "2026-01-01", "2026-12-31", {"KAZ"}),
        ("meeting", "planned", "2026-01-01", "2026-01-31", {"KAZ", "FRA"}),
    ],
}

# Once a gap: razdel ended a sentence at a day's ordinal dot ("ab dem 1. Januar"); the splitter now
# goes on past it, so the planned start keeps the time it owns.
EXPECTED["de"].append(("supply_start", "planned", "2026-01-01", "2026-01-01", {"KAZ"}))

# What a careful reader expects and the engines cannot yet give: xfail(strict) so that a fix shows up.
KNOWN_GAPS: list[tuple[str, tuple]] = [
    # "Le 5 novembre, les deux pays sont également convenus de porter les exportations ... à 4 millions de
    # tonnes par an": the agreement is found alone in its sentence (2025-11-05, FRA, KAZ), but in the
    # article it is not listed: it is taken for the signing of that day.
    ("fr", ("agreement", "occurred", "2025-11-05", "2025-11-05", {"FRA", "KAZ"})),
    # The gazetteer matcher keys "l'Ukraine" as one word: elided names (l'Ukraine, l'Ouzbékistan,
    # d'Azerbaïdjan) are not found, so the drone strike has Russia but not Ukraine, the plan not Uzbekistan.
    ("fr", ("drone_strike", "occurred", "2025-11-03", "2025-11-04", {"UKR"})),
    ("fr", ("plan", "planned", "2026-01-01", "2026-12-31", {"UZB"})),
]

LANGS = tuple(TRIGGERS)


def _spans(marked: str) -> tuple[str, list[tuple[int, int]]]:
    spans, plain, pos = [], [], 0
    for m in re.finditer(r"\[([^\]]+)\]", marked):
        plain.append(marked[pos:m.start()])
        start = sum(len(p) for p in plain)
        plain.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    plain.append(marked[pos:])
    return "".join(plain), spans


def _hit(sentence: str, lang: str, etype: str, span: tuple[int, int]) -> bool:
    return any(t.type == etype and t.start < span[1] and span[0] < t.end for t in find_triggers(sentence, lang))


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
                if len(name) < 4:
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
    sentence, spans = _spans(marked)
    found = find_triggers(sentence, lang)
    assert any(_hit(sentence, lang, etype, sp) for sp in spans), \
        f"{etype} not found in {sentence!r}: {[(t.type, t.text, t.rule) for t in found]}"


def _data_examples():
    for lang in LANGS:
        data = load(lang, "triggers")
        for etype in (*EVENT_TYPES, "block"):
            for i, ex in enumerate(data[etype].get("examples", [])):
                yield pytest.param(lang, etype, ex, id=f"{lang}-{etype}-ex{i}")


@pytest.mark.parametrize("lang,etype,marked", list(_data_examples()))
def test_rule_examples(lang, etype, marked):
    sentence, spans = _spans(marked)
    if etype == "block":
        for s, e in spans:
            assert not any(t.start < e and s < t.end for t in find_triggers(sentence, lang)), marked
        return
    assert all(_hit(sentence, lang, etype, sp) for sp in spans), \
        f"{marked}: {[(t.type, t.text) for t in find_triggers(sentence, lang)]}"


@pytest.mark.parametrize("lang,sentence,etype,expected", STATUS, ids=[f"{c[0]}-{i}" for i, c in enumerate(STATUS)])
def test_status(lang, sentence, etype, expected):
    trig = [t for t in find_triggers(sentence, lang) if t.type == etype]
    assert trig, [(t.type, t.text) for t in find_triggers(sentence, lang)]
    assert status_of(sentence, lang, trig[0]) == expected


@pytest.mark.parametrize("lang,sentence,etype,expected", CANCELLED,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CANCELLED)])
def test_cancelled(lang, sentence, etype, expected):
    trig = [t for t in find_triggers(sentence, lang) if t.type == etype]
    assert trig, [(t.type, t.text) for t in find_triggers(sentence, lang)]
    assert is_cancelled(sentence, lang, trig[0]) is expected


# --- quantities ---------------------------------------------------------------

@pytest.mark.parametrize("lang,text,expected", QUANTITIES, ids=[f"{c[0]}-{i}" for i, c in enumerate(QUANTITIES)])
def test_quantities(lang, text, expected):
    got = [(q.value, q.unit, q.period) for q in find_quantities(text, lang)]
    assert len(got) == len(expected), got
    for (v, u, p), (ev, eu, ep) in zip(got, expected):
        assert v == pytest.approx(ev) and u == eu and p == ep, got


# --- one article per language, through the real pipeline ----------------------

@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory):
    import timeline

    db = tmp_path_factory.mktemp("langs_extra") / "langs.duckdb"
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
