"""The merge at scale: 1M and 10M mentions loaded from Parquet, merged by timeline/store/merge.py.

    python bench/bench_merge.py --source DB --sizes 1000000 10000000 [--keep DIR]

Synthesised, not extracted: the real mentions of a database made by `timeline ingest` of the
benchmark corpus (DB) are copied K times; copy c gets its own documents and mention ids, its
dates (and reference dates, plan windows) shifted by a whole number of days drawn from copy c
and the document (within about +-6 years), and its people, bodies and countries remapped, per
copy and document, each to one of F variants of itself: a world with more parties than the source's.

    --world fixed     F = 20 (people, bodies), 8 (countries), 1 (places) at every size: each copy is a distinct
                      happening on the same parties, so at 10M mentions every party has 100x the
                      distinct happenings a day it has at 100k (a stress test of density)
    --world growing   (default) F grows with the copies (2, 0.8 and 0.1 per copy, at least 20, 8 and 1;
                      the same as fixed up to 10 copies, 100k mentions): the distinct happenings per
                      party and day stay as at 100k, as in an archive that is bigger by covering
                      more parties, sources and years (its further reports of one happening would
                      merge, and are not modelled)

The copies are written as Parquet (like `timeline extract`); a fresh process loads them into a new
database (DuckDB at 8 GB: the 10M mentions' primary-key index must fit), another merges it (DuckDB limited to
3 GB, 2 threads; it spills to a temp folder past that) and then merges it again (what a later
ingest pays when the mentions stayed: nothing to write). Wall and CPU seconds and peak RSS of
the first merge are its process's.
Writes bench/results/merge.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import RESULTS, ROOT, Timer, cpu_seconds, peak_rss_mb, save, table  # noqa: E402

sys.path.insert(0, str(ROOT))

SHIFT = "(CAST(hash(c, doc_id) % 4400 AS BIGINT) - 2200)"  # days, per copy and document
VARIANTS = {"fixed": lambda k: (20, 8, 1),  # people and bodies, countries, places: variants of each
            "growing": lambda k: (max(20, 2 * k), max(8, -(-8 * k // 10)), max(1, -(-k // 10)))}


def synth(source: str, n: int, out: Path, world: str = "growing") -> dict:
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    m = con.execute("SELECT count(*) FROM src.mentions").fetchall()[0][0]
    k = -(-n // m)
    con.execute(f"CREATE TEMP TABLE copies AS SELECT range AS c FROM range({k})")
    # a larger world than the source's: each actor becomes one of F variants of itself (F per
    # kind, see --world), chosen per copy and document
    fp, fc, fpl = VARIANTS[world](k)
    con.execute(f"""CREATE TEMP TABLE akind AS SELECT a.id, a.name, a.kind, a.country, a.provisional, f.f
        FROM src.actors a JOIN (VALUES ('person', {fp}), ('organisation', {fp}), ('country', {fc})) f(kind, f) ON f.kind = a.kind""")
    shift = f"INTERVAL ({SHIFT}) DAY"
    con.execute(f"""COPY (
        SELECT * EXCLUDE (id, doc_id, date_start, date_end, window_start, window_end, reported, event_id, place_id),
               id || '~' || c AS id, doc_id || '~' || c AS doc_id,
               CASE WHEN {fpl} = 1 THEN place_id ELSE place_id || '#' || (hash(c, doc_id, place_id) % {fpl}) END AS place_id,
               CAST(date_start + {shift} AS DATE) AS date_start, CAST(date_end + {shift} AS DATE) AS date_end,
               CAST(window_start + {shift} AS DATE) AS window_start, CAST(window_end + {shift} AS DATE) AS window_end,
               CAST(reported + {shift} AS DATE) AS reported
        FROM src.mentions, copies
        QUALIFY row_number() OVER () <= {n}
    ) TO '{out}/mentions.parquet' (FORMAT parquet, ROW_GROUP_SIZE 122880)""")
    con.execute(f"""COPY (
        SELECT ma.mention_id || '~' || c.c AS mention_id,
               ma.actor_id || '#' || (hash(c.c, m.doc_id, ma.actor_id) % k.f) AS actor_id, ma.role, ma.text
        FROM src.mention_actors ma JOIN src.mentions m ON m.id = ma.mention_id JOIN akind k ON k.id = ma.actor_id,
             copies c
        WHERE c.c * (SELECT count(*) FROM src.mentions) < {n}
    ) TO '{out}/mention_actors.parquet' (FORMAT parquet)""")
    con.execute(f"""COPY (
        SELECT q.* EXCLUDE (mention_id), q.mention_id || '~' || c AS mention_id FROM src.quantities q, copies
        WHERE c * (SELECT count(*) FROM src.mentions) < {n}
    ) TO '{out}/quantities.parquet' (FORMAT parquet)""")
    con.execute(f"""COPY (
        SELECT d.* EXCLUDE (id, text, ref_date), d.id || '~' || c AS id, left(d.text, 300) AS text,
               CAST(d.ref_date + {shift.replace('doc_id', 'd.id')} AS DATE) AS ref_date
        FROM src.documents d, copies
        WHERE c * (SELECT count(*) FROM src.mentions) < {n}
    ) TO '{out}/documents.parquet' (FORMAT parquet)""")
    con.execute(f"""COPY (SELECT k.id || '#' || v.range AS id, k.name || ' ' || v.range AS name, k.kind, k.country,
                                  k.provisional
                  FROM akind k, range({fp}) v WHERE v.range < k.f) TO '{out}/actors.parquet' (FORMAT parquet)""")
    con.execute(f"""COPY (SELECT CASE WHEN {fpl} = 1 THEN id ELSE id || '#' || v.range END AS id,
                                  CASE WHEN {fpl} = 1 THEN name ELSE name || ' ' || v.range END AS name, country
                  FROM src.places, range({fpl}) v) TO '{out}/places.parquet' (FORMAT parquet)""")
    return {"source_mentions": m, "copies": k, "world": world, "variants": [fp, fc, fpl]}


def _connect(db: Path, memory: str):
    from timeline.store.db import connect

    con = connect(db)
    con.execute(f"SET memory_limit = '{memory}'")
    con.execute("SET threads = 2")
    con.execute(f"SET temp_directory = '{db.parent / 'spill'}'")
    return con


def load(folder: Path, db: Path) -> dict:
    """The Parquet into a new database, a table a transaction. Not the merge: it gets 8 GB, since
    the mentions' primary-key index (10M rows) must fit in memory."""
    con = _connect(db, "8GB")
    with Timer() as t:
        for table_ in ("documents", "mentions", "mention_actors", "quantities", "actors", "places"):
            f = folder / f"{table_}.parquet"
            cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                              "AND column_name NOT IN ('event_id', 'ingested_at', 'mirror_of')", [table_]).fetchall()]
            src = f"read_parquet('{f}')"
            if table_ in ("mention_actors", "quantities"):  # only those of the mentions kept (the last copy is partial)
                src = f"(SELECT x.* FROM {src} x SEMI JOIN read_parquet('{folder}/mentions.parquet') m ON m.id = x.mention_id)"
            elif table_ == "documents":
                src = (f"(SELECT x.* FROM {src} x SEMI JOIN (SELECT DISTINCT doc_id FROM "
                       f"read_parquet('{folder}/mentions.parquet')) m ON m.doc_id = x.id)")
            con.execute(f"INSERT INTO {table_} BY NAME SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {src}")
        con.execute("CHECKPOINT")
    con.close()
    return {"load_s": round(t.s, 1), "load_cpu_s": round(cpu_seconds(resource.RUSAGE_SELF), 1),
            "load_peak_rss_mb": peak_rss_mb()}


