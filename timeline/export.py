"""`timeline export`: the canonical events as JSONL, CSV or Parquet (spec, "The export that scorers read")."""
from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import IO

FORMATS = ("jsonl", "csv", "parquet")
FILTER_SQL = "SELECT * FROM events_filtered(?, ?, ?, ?, ?)"
# with the events a correction rejected (`timeline export --include-rejected`)
FILTER_SQL_ALL = "SELECT * FROM events_filtered(?, ?, ?, ?, ?, p_include_rejected := true)"
# CSV writes these lists as `; `-joined ids, other nested values as JSON text
_LIST_IDS = {"actors": "id", "sources": "doc"}


def filter_sql(include_rejected: bool = False) -> str:
    return FILTER_SQL_ALL if include_rejected else FILTER_SQL


def _default(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def records(con, filters: tuple = (None,) * 5, include_rejected: bool = False) -> tuple[list[str], list[tuple]]:
    cur = con.execute(filter_sql(include_rejected), list(filters))
    return [d[0] for d in cur.description], cur.fetchall()


def dicts(con, filters: tuple = (None,) * 5, include_rejected: bool = False) -> list[dict]:
    cols, rows = records(con, filters, include_rejected)
    return [dict(zip(cols, r)) for r in rows]


def write_jsonl(events: list[dict], out: IO[str]) -> None:
    for e in events:
        out.write(json.dumps(e, ensure_ascii=False, default=_default) + "\n")


def write_csv(events: list[dict], out: IO[str]) -> None:
    if not events:
        return
    w = csv.writer(out)
    cols = list(events[0])
    w.writerow(cols)
    for e in events:
        row = []
        for c in cols:
            v = e[c]
            if c in _LIST_IDS and isinstance(v, list):
                row.append("; ".join(str(x[_LIST_IDS[c]]) for x in v))
            elif isinstance(v, (list, dict)):
                row.append(json.dumps(v, ensure_ascii=False, default=_default))
            elif v is None:
                row.append("")
            else:
                row.append(v.isoformat() if isinstance(v, date) else v)
        w.writerow(row)


def write_parquet(con, path: str, filters: tuple = (None,) * 5, include_rejected: bool = False) -> None:
    import pyarrow.parquet as pq

    pq.write_table(con.sql(filter_sql(include_rejected), params=list(filters)).to_arrow_table(), path)


def export(con, fmt: str, out: IO[str] | None = None, path: str | None = None, filters: tuple = (None,) * 5,
           include_rejected: bool = False) -> int:
    """Write the events; returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not path:
            raise ValueError("parquet needs --output FILE")
        write_parquet(con, path, filters, include_rejected)
        return con.execute(f"SELECT count(*) FROM ({filter_sql(include_rejected)})", list(filters)).fetchall()[0][0]
    events = dicts(con, filters, include_rejected)
    buf = io.StringIO() if out is None else out
    (write_jsonl if fmt == "jsonl" else write_csv)(events, buf)
    if path:
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())
    return len(events)
