"""Cases of the languages added first as data only (uk, tr, uz): trigger sentences per event
type (the expected trigger in [brackets]), status, called-off, quantities, and the events a
careful reader expects of one news article per language. Run by tests/test_languages.py."""


TRIGGERS: dict[str, dict[str, list[str]]] = {
    "uk": {
        "meeting": [
            "Зеленський [зустрівся] з Ердоганом у Стамбулі.",
            "Делегації [провели переговори] в Анкарі 5 березня.",
            "Міністр енергетики перебуває в Баку з офіційним [візитом].",
        ],
        "signing": [
            "Нафтогаз і Orlen [підписали] угоду про постачання скрапленого газу.",
            "Угоду про транзит буде [підписано] наступного тижня.",
            "Сторони [уклали контракт] на постачання нафти.",
        ],
        "agreement": [
            "Україна та Польща [домовилися] про збільшення потужності інтерконектора.",
            "Сторони [досягли домовленості] щодо тарифів на транзит.",
        ],
        "supply_start": [
            "Росія [розпочала постачання] газу до Узбекистану через Казахстан.",
            "Газопровід [введено в експлуатацію] у 2009 році.",
            "Транзит нафти [відновлено] після ремонту.",
        ],
        "supply_halt": [
            "Туркменістан [призупинив] експорт газу до Узбекистану.",
            "Роботу НПЗ [зупинено] після атаки.",
            "Казахстан [скоротив постачання] нафти через КТК.",
        ],
        "drone_strike": [
            "Вночі [безпілотники атакували] нафтопереробний завод у Краснодарському краї.",
            "Внаслідок [атаки дронів] пошкоджено резервуар.",
        ],
        "statement": [
            "Міністр енергетики [заявив], що постачання не переривалися.",
            "Про це [повідомила] пресслужба компанії.",
            "Прем'єр-міністр [наголосив] на важливості диверсифікації.",
        ],
        "plan": [
            "Казахстан [має намір] збільшити експорт через Каспійське море.",
            "Сторони [створять робочу групу] з питань енергетики.",
        ],
        "volume": [
            "Обсяг транзиту [становив] 10,2 млн тонн.",
            "Торік було [транспортовано] 1,06 мільйона тонн нафти.",
        ],
    },
    "tr": {
        "meeting": [
            "Erdoğan ve Putin Soçi'de [görüştü].",
            "Bakanlar Bakü'de bir araya gelerek doğal gaz işbirliğini [ele aldı].",
            "Cumhurbaşkanı Tokayev ile [telefon görüşmesi] gerçekleştirdi.",
        ],
        "signing": [
            "BOTAŞ ile SOCAR uzun vadeli bir doğal gaz anlaşması [imzaladı].",
            "Mutabakat zaptı Bakü'de [imzalandı].",
            "Taraflar yol haritasına [imza] attı.",
        ],
        "agreement": [
            "Türkiye ve Azerbaycan gaz fiyatında [anlaştı].",
            "Taraflar transit tarifeleri konusunda [anlaşmaya vardı].",
            "Bakanlar yeni bir boru hattı kurulması konusunda [mutabık] kaldı.",
        ],
        "supply_start": [
            "Rusya'dan Özbekistan'a doğal gaz [sevkiyatı başladı].",
            "Iğdır-Nahçıvan boru hattı Ekim ayında [devreye] alındı.",
            "Akış 7 Ekim'de [yeniden başladı].",
        ],
        "supply_halt": [
            "Türkmenistan Özbekistan'a gaz ihracatını [durdurdu].",
            "Rafinerideki üretim saldırının ardından [askıya alındı].",
            "Irak-Türkiye boru hattından petrol [sevkiyatı durdu].",
        ],
        "drone_strike": [
            "Krasnodar'daki rafineriye [İHA saldırısı] düzenlendi.",
            "[İnsansız hava araçları] pompa istasyonunu vurdu.",
            "Ukrayna [dronları] petrol terminalini hedef aldı.",
        ],
        "statement": [
            "Bakan Bayraktar, arzda sorun olmadığını [söyledi].",
            "BOTAŞ yaptığı yazılı [açıklamada] sevkiyatın sürdüğünü bildirdi.",
            "Tokayev, transitin tüm tarafların yararına olduğunu [vurguladı].",
        ],
        "plan": [
            "Kazakistan Hazar üzerinden ihracatı artırmayı [planlıyor].",
            "Taraflar enerji alanında bir [çalışma grubu] kuracak.",
        ],
        "volume": [
            "İhracat [hacmi] 70 milyon tona ulaştı.",
            "Geçen yıl bu güzergahtan 10,2 milyon ton petrol [ihraç] edildi.",
        ],
    },
    "uz": {
        "meeting": [
            "Shavkat Mirziyoyev Vladimir Putin bilan [uchrashdi].",
            "Tomonlar Toshkentda [muzokaralar] oʻtkazdi.",
            "Prezidentlar [telefon orqali suhbat] qurdi.",
        ],
        "signing": [
            "Tomonlar gaz yetkazib berish boʻyicha shartnoma [imzoladi].",
            "Hujjat Moskvada [imzolandi].",
        ],
        "agreement": [
            "Oʻzbekiston va Rossiya gaz narxi bo'yicha [kelishib oldi].",
            "Tomonlar tranzit boʻyicha [kelishuvga erishdi].",
        ],
        "supply_start": [
            "Rossiyadan Oʻzbekistonga gaz [yetkazib berish boshlandi].",
            "Yangi quvur [ishga tushirildi].",
            "Prezidentlar gaz yetkazib berishga [start berdi].",
        ],
        "supply_halt": [
            "Turkmaniston Oʻzbekistonga gaz eksportini [toʻxtatdi].",
            "Turkmaniston O'zbekistonga gaz eksportini [to'xtatdi].",
            "Qozog‘iston neft [eksportini kamaytirdi].",
        ],
        "drone_strike": [
            "Neftni qayta ishlash zavodiga [dron hujumi] uyushtirildi.",
            "[Uchuvchisiz] uchish apparatlari nasos stansiyasiga zarba berdi.",
        ],
        "statement": [
            "Vazir taʼminotda muammo yoʻqligini [aytdi].",
            "Bu haqda vazirlik matbuot xizmati [xabar berdi].",
            "Prezident hamkorlik muhimligini [ta’kidladi].",
        ],
        "plan": [
            "Oʻzbekiston gaz qazib olishni oshirishni [rejalashtirmoqda].",
            "Tomonlar energetika boʻyicha [ishchi guruh] tuzadi.",
        ],
        "volume": [
            "2023-yilda bu yoʻnalish orqali 1,06 million tonna neft [tashildi].",
            "Tranzit 10,2 mln tonnani [tashkil] etdi.",
        ],
    },
}