def _merge(con, label: str) -> dict:
    """One merge in its own transaction: wall and CPU seconds, each step's seconds."""
    from timeline.store import merge

    timings: dict = {}
    cpu0, t0 = cpu_seconds(resource.RUSAGE_SELF), time.perf_counter()
    with Timer() as t:
        con.execute("BEGIN")
        # each step as it begins, with the time so far (a run stopped by hand still says where it was)
        counts = merge.run(con, timings, on_step=lambda step: print(
            f"  {label}: {step} at {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True))
        con.execute("COMMIT")
    res = {"s": round(t.s, 1), "cpu_s": round(cpu_seconds(resource.RUSAGE_SELF) - cpu0, 1)}
    res.update({k: (round(v, 1) if isinstance(v, float) else v) for k, v in timings.items()})
    res.update(counts)
    return res


def run(db: Path, memory: str) -> dict:
    """The merge of the loaded database, then a second one (what every later ingest pays: the same
    mentions, so nothing to write), in a process of its own (DuckDB at `memory`)."""
    con = _connect(db, memory)
    first = _merge(con, "merge")
    res = {"merge_s": first.pop("s"), "merge_cpu_s": first.pop("cpu_s"), **first, "peak_rss_mb": peak_rss_mb()}
    again = _merge(con, "re-merge")
    res.update({"remerge_s": again["s"], "remerge_cpu_s": again["cpu_s"], "remerge_write_s": again["write_s"]})
    con.close()
    return res


def _child(*args: str) -> dict:
    p = subprocess.run([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    if p.returncode:
        raise SystemExit(f"{' '.join(args)}: exit {p.returncode}")
    return json.loads(p.stdout.splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", help="a database made by `timeline ingest` of the benchmark corpus")
    ap.add_argument("--sizes", nargs="+", type=int, default=[1_000_000, 10_000_000])
    ap.add_argument("--world", choices=sorted(VARIANTS), default="growing", help="see the docstring")
    ap.add_argument("--keep", type=Path, help="keep the merged database of the largest size here")
    ap.add_argument("--memory", default="3GB", help="DuckDB's memory_limit for the merge (default 3GB)")
    ap.add_argument("--load", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--merge", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.load or a.merge:
        print(json.dumps(load(Path(a.load[0]), Path(a.load[1])) if a.load else run(Path(a.merge), a.memory)))
        return
    old = RESULTS / "merge.json"
    rows = [r for r in json.loads(old.read_text())["runs"] if "world" in r] if old.exists() else []  # this version's runs
    for n in a.sizes:
        with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
            folder = Path(tmp) / "pq"
            with Timer() as t:
                info = synth(a.source, n, folder, a.world)
            db = (a.keep if a.keep and n == max(a.sizes) else Path(tmp) / "m.duckdb")
            if db.exists():
                db.unlink()
            loaded = _child("--load", str(folder), str(db))
            r = {"mentions_requested": n, **info, "synth_s": round(t.s, 1), **loaded,
                 **_child("--merge", str(db), "--memory", a.memory), "memory_limit": a.memory,
                 "load_avg_1m_after": round(os.getloadavg()[0], 2)}
            print(json.dumps(r), flush=True)
            rows = [x for x in rows if (x["mentions_requested"], x.get("world"), x.get("memory_limit", "3GB"))
                    != (n, a.world, a.memory)] + [r]
    rows.sort(key=lambda r: (r.get("world", ""), r["mentions_requested"]))
    cols = ["world", "memory_limit", "mentions", "pairs", "events", "load_s", "merge_s", "merge_cpu_s", "keys_s", "pairs_s", "cluster_s",
            "ids_s", "write_s", "peak_rss_mb", "remerge_s", "remerge_write_s"]
    print(table(rows, cols))
    save("merge", {"note": "synthesised: real extracted mentions copied with shifted dates, remapped actors, new "
                           "documents (see bench/bench_merge.py, --world); DuckDB memory_limit as given (memory_limit), 2 threads; "
                           "seconds are wall, *_cpu_s CPU of the merging process",
                   "runs": rows})


if __name__ == "__main__":
    main()
