"""Connections to the DuckDB file, and applying sql/ (schema, views, macros) to it."""
from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from ..errors import DatabaseBusy, SchemaError
from ..resources import sql_dir
from . import stored

MEMORY_ENV = "TIMELINE_MEMORY_LIMIT"  # DuckDB's memory_limit for every connection, when set
SCHEMA_VERSION = 4  # the highest numbered file in sql/schema/


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database; a writer gets the schema and views applied.

    DuckDB lets one process write a file at a time: a second writer (or a reader
    while someone writes) is told so in one line, not with a lock trace.
    """
    path = str(path)
    if read_only and not Path(path).exists():
        raise SchemaError(f"{path}: no such database; run `timeline ingest` first")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise DatabaseBusy(path) from None
        raise SchemaError(f"{path}: cannot open the database: {e}") from None
    limit = os.environ.get(MEMORY_ENV)
    if limit:
        try:
            con.execute("SET memory_limit = ?", [limit])
        except duckdb.Error as e:
            con.close()
            raise SchemaError(f"{MEMORY_ENV}={limit!r}: {str(e).splitlines()[0]}") from None
    if not read_only:
        try:
            apply_sql(con, path)
        except BaseException:
            con.close()
            raise
    else:
        try:
            check_version(con, path)
        except BaseException:
            con.close()
            raise
    return con


def _version(con) -> int | None:
    has = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchall()[0][0]
    if not has:
        return None
    return con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0]


def _newer(path: str, v: int) -> SchemaError:
    return SchemaError(f"{path}: this database was written by a newer timeline (schema {v}; this one knows "
                       f"{SCHEMA_VERSION} at most): upgrade timeline to open it; nothing was changed")


def check_version(con, path: str) -> None:
    v = _version(con)
    if v is None:
        raise SchemaError(f"{path}: not a timeline database (no schema_version table)")
    if v > SCHEMA_VERSION:
        raise _newer(path, v)
    if v < SCHEMA_VERSION:
        raise SchemaError(f"{path}: written with schema {v}, this timeline uses {SCHEMA_VERSION}; "
                          f"run `timeline upgrade --db {path}` (or any writing command) once to upgrade it")


def _files(folder: str) -> list[Path]:
    d = sql_dir() / folder
    return sorted(d.glob("*.sql")) if d.is_dir() else []


def schema_files() -> list[tuple[int, Path]]:
    """The numbered schema files (`001_core.sql`, `002_curation.sql`, ...) in order."""
    out = []
    for f in _files("schema"):
        m = re.match(r"^(\d+)_", f.name)
        if m:
            out.append((int(m.group(1)), f))
    return sorted(out)


def apply_sql(con, path: str = "database") -> None:
    """Schema files above the stored version in order, with their version rows, in one
    transaction (a failure leaves the database as it was); then macros and views (recreated
    each time). A database written by a newer schema is refused, untouched."""
    v = _version(con)
    if v is not None and v > SCHEMA_VERSION:
        raise _newer(path, v)
    if v is None or v < SCHEMA_VERSION:
        con.execute("BEGIN")
        try:
            for n, f in schema_files():
                if v is None or n > v:
                    con.execute(f.read_text(encoding="utf-8"))
                    con.execute("INSERT OR REPLACE INTO schema_version (version) VALUES (?)", [n])
            con.execute("COMMIT")
        except Exception as e:
            con.execute("ROLLBACK")
            if isinstance(e, duckdb.Error):
                raise SchemaError(f"{path}: cannot upgrade the database from schema {v} to {SCHEMA_VERSION}: "
                                  f"{str(e).splitlines()[0]}; nothing was changed") from e
            raise
    # each CREATE OR REPLACE is atomic by itself; outside a transaction a failed
    # attempt (an object it needs not made yet) does not abort the others
    statements = [f.read_text(encoding="utf-8") for f in _files("macros") + _files("views")]
    if stored.is_current(con):
        _create_objects(con, statements)
        return
    # sql/ changed since the stored views were computed. The views are dropped (none may bind
    # to an old one) and made anew with the macros, in dependency order, with any stored table
    # missing yet made empty for them to bind to; then every stored view is computed, once, in
    # order, over the new definitions, and the views bound again to their shapes. No reader can
    # open the file meanwhile (DuckDB has one writer), and a run stopped half way is finished by
    # the next writer: the fingerprint is written last.
    for name in view_names():
        con.execute(f"DROP VIEW IF EXISTS {name}")
    empty = [stored.create_empty_sql(name, f) for name, f in stored.missing(con)]
    _create_objects(con, statements + empty)
    stored.refresh(con)
    _create_objects(con, statements)
    stored.mark_current(con)


def _create_objects(con, statements: list[str]) -> None:
    """Views, macros and stored tables in dependency order: a statement whose object refers
    to one not yet made is retried after the others, so files need no ordering prefix."""
    pending = list(statements)
    while pending:
        failed = []
        for sql in pending:
            try:
                con.execute(sql)
            except duckdb.CatalogException:
                failed.append(sql)
        if len(failed) == len(pending):
            # report the first real error
            con.execute(failed[0])
        pending = failed


def view_names() -> list[str]:
    """The views in sql/views/, named after their files."""
    return [f.stem for f in _files("views")]


_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def view(con, name: str):
    """All rows of one view (named after its file in sql/views/) as a polars DataFrame."""
    if not _NAME.match(name) or name not in view_names():
        raise ValueError(f"no view named {name!r} in sql/views/")
    return con.sql(f"SELECT * FROM {name}").pl()
