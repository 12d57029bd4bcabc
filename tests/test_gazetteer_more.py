"""More gazetteer data: refineries, terminals, ports, pumping stations, fields,
pipelines, cities and regions; companies, state bodies, news agencies; people.

Each case: news wording and the names in it with the id each must resolve to
(matched text -> id); the matcher may find more.  The data is in
timeline/gazetteer/*.tsv; the engine (timeline/events/actors.py) is not tested
here beyond what these names need.
"""
from __future__ import annotations

import pytest

from conftest import assert_names_resolve


CASES = [
    # ---- Russian: inflected names of places
    ("ru", "Беспилотники атаковали Рязанский НПЗ, принадлежащий «Роснефти».",
     {"Рязанский НПЗ": "Ryazan Refinery", "Роснефти": "Rosneft"}),
    ("ru", "На Волгоградском нефтеперерабатывающем заводе «Лукойла» вспыхнул пожар.",
     {"Волгоградском нефтеперерабатывающем заводе": "Volgograd Refinery", "Лукойла": "Lukoil"}),
    ("ru", "Работа Афипского НПЗ и Ильского НПЗ в Краснодарском крае приостановлена.",
     {"Афипского НПЗ": "Afipsky Refinery", "Ильского НПЗ": "Ilsky Refinery", "Краснодарском крае": "Krasnodar Krai"}),
    ("ru", "Отгрузки с нефтебазы «Шесхарис» и из порта Туапсе возобновлены.",
     {"нефтебазы «Шесхарис»": "Sheskharis", "порта Туапсе": "Port of Tuapse"}),
    ("ru", "Танкеры грузились в порту Усть-Луга и в Приморске, а также в Козьмино.",
     {"порту Усть-Луга": "Port of Ust-Luga", "Приморске": "Primorsk", "Козьмино": "Kozmino"}),
    ("ru", "Удар пришелся по НПС «Унеча» в Брянской области, через которую идет нефтепровод «Дружба».",
     {"НПС «Унеча»": "Unecha pumping station", "Брянской области": "Bryansk Oblast", "нефтепровод «Дружба»": "Druzhba pipeline"}),
    ("ru", "Газ по «Силе Сибири 2» пойдет через Монголию, а по «Силе Сибири» поставки растут.",
     {"Силе Сибири 2": "Power of Siberia 2", "Силе Сибири": "Power of Siberia"}),
    ("ru", "Нефть с месторождения Шах-Дениз и блока Азери – Чираг – Гюнешли идет на Сангачальский терминал.",
     {"Шах-Дениз": "Shah Deniz", "блока Азери – Чираг – Гюнешли": "Azeri–Chirag–Gunashli",
      "Сангачальский терминал": "Sangachal Terminal"}),
    ("ru", "Губернатор Белгородской области сообщил об атаке на Ростов-на-Дону и Ростовскую область.",
     {"Белгородской области": "Belgorod Oblast", "Ростов-на-Дону": "Rostov-on-Don", "Ростовскую область": "Rostov Oblast"}),
    ("ru", "Поставки по газопроводу Бухара – Урал и через порт Курык выросли, сообщили в Мангистауской области.",
     {"газопроводу Бухара – Урал": "Bukhara–Ural", "порт Курык": "Port of Kuryk", "Мангистауской области": "Mangystau Region"}),
    ("ru", "Переговоры прошли в Нижнем Новгороде, затем делегация вылетела в Тегеран и Эр-Рияд.",
     {"Нижнем Новгороде": "Nizhny Novgorod", "Тегеран": "Tehran", "Эр-Рияд": "Riyadh"}),
    ("ru", "Киришский НПЗ и Славнефть-ЯНОС снизили переработку; в Киришах работают пожарные.",
     {"Киришский НПЗ": "Kirishi Refinery", "Славнефть-ЯНОС": "Yaroslavl Refinery", "Киришах": "Kirishi"}),
    # ---- Russian: organisations and people
    ("ru", "Сургутнефтегаз, Татнефть и Зарубежнефть отчитались, сообщает Коммерсантъ.",
     {"Сургутнефтегаз": "Surgutneftegas", "Татнефть": "Tatneft", "Зарубежнефть": "Zarubezhneft",
      "Коммерсантъ": "Kommersant"}),
    ("ru", "Минобороны России заявило, что ВСУ атаковали объекты, а СБУ взяла ответственность на себя.",
     {"Минобороны России": "Ministry of Defence (Russia)", "ВСУ": "Armed Forces of Ukraine",
      "СБУ": "Security Service of Ukraine"}),
    ("ru", "Глава «Роснефти» Игорь Сечин встретился с Александром Дюковым и Вадимом Воробьевым.",
     {"Роснефти": "Rosneft", "Игорь Сечин": "Igor Sechin", "Александром Дюковым": "Alexander Dyukov",
      "Вадимом Воробьевым": "Vadim Vorobyov"}),
    ("ru", "Премьер Словакии Роберт Фицо и глава МИД Венгрии Петер Сийярто обсудили поставки с MOL.",
     {"Роберт Фицо": "Robert Fico", "Петер Сийярто": "Péter Szijjártó", "MOL": "MOL Group"}),
    ("ru", "Об этом сообщил МИД Казахстана; ранее Токареву позвонили из ОДКБ и ЕБРР.",
     {"МИД Казахстана": "Ministry of Foreign Affairs (Kazakhstan)", "Токареву": "Nikolay Tokarev",
      "ОДКБ": "Collective Security Treaty Organization", "ЕБРР": "European Bank for Reconstruction and Development"}),
    # ---- Kazakh: suffixes stacked on names
    ("kk", "Атырау мұнай өңдеу зауытында жөндеу жұмыстары басталды.",
     {"Атырау мұнай өңдеу зауытында": "Atyrau Refinery"}),
    ("kk", "Құрық портынан және Ақтау портынан мұнай тасымалданды.",
     {"Құрық портынан": "Port of Kuryk", "Ақтау портынан": "Port of Aktau"}),
    ("kk", "Маңғыстау облысындағы кен орындары мен Ақтөбедегі зауыт туралы айтылды.",
     {"Маңғыстау облысындағы": "Mangystau Region", "Ақтөбедегі": "Aktobe"}),
    ("kk", "Қазатомөнеркәсіптің басшысы Бұхарадағы форумға қатысты.",
     {"Қазатомөнеркәсіптің": "Kazatomprom", "Бұхарадағы": "Bukhara"}),
    ("kk", "Сечиннің мәлімдемесінен кейін Рязань мұнай өңдеу зауыты тоқтады.",
     {"Сечиннің": "Igor Sechin", "Рязань мұнай өңдеу зауыты": "Ryazan Refinery"}),
    ("kk", "Шах-Дениз кен орнынан газ Түркияға жеткізіледі, деді Ровшан Наджаф.",
     {"Шах-Дениз": "Shah Deniz", "Ровшан Наджаф": "Rovshan Najaf"}),
    # ---- Greek: names as Greek news writes them
    ("el", "Ο Ιγκόρ Σέτσιν, επικεφαλής της Ροσνέφτ, μίλησε για το διυλιστήριο του Ριαζάν.",
     {"Ιγκόρ Σέτσιν": "Igor Sechin", "Ροσνέφτ": "Rosneft", "διυλιστήριο του Ριαζάν": "Ryazan Refinery"}),
    ("el", "Ο Σλοβάκος πρωθυπουργός Ρόμπερτ Φίτσο και ο Ούγγρος ΥΠΕΞ Πέτερ Σιγιάρτο στη Βουδαπέστη.",
     {"Ρόμπερτ Φίτσο": "Robert Fico", "Πέτερ Σιγιάρτο": "Péter Szijjártó", "Βουδαπέστη": "Budapest"}),
    ("el", "Δρόνοι έπληξαν το λιμάνι του Νοβοροσίσκ και τον τερματικό σταθμό Σεσχάρις.",
     {"λιμάνι του Νοβοροσίσκ": "Port of Novorossiysk", "Σεσχάρις": "Sheskharis"}),
    ("el", "ο αγωγός Power of Siberia 2 και το κοίτασμα Σαχ Ντενίζ", {"Power of Siberia 2": "Power of Siberia 2",
                                                                     "Σαχ Ντενίζ": "Shah Deniz"}),
    ("el", "Σύμφωνα με το ρωσικό υπουργείο Άμυνας και το Γαλλικό Πρακτορείο, στη Βαρσοβία και στο Βερολίνο",
     {"ρωσικό υπουργείο Άμυνας": "Ministry of Defence (Russia)", "Γαλλικό Πρακτορείο": "Agence France-Presse",
      "Βαρσοβία": "Warsaw", "Βερολίνο": "Berlin"}),
    ("el", "η Παγκόσμια Τράπεζα και η ΕΤΑΑ χρηματοδοτούν έργο στην Τεχεράνη",
     {"Παγκόσμια Τράπεζα": "World Bank", "ΕΤΑΑ": "European Bank for Reconstruction and Development",
      "Τεχεράνη": "Tehran"}),
    # ---- English
    ("en", "Drones struck the Ryazan refinery and the Novokuibyshevsk refinery in the Samara region.",
     {"Ryazan refinery": "Ryazan Refinery", "Novokuibyshevsk refinery": "Novokuibyshevsk Refinery",
      "Samara region": "Samara Oblast"}),
    ("en", "Loadings at the CPC marine terminal near Novorossiysk and at Sheskharis resumed, Reuters reported.",
     {"CPC marine terminal": "CPC Marine Terminal", "Novorossiysk": "Novorossiysk", "Sheskharis": "Sheskharis",
      "Reuters": "Reuters"}),
    ("en", "Rosneft Deutschland runs the PCK Schwedt refinery; Orlen and Equinor were in talks.",
     {"Rosneft Deutschland": "Rosneft Deutschland", "PCK Schwedt": "PCK Raffinerie", "Orlen": "Orlen",
      "Equinor": "Equinor"}),
    ("en", "ADNOC, Masdar and ACWA Power signed deals in Tashkent and Abu Dhabi, Xinhua said.",
     {"ADNOC": "Abu Dhabi National Oil Company", "Masdar": "Masdar", "ACWA Power": "ACWA Power",
      "Tashkent": "Tashkent", "Abu Dhabi": "Abu Dhabi", "Xinhua": "Xinhua News Agency"}),
    ("en", "The U.S. Treasury's OFAC sanctioned Surgutneftegas; Scott Bessent and Marco Rubio commented.",
     {"OFAC": "Office of Foreign Assets Control", "Surgutneftegas": "Surgutneftegas",
      "Scott Bessent": "Scott Bessent", "Marco Rubio": "Marco Rubio"}),
    ("en", "Gas from Galkynysh flows via the Central Asia–China gas pipeline; Turkmengaz confirmed.",
     {"Galkynysh": "Galkynysh", "Central Asia–China gas pipeline": "Central Asia–China gas pipeline",
      "Turkmengaz": "Turkmengaz"}),
    ("en", "Oil moved through the Atasu-Alashankou pipeline and the Baltic Pipeline System to Primorsk.",
     {"Atasu-Alashankou pipeline": "Kazakhstan–China oil pipeline", "Baltic Pipeline System": "Baltic Pipeline System",
      "Primorsk": "Primorsk"}),
    # ---- Ukrainian, Turkish, German
    ("uk", "Сили оборони уразили Рязанський НПЗ, повідомляє Генеральний штаб ЗСУ.",
     {"Сили оборони": "Defence Forces of Ukraine", "Рязанський НПЗ": "Ryazan Refinery",
      "Генеральний штаб ЗСУ": "General Staff of the Armed Forces of Ukraine"}),
    ("uk", "Губернатор Рязанської області Павло Малков; удар по станції в Брянській області.",
     {"Рязанської області": "Ryazan Oblast", "Павло Малков": "Pavel Malkov", "Брянській області": "Bryansk Oblast"}),
    ("tr", "SOCAR Başkanı Rövşen Necef ve BOTAŞ, Anadolu Ajansı'na açıklama yaptı.",
     {"SOCAR": "SOCAR", "Rövşen Necef": "Rovshan Najaf", "BOTAŞ": "BOTAŞ", "Anadolu Ajansı'na": "Anadolu Agency"}),
    ("tr", "TürkAkım ve Mavi Akım üzerinden gaz, Enerji ve Tabii Kaynaklar Bakanlığı",
     {"TürkAkım": "TurkStream", "Mavi Akım": "Blue Stream",
      "Enerji ve Tabii Kaynaklar Bakanlığı": "Ministry of Energy and Natural Resources (Turkey)"}),
    ("de", "Die Raffinerie Schwedt bezieht Öl über die Druschba, sagte Katherina Reiche in Berlin.",
     {"Raffinerie Schwedt": "PCK Raffinerie", "Druschba": "Druzhba pipeline", "Katherina Reiche": "Katherina Reiche",
      "Berlin": "Berlin"}),
]


