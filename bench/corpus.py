"""A deterministic benchmark corpus: N news-length documents in ru, kk, el and en.

    python bench/corpus.py 1000 10000 100000 [--out bench/corpus] [--seed 7]

Each document is written from real news wording: the sentences of seeds/*.txt and
of tests/cases/dates/<lang>.tsv, recombined (8 to 24 sentences, a seed sentence
first) with varied dates (years 2019-2026 and days of the month redrawn), actors
(surnames swapped among the region's leaders, keeping the case ending) and places
(capitals swapped where they decline alike). A dateline or `published` metadata
gives each its reference date; half give `lang`, half leave it to detection. The
seeds themselves come first, as they are (ids as their file stems).

Output: <out>/docs-<N>.jsonl, one JSON document a line (id, text, lang?, published?).
The same N and seed give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED_LANG = {"000": "ru", "001": "ru", "002": "kk", "003": "ru", "004": "el"}
LANGS = ("ru", "kk", "el", "en")
WEIGHTS = (0.4, 0.2, 0.2, 0.2)

# surname stems that take the same endings (consonant-final), swapped with each other
PEOPLE = {
    "ru": ["Путин", "Токаев", "Мирзиёев", "Алиев", "Пашинян", "Жапаров", "Рахмон", "Мишустин", "Лавров", "Новак"],
    "kk": ["Путин", "Тоқаев", "Мирзиёев", "Әлиев", "Пашинян", "Жапаров", "Рахмон", "Мишустин", "Лавров"],
    "el": ["Πούτιν", "Τοκάγιεφ", "Μιρζιγιόγιεφ", "Αλίεφ", "Πασινιάν", "Λαβρόφ"],
    "en": ["Putin", "Tokayev", "Mirziyoyev", "Aliyev", "Pashinyan", "Lukashenko", "Mishustin", "Lavrov", "Erdogan"],
}
# place stems that decline alike (ru, el: a-stems), swapped with each other
PLACES = {
    "ru": ["Москв", "Астан", "Анкар", "Казан"],
    "kk": [],
    "el": ["Μόσχα", "Αστάνα", "Άγκυρα"],
    "en": ["Moscow", "Astana", "Baku", "Tashkent", "Minsk", "Ankara", "Bishkek", "Dushanbe"],
}
DATELINE = {
    "ru": "{city}, {d} {month} {y} — ИА Регнум.",
    "kk": "{city}, {y} жылғы {d} {month}.",
    "el": "{city}, {d} {month} {y}.",
    "en": "{city}, {month} {d}, {y} (Reuters) -",
}
MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(),
    "kk": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split(),
    "el": "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου".split(),
    "en": "January February March April May June July August September October November December".split(),
}
CITY = {"ru": ["Москва", "Астана", "Ташкент", "Баку"], "kk": ["Астана", "Алматы", "Мәскеу"],
        "el": ["Αθήνα", "Μόσχα", "Αστάνα"], "en": ["Moscow", "Astana", "Baku", "Tashkent"]}
_YEAR = re.compile(r"\b(20[12]\d)\b")
_DAY = re.compile(r"\b([1-3]?\d)(?=\s+\w)")


def seed_documents() -> list[dict]:
    out = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        out.append({"id": p.stem, "text": p.read_text(encoding="utf-8")})
    return out


def sentence_pools() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Per language: sentences of the seeds (news prose), and of the date test cases."""
    from timeline.sentences import split

    seeds: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        lang = SEED_LANG[p.name[:3]]
        for s in split(p.read_text(encoding="utf-8"))[1:]:  # the dateline line apart
            if len(s.text) > 40:
                seeds[lang].append(s.text)
    cases: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        with (ROOT / "tests" / "cases" / "dates" / f"{lang}.tsv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                cases[lang].append(row["text"])
    # en has no seed: its news prose is the date cases' sentences
    seeds["en"] = seeds["en"] or list(cases["en"])
    return seeds, cases


def vary(text: str, lang: str, rng: random.Random, year: int) -> str:
    text = _YEAR.sub(lambda m: str(rng.choice((year, year, year - 1, year + 1))), text)
    text = _DAY.sub(lambda m: str(rng.randint(1, 28)) if int(m.group(1)) <= 31 and int(m.group(1)) > 0 else m.group(1), text)
    people = PEOPLE[lang]
    swap = dict(zip(people, rng.sample(people, len(people))))
    if swap:
        text = re.sub("|".join(sorted(map(re.escape, people), key=len, reverse=True)), lambda m: swap[m.group()], text)
    places = PLACES[lang]
    if places:
        pswap = dict(zip(places, rng.sample(places, len(places))))
        text = re.sub("|".join(map(re.escape, places)), lambda m: pswap[m.group()], text)
    return text


def build(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed * 1_000_003 + n)
    seeds, cases = sentence_pools()
    docs = seed_documents()
    start = date(2019, 1, 1)
    for i in range(n - len(docs)):
        lang = rng.choices(LANGS, WEIGHTS)[0]
        day = start + timedelta(days=rng.randrange(8 * 365))
        k = rng.randint(8, 24)
        pool = seeds[lang]
        body = [rng.choice(pool)] + [rng.choice(pool if rng.random() < 0.7 else cases[lang]) for _ in range(k - 1)]
        body = [vary(s, lang, rng, day.year) for s in body]
        paras, para = [], []
        for s in body:
            para.append(s)
            if rng.random() < 0.35:
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        doc: dict = {"id": f"bench-{n}-{i:06d}"}
        if rng.random() < 0.5:
            doc["published"] = day.isoformat()
            text = "\n".join(paras)
        else:
            head = DATELINE[lang].format(city=rng.choice(CITY[lang]), d=day.day, month=MONTHS[lang][day.month - 1],
                                         y=day.year)
            text = head + " " + "\n".join(paras)
        doc["text"] = text
        if rng.random() < 0.5:
            doc["lang"] = lang
        docs.append(doc)
    return docs[:n]


def write(n: int, out: Path, seed: int = 7) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"docs-{n}.jsonl"
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for d in build(n, seed):
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def ensure(n: int, out: Path = ROOT / "bench" / "corpus", seed: int = 7) -> Path:
    path = out / f"docs-{n}.jsonl"
    return path if path.exists() else write(n, out, seed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    for n in a.sizes:
        p = write(n, a.out, a.seed)
        print(f"{p}: {n} documents, {p.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
