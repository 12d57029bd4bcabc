"""Where extraction spends its time: cProfile over `extract_document` on benchmark documents.

    python bench/profile_extract.py [--docs 300]

First times the same documents unprofiled (CPU seconds, after a warm-up: extraction alone,
documents per CPU second); then prints the share of time by area (own time of the functions
in each package) and the top functions by own time and by cumulative time; writes
bench/results/profile_extract.json.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, save, table  # noqa: E402

sys.path.insert(0, str(ROOT))
import corpus  # noqa: E402

AREAS = [("timeline/temporal", "timeline.temporal"), ("timeline/events/actors", "events.actors (gazetteer)"),
         ("timeline/events/morph", "events.morph"), ("timeline/events", "timeline.events (other)"),
         ("timeline/sentences", "sentences"), ("timeline/pipeline", "pipeline"), ("timeline/ingest", "ingest (language)"),
         ("razdel", "razdel"), ("pymorphy", "pymorphy3"), ("simplemma", "simplemma"), ("py3langid", "py3langid"),
         ("regex", "regex"), ("ahocorasick", "pyahocorasick"), ("timeline", "timeline (other)")]


def area(filename: str) -> str:
    for key, name in AREAS:
        if key in filename:
            return name
    return "builtins/other" if filename.startswith("~") or "<" in filename else "other libraries"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    a = ap.parse_args()
    from timeline.ingest.parallel import warm
    from timeline.ingest.readers import read_documents
    from timeline.pipeline import extract_document

    warm()
    docs = [d for d in read_documents([corpus.ensure(1000)])][: a.docs]
    t = time.process_time()
    for d in docs:
        extract_document(d)
    plain = time.process_time() - t
    prof = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
    t = time.process_time()
    prof.enable()
    for d in docs:
        extract_document(d)
    prof.disable()
    cpu = time.process_time() - t
    st = pstats.Stats(prof)
    by_area: dict[str, float] = {}
    funcs = []
    for (file, line, fn), (cc, nc, tt, ct, callers) in st.stats.items():
        by_area[area(file)] = by_area.get(area(file), 0) + tt
        rel = file.split("site-packages/")[-1].replace(str(ROOT) + "/", "")
        funcs.append({"function": f"{rel}:{line}({fn})", "calls": nc, "own_s": round(tt, 3), "cum_s": round(ct, 3)})
    total = sum(by_area.values())
    areas = sorted(({"area": k, "own_s": round(v, 2), "share": f"{100 * v / total:.1f}%"} for k, v in by_area.items()),
                   key=lambda r: -r["own_s"])
    own = sorted(funcs, key=lambda r: -r["own_s"])[:20]
    cum = sorted((f for f in funcs if "timeline/" in f["function"]), key=lambda r: -r["cum_s"])[:20]
    print(f"{len(docs)} documents: {plain:.2f} s CPU unprofiled ({len(docs) / plain:.0f} docs per CPU s), "
          f"{cpu:.1f} s under the profiler")
    print(table(areas, ["area", "own_s", "share"]))
    print("\nTop own time:\n" + table(own, ["function", "calls", "own_s", "cum_s"]))
    print("\nTop cumulative (timeline code):\n" + table(cum, ["function", "calls", "own_s", "cum_s"]))
    save("profile_extract", {"docs": len(docs), "cpu_s": round(plain, 2), "docs_per_cpu_s": round(len(docs) / plain, 1),
                             "cpu_s_profiled": round(cpu, 2), "areas": areas,
                             "top_own": own, "top_cumulative_timeline": cum})


if __name__ == "__main__":
    main()
