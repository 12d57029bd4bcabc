"""Benchmark of `build_site` at scale: N synthetic events (default 10,000 and 100,000).

The events are NOT real: the seeds are ingested by the real pipeline, then every
document, mention and event is copied K times with new ids and dates shifted by whole
months (k mod 120), so the site has the seeds' shape (actors, sources, quotes, spans)
at N events. Reports build time, peak memory and the front page's size, and writes
bench/results/site-<N>.json with the machine's cores and memory.

    python bench/bench_site.py            # 10k and 100k
    python bench/bench_site.py 100000     # one size
"""
from __future__ import annotations

import json
import math
import os
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import timeline  # noqa: E402
from _common import machine  # noqa: E402
from timeline.site import build_site  # noqa: E402
from timeline.store import stored  # noqa: E402

# Copies of every seed row, in one statement per table; $k runs over 1..copies-1.
SYNTH = [
    """INSERT INTO documents (id, sha256, text, lang, lang_detected, url, source, title, published, ref_date, ref_how,
                              origin, extractor, mirror_of)
       SELECT id || '-c' || k, sha256, text, lang, lang_detected, url, source, title, published,
              ref_date + to_months(k % 120), ref_how, origin, extractor, NULL
       FROM documents, range(1, $copies) t(k)""",
    """INSERT INTO events (id, type, status, date_start, date_end, precision, basis, edtf, date_text, date_from,
                           window_start, window_end, place_id, summary, confidence, founded_by)
       SELECT id || '_c' || k, type, status, date_start + to_months(k % 120), date_end + to_months(k % 120),
              precision, basis, edtf, date_text, date_from, window_start, window_end, place_id, summary, confidence,
              founded_by || '_c' || k
       FROM events, range(1, $copies) t(k)""",
    """INSERT INTO mentions (id, doc_id, seq, type, status, cancelled, start, "end", quote, lang, date_start, date_end,
                             precision, basis, edtf, date_text, window_start, window_end, place_id, reported,
                             confidence, rule, trigger, event_id)
       SELECT id || '_c' || k, doc_id || '-c' || k, seq, type, status, cancelled, start, "end", quote, lang,
              date_start + to_months(k % 120), date_end + to_months(k % 120), precision, basis, edtf, date_text,
              window_start, window_end, place_id, reported + to_months(k % 120), confidence, rule, trigger,
              event_id || '_c' || k
       FROM mentions, range(1, $copies) t(k) WHERE event_id IS NOT NULL""",
    """INSERT INTO event_actors SELECT event_id || '_c' || k, actor_id, role FROM event_actors, range(1, $copies) t(k)""",
    """INSERT INTO quantities SELECT mention_id || '_c' || k, value, unit, period, text
       FROM quantities, range(1, $copies) t(k)""",
]


def _cpu() -> float:
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def synthesise(db: Path, n: int) -> dict:
    with timeline.open(db) as tl:
        tl.ingest([ROOT / "seeds"], progress=False)
        seed_events = tl.con.execute("SELECT count(*) FROM events").fetchone()[0]
        copies = max(1, math.ceil(n / seed_events))
        for stmt in SYNTH:
            tl.con.execute(stmt.replace("$copies", str(copies)))
        # what the end of every write does (timeline/store/stored.py): ingest pays this, not the build
        t0 = time.perf_counter()
        stored.refresh(tl.con)
        t_stored = time.perf_counter() - t0
        # trim to exactly n events (the copies with the highest k go first)
        total = tl.con.execute("SELECT count(*) FROM events").fetchone()[0]
        docs = tl.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    return {"seed_events": seed_events, "copies": copies, "events": total, "documents": docs,
            "stored_views_s": round(t_stored, 1)}


def run(n: int, keep: bool = False) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench-site-{n}-"))
    try:
        db = work / "bench.duckdb"
        t0 = time.perf_counter()
        shape = synthesise(db, n)
        t_synth = time.perf_counter() - t0
        out = work / "site"
        load = os.getloadavg()[0]
        cpu0 = _cpu()
        t0 = time.perf_counter()
        pages = build_site(str(db), str(out))
        t_build = time.perf_counter() - t0
        cpu_build = _cpu() - cpu0
        t0 = time.perf_counter()
        build_site(str(db), str(out))
        t_rebuild = time.perf_counter() - t0
        self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        sizes = sorted((p.stat().st_size, p.relative_to(out).as_posix()) for p in out.rglob("*.html"))
        result = {
            "benchmark": "site build",
            "command": " ".join([sys.executable, *sys.argv]),
            "note": "synthetic: the seeds' events copied with new ids and dates shifted by whole months",
            "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "machine": machine(),
            **shape,
            "pages": pages,
            "synthesis_s": round(t_synth, 1),
            "build_s": round(t_build, 1),
            "build_cpu_s": round(cpu_build, 1),
            "load_average_before": round(load, 1),
            "note_load": "build_cpu_s counts the parent and its workers (user + system); on a machine shared "
                         "with other jobs (load above the cores) wall time stretches, CPU time does not",
            "rebuild_unchanged_s": round(t_rebuild, 1),
            "peak_rss_mb_parent": round(self_kb / 1024),
            "peak_rss_mb_largest_worker": round(child_kb / 1024),
            "front_page_kb": round((out / "index.html").stat().st_size / 1024, 1),
            "largest_page": {"path": sizes[-1][1], "kb": round(sizes[-1][0] / 1024, 1)},
            "site_mb": round(sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6, 1),
        }
        if keep:
            result["site"] = str(out)
        return result
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv if a.isdigit()] or [10_000, 100_000]
    results_dir = ROOT / "bench" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    for n in sizes:
        print(f"site build, {n:,} synthetic events (seed events copied, dates shifted by months) ...", flush=True)
        r = run(n, keep="--keep" in argv)
        print(json.dumps(r, indent=1))
        (results_dir / f"site-{n}.json").write_text(json.dumps(r, indent=1) + "\n")
        target = "OK" if r["build_s"] < 60 and r["front_page_kb"] < 300 else "OVER TARGET"
        print(f"{n:,} events: {r['build_s']} s ({r['build_cpu_s']} s CPU, load {r['load_average_before']}), peak {r['peak_rss_mb_parent']} MB, front page "
              f"{r['front_page_kb']} KB: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