# (lang, sentence, trigger type, expected status)
STATUS = [
    ("uk", "Угоду про транзит буде підписано наступного тижня.", "signing", "planned"),
    ("uk", "Путін і Мірзійоєв підписали спільну заяву.", "signing", "occurred"),
    ("uk", "Постачання розпочнуться 1 жовтня.", "supply_start", "planned"),
    ("uk", "Туркменістан призупинив експорт газу.", "supply_halt", "occurred"),
    ("tr", "Anlaşma yarın imzalanacak.", "signing", "planned"),
    ("tr", "Anlaşmanın gelecek hafta imzalanması bekleniyor.", "signing", "planned"),
    ("tr", "Rusya ile Özbekistan anlaşma imzaladı.", "signing", "occurred"),
    ("tr", "Boru hattı Ekim ayında devreye alınacak.", "supply_start", "planned"),
    ("tr", "Rafinerideki üretim askıya alındı.", "supply_halt", "occurred"),
    ("tr", "Azerbaycan 2026 yılından itibaren yılda 2 milyar metreküp gaz sevk edecek.", "volume", "planned"),
    ("uz", "Shartnoma ertaga imzolanadi.", "signing", "planned"),
    ("uz", "Tomonlar shartnoma imzoladi.", "signing", "occurred"),
    ("uz", "Gaz yetkazib berish kelgusi oyda boshlanishi kutilmoqda.", "supply_start", "planned"),
    ("uz", "Turkmaniston gaz eksportini toʻxtatdi.", "supply_halt", "occurred"),
]

# (lang, sentence, trigger type, cancelled?)
CANCELLED = [
    ("uk", "Підписання угоди відклали на невизначений термін.", "signing", True),
    ("uk", "Сторони підписали угоду.", "signing", False),
    ("tr", "Anlaşma imzalanmadı.", "signing", True),
    ("tr", "Anlaşmanın imzalanması ertelendi.", "signing", True),
    ("tr", "Anlaşma imzalandı.", "signing", False),
    ("uz", "Shartnoma imzolanmadi.", "signing", True),
    ("uz", "Uchrashuv keyinga qoldirildi.", "meeting", True),
    ("uz", "Shartnoma imzolandi.", "signing", False),
]