def _case_ids():
    for n, (lang, text, expected) in enumerate(CASES):
        yield pytest.param(lang, text, expected, id=f"{lang}-{n:02d}")


@pytest.mark.parametrize("lang,text,expected", list(_case_ids()))
def test_resolves(gz, lang, text, expected):
    assert_names_resolve(gz, lang, text, expected)


def test_enough_cases():
    assert len(CASES) >= 30
    assert all(sum(1 for c in CASES if c[0] == lang) >= 5 for lang in ("ru", "kk", "el", "en"))


@pytest.mark.parametrize("lang,text", [
    # ordinary words that look like new names: none of them may match
    ("ru", "Кавказская кухня и дружба народов; росток пробился, шах и мат."),
    ("ru", "Мы говорили о тренде, о коммерсанте и о ведомостях, но не о портах."),
    ("ru", "Генеральный штаб и министерство обороны провели учения."),
    ("ru", "Сила воли и мир во всем мире; ока и бор, орел и решка."),
    ("kk", "Теңізде толқын болды, теңіз жағасында демалдық."),
    ("en", "The trend is clear: the port and the terminal stayed open, a pumping station too."),
    ("el", "Πότε θα ανοίξει το λιμάνι; Το διυλιστήριο δουλεύει κανονικά."),
    ("uk", "Сили природи і дружба; штаб працював."),
])
def test_no_false_matches(gz, lang, text):
    found = [(m.text, m.id) for m in gz.find(text, lang) if m.kind != "country"]
    assert found == [], found


