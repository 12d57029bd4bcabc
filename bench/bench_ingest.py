"""Ingest throughput and peak memory: `timeline ingest` of the benchmark corpus, end to end
(read, extract, store, mirror detection, merge), with 1 and N worker processes.

    python bench/bench_ingest.py [--sizes 1000 10000] [--workers 1 2]

Each run is a fresh `timeline ingest FILE --db NEW --workers W` process; its wall time,
CPU time (its own and its workers'), and peak RSS (the largest process) are measured with
wait4. docs/s per core = documents / CPU seconds, which is what the machine would give per
core without other load. Writes bench/results/ingest.json (merged with earlier sizes).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import RESULTS, ROOT, save, table  # noqa: E402

import corpus  # noqa: E402


def one(n: int, workers: int) -> dict:
    path = corpus.ensure(n)
    mb = path.stat().st_size / 1e6
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        cmd = [sys.executable, "-m", "timeline.cli", "ingest", str(path), "--db", str(db),
               "--workers", str(workers), "--no-progress"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        err = p.stderr.read()
        if os.waitstatus_to_exitcode(status) not in (0, 2):
            raise SystemExit(f"ingest failed: {err}")
        db_mb = db.stat().st_size / 1e6
    cpu = ru.ru_utime + ru.ru_stime
    return {"docs": n, "workers": workers, "input_mb": round(mb, 1), "wall_s": round(wall, 1),
            "docs_per_s": round(n / wall, 1), "mb_per_s": round(mb / wall, 2), "cpu_s": round(cpu, 1),
            "docs_per_cpu_s": round(n / cpu, 1), "peak_rss_mb": round(ru.ru_maxrss / 1024),
            "db_mb": round(db_mb, 1), "load_avg_1m_after": round(os.getloadavg()[0], 2),
            "memory_limit": os.environ.get("TIMELINE_MEMORY_LIMIT"),  # DuckDB's (timeline/store/db.py)
            "report": err.strip().splitlines()[-1]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    a = ap.parse_args()
    old = RESULTS / "ingest.json"
    rows = json.loads(old.read_text())["runs"] if old.exists() else []
    for n in a.sizes:
        for w in a.workers:
            r = one(n, w)
            print(json.dumps(r), flush=True)
            rows = [x for x in rows if (x["docs"], x["workers"], x.get("memory_limit")) != (n, w, r["memory_limit"])] + [r]
    rows.sort(key=lambda r: (r["docs"], r["workers"]))
    cols = ["docs", "workers", "input_mb", "wall_s", "docs_per_s", "mb_per_s", "cpu_s", "docs_per_cpu_s",
            "peak_rss_mb", "memory_limit", "load_avg_1m_after"]
    print(table(rows, cols))
    save("ingest", {"note": "bench/corpus.py documents (real seed and test-case sentences recombined); "
                            "the machine is shared with other sessions: see load averages", "runs": rows})


if __name__ == "__main__":
    main()
