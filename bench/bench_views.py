"""Latency of the site's views and of typical ad hoc queries on a large database.

    python bench/bench_views.py --events 1000000 [--repeat 5]   # synthesise, then time
    python bench/bench_views.py DB [--repeat 5]                 # an existing database

--events N: the seeds ingested by the real pipeline, every row copied with new ids and dates
shifted by months until there are N events (bench/bench_site.py's synthesis), and the stored
views computed as the end of an ingest computes them (the time is reported).
For each view in sql/views/site_*.sql: the first page (LIMIT 100, in the view's own order,
as the site reads a listing page), and for the aggregate views all rows. Ad hoc: one actor's
events by month, event counts by type and year, one event's page by id, a date range.
Median of --repeat runs after one warm-up, on a read-only connection (DuckDB default threads).
Writes bench/results/views.json.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, save, table  # noqa: E402

AGGREGATES = {"site_about_counts", "site_types", "site_years", "site_actors"}


def timed(con, q: str, repeat: int) -> tuple[float, int]:
    n = len(con.sql(q).fetchall())
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        con.sql(q).fetchall()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db", nargs="?")
    ap.add_argument("--events", type=int, help="synthesise a database of this many events first")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    import duckdb

    shape = {}
    if a.events:
        from bench_site import synthesise

        a.db = a.db or str(Path(tempfile.mkdtemp(prefix="bench-views-")) / "views.duckdb")
        shape = synthesise(Path(a.db), a.events)
        print(f"synthesised {shape} into {a.db}")
    con = duckdb.connect(a.db, read_only=True)
    events = con.sql("SELECT count(*) FROM events").fetchall()[0][0]
    mentions = con.sql("SELECT count(*) FROM mentions").fetchall()[0][0]
    actor = con.sql("SELECT actor_id FROM event_actors GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchall()[0][0]
    some = con.sql("SELECT id FROM events ORDER BY id LIMIT 1 OFFSET 1000").fetchall()[0][0]
    rows = []
    for f in sorted((ROOT / "sql" / "views").glob("site_*.sql")):
        v = f.stem
        q = f"SELECT * FROM {v}" if v in AGGREGATES else f"SELECT * FROM {v} LIMIT 100"
        ms, n = timed(con, q, a.repeat)
        rows.append({"query": q, "kind": "aggregate" if v in AGGREGATES else "first page", "rows": n, "ms": round(ms, 1)})
    adhoc = {
        "actor's events by month": f"SELECT date_trunc('month', e.date_start) AS month, count(*) FROM events e "
                                   f"JOIN event_actors ea ON ea.event_id = e.id WHERE ea.actor_id = '{actor}' "
                                   "GROUP BY 1 ORDER BY 1",
        "counts by type and year": "SELECT type, year(date_start) AS year, count(*) FROM events GROUP BY ALL ORDER BY ALL",
        "one event page": f"SELECT * FROM site_event WHERE id = '{some}'",
        "a month's events": "SELECT * FROM site_chronology WHERE date_start BETWEEN DATE '2023-10-01' AND DATE '2023-10-31' "
                            "LIMIT 100",
        "an actor's page": f"SELECT c.* FROM site_actor_events a JOIN site_chronology c ON c.id = a.event_id "
                           f"WHERE a.actor_id = '{actor}' LIMIT 100",
    }
    for name, q in adhoc.items():
        ms, n = timed(con, q, a.repeat)
        rows.append({"query": name, "kind": "ad hoc", "rows": n, "ms": round(ms, 1)})
    print(f"{events} events, {mentions} mentions ({a.db})")
    print(table(rows, ["kind", "query", "rows", "ms"]))
    save("views", {"events": events, "mentions": mentions, "db": a.db, **shape,
                   "note": "synthesised database (seed rows copied, bench/bench_site.py); median of repeats",
                   "queries": rows})


if __name__ == "__main__":
    main()