def test_kinds_subkinds_and_countries(gz):
    want = {
        "Ryazan Refinery": ("place", "facility", "RUS"),
        "Port of Aktau": ("place", "facility", "KAZ"),
        "Unecha pumping station": ("place", "facility", "RUS"),
        "Shah Deniz": ("place", "field", "AZE"),
        "Galkynysh": ("place", "field", "TKM"),
        "Power of Siberia 2": ("place", "route", None),
        "Bukhara–Ural": ("place", "route", None),
        "Mangystau Region": ("place", "region", "KAZ"),
        "Tehran": ("place", "city", "IRN"),
        "Surgutneftegas": ("organisation", None, "RUS"),
        "MOL Group": ("organisation", None, "HUN"),
        "Xinhua News Agency": ("organisation", "media", "CHN"),
        "Kommersant": ("organisation", "media", "RUS"),
        "Robert Fico": ("person", None, "SVK"),
        "Alexander Dyukov": ("person", None, "RUS"),
    }
    for id_, (kind, sub, country) in want.items():
        e = gz.get(id_)
        assert e is not None, id_
        assert (e.kind, e.subkind, e.country) == (kind, sub, country), (id_, e)


def test_power_of_siberia_2_is_its_own_route(gz):
    ms = gz.find("Сила Сибири и Сила Сибири-2", "ru")
    assert [m.id for m in ms] == ["Power of Siberia", "Power of Siberia 2"]


def test_no_alias_clashes(gz):
    assert not [w for w in gz.warnings if not w.startswith("countries.tsv")], gz.warnings
