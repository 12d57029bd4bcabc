"""Stored views: the rows of the views the site and ad hoc queries read most, kept as tables.

Each file of sql/stored/ (`1_plan_outcomes.sql`, ...) is a query; its rows are the table
stored_<name>, which the view <name> of sql/views/ reads. They are computed again at the end of
every write, inside its transaction (timeline/curation/apply.py), so a reader sees them exactly
as current as the tables they come from; files run in their numbered order because later ones
read earlier ones. An as-of build computes them as temporary tables over the record of one day."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..resources import sql_dir


def files() -> list[tuple[str, Path]]:
    """(view name, query file) in the order they are computed."""
    found = []
    for f in (sql_dir() / "stored").glob("*.sql"):
        m = re.match(r"^(\d+)_([a-z_][a-z0-9_]*)\.sql$", f.name)
        if m:
            found.append((int(m.group(1)), m.group(2), f))
    return [(name, f) for _, name, f in sorted(found)]


def table(name: str) -> str:
    return "stored_" + name


def create_sql(name: str, query_file: Path, temp: bool = False) -> str:
    """The statement that computes one stored view (as a temporary table for an as-of build)."""
    return f"CREATE OR REPLACE {'TEMP ' if temp else ''}TABLE {table(name)} AS\n" + query_file.read_text(encoding="utf-8")


def create_empty_sql(name: str, query_file: Path) -> str:
    """The statement that makes one stored view's table with its columns and no rows: enough for
    the views to bind to, at no cost, before refresh() fills it."""
    query = query_file.read_text(encoding="utf-8").rstrip().rstrip(";")
    return f"CREATE TABLE IF NOT EXISTS {table(name)} AS SELECT * FROM (\n{query}\n) LIMIT 0"


def refresh(con, temp: bool = False, skip: set[str] = frozenset()) -> None:
    """Compute every stored view again from the tables (skip: views already stood in for)."""
    for name, f in files():
        if name not in skip:
            con.execute(create_sql(name, f, temp)).fetchall()


def fingerprint() -> str:
    """Of every file the stored rows depend on: a change to any means computing them again."""
    h = hashlib.sha256()
    for folder in ("macros", "views", "stored"):
        for f in sorted((sql_dir() / folder).glob("*.sql")):
            h.update(f"{folder}/{f.name}\0".encode() + f.read_bytes() + b"\0")
    return h.hexdigest()


def missing(con) -> list[tuple[str, Path]]:
    """The stored views (name, query file) whose tables the database lacks."""
    names = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()}
    return [(n, f) for n, f in files() if table(n) not in names]


def is_current(con) -> bool:
    """The stored tables exist and were computed with this sql/."""
    if missing(con):
        return False
    row = con.execute("SELECT max(sql_sha256) FROM stored_state").fetchall()[0][0]
    return row == fingerprint()


def mark_current(con) -> None:
    con.execute("DELETE FROM stored_state").fetchall()
    con.execute("INSERT INTO stored_state VALUES (?)", [fingerprint()]).fetchall()
