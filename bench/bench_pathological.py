"""Linear time on hostile input: each text function on pathological lines
against the same amount of real news text (the seeds, repeated).

    python bench/bench_pathological.py [--langs ru,kk,el,en] [--mb 1] [--only NAME,...]

For every (input, function, language) the function runs on 256 KB and on
1 MB (--mb) of the input.  Reported per row: seconds at each size, the
growth 1 MB / 256 KB (4 is linear, 16 quadratic) and the slowdown per MB
against news text of the same language.  A row is flagged when it is more
than 10x slower per MB than news text, or grows more than 8x from 256 KB
to 1 MB (super-linear).  A row whose 256 KB run already takes more than
--cap seconds is not run at 1 MB and is flagged too.

Writes bench/results/pathological.json with the machine and the command.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import machine  # noqa: E402
from timeline import sentences  # noqa: E402
from timeline.events.actors import gazetteer  # noqa: E402
from timeline.events.quantities import find_quantities  # noqa: E402
from timeline.events.triggers import find_triggers  # noqa: E402
from timeline.model import Document  # noqa: E402
from timeline.pipeline import extract_document  # noqa: E402
from timeline.temporal import find_dates, reference_date  # noqa: E402

SEED_LANG = {"000": "ru", "001": "ru", "002": "kk", "003": "ru", "004": "el"}
EN_NEWS = ("Astana, 12 November 2025. Kazakhstan and Azerbaijan signed an agreement on oil transit "
           "on Tuesday, the energy ministry said. President Kassym-Jomart Tokayev met Ilham Aliyev "
           "in Baku on 10 November; the parties agreed to raise supplies to 1.5 million tonnes a year "
           "from January 2026.\nThe talks will continue next month in Moscow.\n")

KB = 1024

# one line each: no sentence or paragraph break to cut the work into pieces
PATHOLOGICAL = {
    "digits": "1234567890",
    "dots": ".",
    "digits_dots_commas": "12.3,4.,56,.7",
    "ones_commas": "1,",
    "years_dashes": "2024-",
    "dd_mm_dots": "31.12.",
    "months_ru": "октября ",
    "months_mixed": "октября қазан Οκτωβρίου October ",
    "year_kk": "2024 жылғы ",
    "guillemets": "«",
    "caps_words": "Иван Петров Сидоров ",
    "caps_latin": "John Smith Brown ",
    "digits_spaces": "1 2 3 ",
}


def news(lang: str) -> str:
    if lang == "en":
        return EN_NEWS
    # without the `date ...` header line, which would let reference_date stop at once
    texts = [re.sub(r"^\s*date \d{4}-\d\d-\d\d\s*", "", p.read_text(encoding="utf-8"))
             for p in sorted((ROOT / "seeds").glob("*.txt")) if SEED_LANG.get(p.name[:3]) == lang]
    return "\n".join(texts) + "\n" if texts else EN_NEWS


def fill(unit: str, size: int) -> str:
    """`unit` repeated to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def functions():
    g = gazetteer()
    ref = date(2024, 6, 1)
    return {
        "sentences.split": lambda t, lang: sentences.split(t),
        "find_dates": lambda t, lang: find_dates(t, lang, ref),
        "reference_date": lambda t, lang: reference_date(t, lang),
        "find_triggers": lambda t, lang: find_triggers(t, lang),
        "find_quantities": lambda t, lang: find_quantities(t, lang),
        "gazetteer.find": lambda t, lang: g.find(t, lang),
        "gazetteer.provisional": lambda t, lang: g.provisional(t, lang),
        "extract_document": lambda t, lang: extract_document(Document(id="bench", text=t, lang=lang)),
    }


def timed(f, text: str, lang: str) -> float:
    t0 = time.perf_counter()
    f(text, lang)
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--langs", default="ru,kk,el,en", help="en news is a short paragraph written here (no English seed)")
    ap.add_argument("--mb", type=float, default=1.0, help="the large size, in MB (the small one is a quarter)")
    ap.add_argument("--only", default="", help="comma-separated function names")
    ap.add_argument("--inputs", default="", help="comma-separated pathological input names")
    ap.add_argument("--cap", type=float, default=5.0, help="seconds at the small size above which 1 MB is skipped")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "pathological.json"))
    args = ap.parse_args()

    big = int(args.mb * KB * KB)
    small = big // 4
    langs = args.langs.split(",")
    fns = functions()
    if args.only:
        fns = {k: v for k, v in fns.items() if k in args.only.split(",")}
    inputs = dict(PATHOLOGICAL)
    if args.inputs:
        inputs = {k: v for k, v in inputs.items() if k in args.inputs.split(",")}
    # warm up: load every language's data once, outside the timings
    for lang in langs:
        for f in fns.values():
            f(news(lang)[:2000], lang)

    rows = []
    hdr = f"{'input':20} {'function':22} {'lang':4} {'256KB s':>8} {'1MB s':>8} {'growth':>6} {'x news':>7}  flag"
    print(hdr)
    print("-" * len(hdr))
    baseline: dict[tuple[str, str], float] = {}

    def row(name, unit_text, fname, f, lang):
        ts = timed(f, fill(unit_text, small), lang)
        if ts > args.cap:
            tb, growth, flag = None, None, f"1MB not run: {ts:.0f}s at 256KB"
        else:
            tb = timed(f, fill(unit_text, big), lang)
            growth = tb / ts if ts > 0.001 else None
            flag = ""
        per_big = tb if tb is not None else ts * 4  # at least that (linear)
        if name == "news":
            baseline[(fname, lang)] = per_big
        base = baseline[(fname, lang)]
        x = per_big / base if base > 0 else None
        if x is not None and x > 10 and per_big > 0.5:
            flag = (flag + "; " if flag else "") + f"{x:.0f}x slower than news"
        if growth is not None and growth > 8 and tb > 0.5:
            flag = (flag + "; " if flag else "") + f"super-linear ({growth:.1f}x for 4x input)"
        rows.append({"input": name, "function": fname, "lang": lang, "small_s": round(ts, 3),
                     "big_s": round(tb, 3) if tb is not None else None,
                     "growth": round(growth, 2) if growth else None,
                     "x_news": round(x, 2) if x is not None else None, "flag": flag})
        print(f"{name:20} {fname:22} {lang:4} {ts:8.2f} {tb if tb is not None else float('nan'):8.2f} "
              f"{growth or 0:6.1f} {x or 0:7.1f}  {flag}", flush=True)

    for lang in langs:
        for fname, f in fns.items():
            row("news", news(lang), fname, f, lang)
    for name, unit in inputs.items():
        for lang in langs:
            for fname, f in fns.items():
                row(name, unit, fname, f, lang)

    flagged = [r for r in rows if r["flag"]]
    result = {
        "benchmark": "pathological input, linear time",
        "command": " ".join([sys.executable] + sys.argv),
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "sizes_bytes_approx": {"small": small, "big": big},
        "criteria": "flag: > 10x slower per MB than news text of the same language, or > 8x growth for 4x input",
        "flagged": len(flagged),
        "rows": rows,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\n{len(flagged)} flagged of {len(rows)} rows; written to {out}")
    for r in flagged:
        print(f"  {r['input']} / {r['function']} / {r['lang']}: {r['flag']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
