"""Documents per second and dates found on the seeds: timeline.temporal
against dateparser.search.search_dates, on the same texts, plus each
system's accuracy on tests/cases/dates/<lang>.tsv.

    python bench/bench_temporal.py [--repeat N]

Accuracy: timeline counts a case right when it finds the expected text with
the expected interval, precision and basis (negative cases: finds nothing);
search_dates counts it right when it returns a datetime inside the expected
interval (negative cases: returns nothing), a looser test.  The printed
table carries the command and the machine.
"""
from __future__ import annotations

import argparse
import csv
import platform
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal import dates_records, find_dates  # noqa: E402

SEED_LANG = {"000": "ru", "001": "ru", "002": "kk", "003": "ru", "004": "el"}


def seeds():
    return [(p.read_text(encoding="utf-8"), SEED_LANG[p.name[:3]]) for p in sorted((ROOT / "seeds").glob("*.txt"))]


def cases(lang):
    with (ROOT / "tests" / "cases" / "dates" / f"{lang}.tsv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


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
    if row["date_text"] == "none":
        return not found
    lo, hi = date.fromisoformat(row["date_start"]), date.fromisoformat(row["date_end"])
    return any(lo <= d.date() <= hi for _, d in found)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    docs = seeds()
    from dateparser.search import search_dates

    for text, lang in docs:  # load data once, outside the timing
        dates_records(text, lang)
        search_dates(text, languages=[lang])
    t = time.perf_counter()
    n_ours = 0
    for r in range(args.repeat):
        for text, lang in docs:
            n_ours += len(dates_records(text + " " * (r % 2), lang))
    ours = args.repeat * len(docs) / (time.perf_counter() - t)
    t = time.perf_counter()
    n_dp = 0
    reps = max(1, args.repeat // 10)
    for _ in range(reps):
        for text, lang in docs:
            n_dp += len(search_dates(text, languages=[lang]) or [])
    dp = reps * len(docs) / (time.perf_counter() - t)

    print(f"# command: python bench/bench_temporal.py --repeat {args.repeat}")
    print(f"# machine: {platform.platform()}, Python {platform.python_version()}, {platform.processor() or platform.machine()}")
    print()
    print("| system | docs/s (seeds) | dates found per pass | " + " | ".join(f"{l} cases" for l in ("ru", "kk", "el", "en")) + " |")
    print("|---|---|---|---|---|---|---|")
    acc_o, acc_d = [], []
    for lang in ("ru", "kk", "el", "en"):
        rows = cases(lang)
        acc_o.append(f"{sum(ours_right(lang, r) for r in rows)}/{len(rows)}")
        acc_d.append(f"{sum(dp_right(lang, r) for r in rows)}/{len(rows)}")
    print(f"| timeline.temporal | {ours:,.0f} | {n_ours // args.repeat} | " + " | ".join(acc_o) + " |")
    print(f"| dateparser.search_dates | {dp:,.1f} | {n_dp // reps} | " + " | ".join(acc_d) + " |")
    print(f"\nspeed ratio: {ours / dp:,.0f}x")


if __name__ == "__main__":
    main()
