"""Reading the site's views and table macros by name: the only SQL the site runs is
`SELECT * FROM <view>`, a temporary table of a table macro's rows standing in for a table (an as-of
build), and COPY of a view to a file; everything else lives in sql/."""
from __future__ import annotations

import re

from ..resources import sql_dir

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def _names(folder: str) -> set[str]:
    return {f.stem for f in (sql_dir() / folder).glob("*.sql")}


def read_view(con, name: str) -> list[dict]:
    """Every row of one view of sql/views/ (named after its file), as dicts."""
    if not _NAME.match(name) or name not in _names("views"):
        raise ValueError(f"no view named {name!r} in sql/views/")
    cur = con.execute(f"SELECT * FROM {name}")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def stand_in(con, name: str, macro: str, *params) -> None:
    """A temporary table named after the table `name`, holding the rows of a table macro of
    sql/macros/ (an as-of build's record of one day): every later query, and every view, reads
    it instead of the table."""
    if not _NAME.match(name) or name not in _tables(con):
        raise ValueError(f"no table named {name!r}")
    if not _NAME.match(macro) or macro not in _macro_names():
        raise ValueError(f"no table macro named {macro!r} in sql/macros/")
    marks = ", ".join("?" for _ in params)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {macro}({marks})", list(params)).fetchall()


def copy_view(con, name: str, path: str, fmt: str) -> None:
    """Write every row of one view to a file with DuckDB's COPY (fmt: json, csv or parquet)."""
    if not _NAME.match(name) or name not in _names("views"):
        raise ValueError(f"no view named {name!r} in sql/views/")
    options = {"json": "FORMAT json, ARRAY true", "csv": "FORMAT csv, HEADER true",
               "parquet": "FORMAT parquet, COMPRESSION zstd"}[fmt]
    con.execute(f"COPY (SELECT * FROM {name}) TO '{_quote(path)}' ({options})").fetchall()


def _quote(path: str) -> str:
    return str(path).replace("'", "''")


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()}


def _macro_names() -> set[str]:
    """Every macro defined in sql/macros/ (a file may define several)."""
    out = set()
    for f in (sql_dir() / "macros").glob("*.sql"):
        out.update(re.findall(r"CREATE OR REPLACE MACRO ([a-z_][a-z0-9_]*)", f.read_text(encoding="utf-8")))
    return out


def read_view_arrow(con, name: str):
    """Every row of one view as an Arrow table: rows become Python objects only where they are
    used (an event page's row, in the process that renders it)."""
    if not _NAME.match(name) or name not in _names("views"):
        raise ValueError(f"no view named {name!r} in sql/views/")
    return con.sql(f"SELECT * FROM {name}").to_arrow_table()
