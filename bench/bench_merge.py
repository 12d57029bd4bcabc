"""The merge at scale: 1M and 10M mentions loaded from Parquet, merged by timeline/store/merge.py.

    python bench/bench_merge.py --source DB --sizes 1000000 10000000 [--keep DIR]

Synthesised, not extracted: the real mentions of a database made by `timeline ingest` of the
benchmark corpus (DB) are copied K times; copy c gets its own documents and mention ids, its
dates (and reference dates, plan windows) shifted by a whole number of days drawn from copy c
and the document (within about +-6 years), and its people, bodies and countries remapped, per
copy and document, (each actor becomes one of 20 variants of itself, a country one of 8: a world with more parties than the source's).
The copies are written as Parquet (like `timeline extract`), then each size runs in a fresh
process: load the Parquet into a new database, then merge (DuckDB limited to 3 GB, 2 threads;
it spills to a temp folder past that). Peak RSS is the process's. Writes bench/results/merge.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import RESULTS, ROOT, Timer, peak_rss_mb, save, table  # noqa: E402

sys.path.insert(0, str(ROOT))

SHIFT = "(CAST(hash(c, doc_id) % 4400 AS BIGINT) - 2200)"  # days, per copy and document


def synth(source: str, n: int, out: Path) -> dict:
    import duckdb

    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    m = con.execute("SELECT count(*) FROM src.mentions").fetchall()[0][0]
    k = -(-n // m)
    con.execute(f"CREATE TEMP TABLE copies AS SELECT range AS c FROM range({k})")
    # a larger world than the source's: each actor becomes one of F variants of itself (F per
    # kind), chosen per copy, so copies name other parties as often as they name the same
    con.execute("""CREATE TEMP TABLE akind AS SELECT a.id, a.name, a.kind, a.country, a.provisional, f.f
        FROM src.actors a JOIN (VALUES ('person', 20), ('organisation', 20), ('country', 8)) f(kind, f) ON f.kind = a.kind""")
    shift = f"INTERVAL ({SHIFT}) DAY"
    con.execute(f"""COPY (
        SELECT * EXCLUDE (id, doc_id, date_start, date_end, window_start, window_end, reported, event_id),
               id || '~' || c AS id, doc_id || '~' || c AS doc_id,
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
                  FROM akind k, range(20) v WHERE v.range < k.f) TO '{out}/actors.parquet' (FORMAT parquet)""")
    con.execute(f"COPY (SELECT * FROM src.places) TO '{out}/places.parquet' (FORMAT parquet)")
    return {"source_mentions": m, "copies": k}


def run(folder: Path, db: Path) -> dict:
    from timeline.store import merge
    from timeline.store.db import connect

    con = connect(db)
    con.execute("SET memory_limit = '3GB'")
    con.execute("SET threads = 2")
    con.execute(f"SET temp_directory = '{db.parent / 'spill'}'")
    res: dict = {}
    with Timer() as t:
        con.execute("BEGIN")
        for table_ in ("documents", "mentions", "mention_actors", "quantities", "actors", "places"):
            f = folder / f"{table_}.parquet"
            cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                              "AND column_name NOT IN ('event_id', 'ingested_at', 'mirror_of')", [table_]).fetchall()]
            if table_ == "mentions":  # only mentions whose document was kept
                src = f"(SELECT * FROM read_parquet('{f}'))"
            elif table_ in ("mention_actors", "quantities"):
                src = f"(SELECT x.* FROM read_parquet('{f}') x SEMI JOIN read_parquet('{folder}/mentions.parquet') m ON m.id = x.mention_id)"
            elif table_ == "documents":
                src = f"(SELECT x.* FROM read_parquet('{f}') x SEMI JOIN (SELECT DISTINCT doc_id FROM read_parquet('{folder}/mentions.parquet')) m ON m.doc_id = x.id)"
            else:
                src = f"read_parquet('{f}')"
            con.execute(f"INSERT INTO {table_} BY NAME SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {src}")
        con.execute("COMMIT")
    res["load_s"] = round(t.s, 1)
    res["rss_after_load_mb"] = peak_rss_mb()
    timings: dict = {}
    with Timer() as t:
        con.execute("BEGIN")
        counts = merge.run(con, timings)
        con.execute("COMMIT")
    res["merge_s"] = round(t.s, 1)
    res.update({k: (round(v, 1) if isinstance(v, float) else v) for k, v in timings.items()})
    res.update(counts)
    res["peak_rss_mb"] = peak_rss_mb()
    con.close()
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", help="a database made by `timeline ingest` of the benchmark corpus")
    ap.add_argument("--sizes", nargs="+", type=int, default=[1_000_000, 10_000_000])
    ap.add_argument("--keep", type=Path, help="keep the merged database of the largest size here")
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run(Path(a.one[0]), Path(a.one[1]))))
        return
    old = RESULTS / "merge.json"
    rows = json.loads(old.read_text())["runs"] if old.exists() else []
    for n in a.sizes:
        with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
            folder = Path(tmp) / "pq"
            with Timer() as t:
                info = synth(a.source, n, folder)
            db = (a.keep if a.keep and n == max(a.sizes) else Path(tmp) / "m.duckdb")
            if db.exists():
                db.unlink()
            p = subprocess.run([sys.executable, __file__, "--one", str(folder), str(db)], capture_output=True,
                               text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
            if p.returncode:
                raise SystemExit(p.stderr)
            r = {"mentions_requested": n, **info, "synth_s": round(t.s, 1), **json.loads(p.stdout.splitlines()[-1]),
                 "load_avg_1m_after": round(os.getloadavg()[0], 2)}
            print(json.dumps(r), flush=True)
            rows = [x for x in rows if x["mentions_requested"] != n] + [r]
    rows.sort(key=lambda r: r["mentions_requested"])
    cols = ["mentions", "events", "pairs", "load_s", "merge_s", "keys_s", "pairs_s", "cluster_s", "ids_s", "write_s",
            "peak_rss_mb"]
    print(table(rows, cols))
    save("merge", {"note": "synthesised: real extracted mentions copied with shifted dates, remapped actors, new "
                           "documents (see bench/bench_merge.py); DuckDB memory_limit 3GB, 2 threads",
                   "runs": rows})


if __name__ == "__main__":
    main()