QUANTITIES = [
    # (lang, text, [(value, unit, period)])
    ("uk", "1,06 мільйона тонн", [(1.06e6, "t", None)]),
    ("uk", "9 млн куб. метрів на добу", [(9e6, "m3", "day")]),
    ("uk", "2 млрд кубометрів газу на рік", [(2e9, "m3", "year")]),
    ("uk", "204 000 барелів на добу", [(204000, "bbl", "day")]),
    ("uk", "півтора мільйона тонн", [(1.5e6, "t", None)]),
    ("uk", "5 млрд доларів", [(5e9, "USD", None)]),
    ("uk", "15 млрд кВт·год", [(1.5e10, "kWh", None)]),
    ("tr", "1,06 milyon ton", [(1.06e6, "t", None)]),
    ("tr", "günlük 1,2 milyon varil", [(1.2e6, "bbl", "day")]),
    ("tr", "yılda 5 milyar metreküp", [(5e9, "m3", "year")]),
    ("tr", "204.000 varil/gün", [(204000, "bbl", "day")]),
    ("tr", "70 milyon tona ulaştı", [(7e7, "t", None)]),
    ("tr", "5 milyar dolar", [(5e9, "USD", None)]),
    ("tr", "10 bcm", [(1e10, "m3", None)]),
    ("uz", "1,06 million tonna", [(1.06e6, "t", None)]),
    ("uz", "sutkasiga 9 mln kub metr", [(9e6, "m3", "day")]),
    ("uz", "yiliga 5 mlrd kub metr", [(5e9, "m3", "year")]),
    ("uz", "70 mln tonnaga", [(7e7, "t", None)]),
    ("uz", "5 mlrd dollar", [(5e9, "USD", None)]),
]

# What a careful reader lists for each article in tests/corpus/langs/<code>.md:
# (type, status, date_start, date_end, actor ids of which at least one is named)
EXPECTED = {
    "uk": [
        ("signing", "occurred", "2024-11-13", "2024-11-13", {"Naftogaz", "Orlen"}),
        ("meeting", "occurred", "2024-11-13", "2024-11-13", {"Naftogaz", "Orlen"}),
        ("supply_start", "planned", "2024-12-01", "2024-12-31", {"UKR"}),
        ("volume", "planned", "2024-12-01", "2024-12-31", {"UKR"}),
        ("supply_halt", "occurred", None, None, {"TKM", "UZB"}),
        ("drone_strike", "occurred", "2024-11-12", "2024-11-12", {"UKR", "Herman Halushchenko"}),
        ("statement", "occurred", "2024-11-12", "2024-11-12", {"Herman Halushchenko"}),
        ("supply_halt", "occurred", "2024-11-12", "2024-11-12", {"UKR", "Herman Halushchenko"}),
        ("meeting", "occurred", "2024-11-04", "2024-11-10", {"UKR", "POL"}),
        ("plan", "planned", "2025-01-01", "2025-12-31", {"UKR", "POL"}),
    ],
    "tr": [
        ("signing", "occurred", "2025-03-05", "2025-03-05", {"BOTAŞ", "SOCAR"}),
        ("meeting", "occurred", "2025-03-05", "2025-03-05", {"Alparslan Bayraktar", "Mikayil Cabbarov"}),
        ("volume", "planned", "2026-01-01", "2026-12-31", {"AZE", "TUR"}),
        ("drone_strike", "occurred", "2025-03-04", "2025-03-04", {"RUS"}),
        ("supply_halt", "occurred", "2025-03-04", "2025-03-04", {"RUS"}),
        ("plan", "planned", "2026-01-01", "2026-12-31", {"TUR", "Alparslan Bayraktar"}),
    ],
    "uz": [
        ("supply_start", "occurred", "2023-10-07", "2023-10-07", {"RUS", "UZB", "KAZ"}),
        ("meeting", "occurred", "2023-10-06", "2023-10-06", {"Shavkat Mirziyoyev", "Vladimir Putin"}),
        ("signing", "occurred", "2023-10-06", "2023-10-06", {"Shavkat Mirziyoyev", "Vladimir Putin"}),
        ("agreement", "occurred", "2023-06-01", "2023-06-30", {"UZB", "RUS"}),
        ("supply_halt", "occurred", None, None, {"TKM"}),
        ("volume", "planned", "2024-01-01", "2024-12-31", {"KAZ"}),
    ],
}

# Once gaps of the engines, now closed: a planned event reads the time it owns forward even
# beside an occurred one; a statement takes the earliest time it owns (the saying, not what is
# said); a volume word without a figure no longer removes its sentence's plan.
EXPECTED["tr"].append(("supply_start", "planned", "2025-04-01", "2025-04-30", {"TUR", "BOTAŞ"}))
EXPECTED["uz"].append(("statement", "occurred", "2023-10-07", "2023-10-07", {"Jurabek Mirzamakhmudov"}))
EXPECTED["uz"].append(("plan", "planned", "2024-01-01", "2024-12-31", {"UZB", "RUS", "KAZ"}))

# What a careful reader expects and the engines cannot yet give: xfail(strict) so that a fix shows up.
KNOWN_GAPS = [
    # "sevkiyatın Nisan ayında başlaması konusunda anlaştı": the agreement (told on 5 March) takes
    # April, the only time of its sentence, as its own date.
    ("tr", ("agreement", "occurred", "2025-03-05", "2025-03-05", {"TUR", "BOTAŞ"})),
]
