"""timeline: a multilingual event chronology database.

    import timeline
    db = timeline.open("timeline.duckdb")
    db.ingest(["seeds/"])
    db.events()                      # polars DataFrame, one row per canonical event
    db.sql("SELECT type, count(*) FROM events GROUP BY type")
    timeline.dates("7 октября 2023 года", lang="ru")   # temporal expressions as dicts
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

__all__ = ["open", "Timeline", "dates"]
__version__ = "0.1.0"


class Timeline:
    """A timeline database. Writers hold DuckDB's file lock until close();
    read_only=True opens a reader, which works while nothing writes."""

    def __init__(self, path: str | Path = "timeline.duckdb", read_only: bool = False):
        from .store.db import connect

        self.path = str(path)
        self.read_only = read_only
        self.con = connect(self.path, read_only=read_only)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Timeline:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, paths, progress: bool | None = None, gazetteer: str | None = None):
        """Read, extract, store and merge documents; returns an IngestReport."""
        from .ingest.run import ingest

        return ingest(self.con, [paths] if isinstance(paths, (str, Path)) else paths, progress, gazetteer)

    def sql(self, query: str, params: list | None = None):
        """Any query, as a polars DataFrame."""
        return self.con.sql(query, params=params or None).pl()

    def events(self, type: str | None = None, actor: str | None = None, lang: str | None = None,
               date_from: str | None = None, date_to: str | None = None):
        """The canonical events as a polars DataFrame (list columns for actors, sources, claims)."""
        from .export import FILTER_SQL

        return self.con.sql(FILTER_SQL, params=[type, actor, lang, date_from, date_to]).pl()

    def export(self, fmt: str = "jsonl", out=None, path: str | None = None, filters: tuple = (None,) * 5) -> int:
        from .export import export

        return export(self.con, fmt, out=out, path=path, filters=filters)


def open(path: str | Path = "timeline.duckdb", read_only: bool = False) -> Timeline:  # noqa: A001
    return Timeline(path, read_only=read_only)


def dates(text: str, lang: str, ref: date | str | None = None) -> list[dict]:
    """Temporal expressions of one document, as `timeline dates` prints them."""
    from .temporal import dates_records

    if isinstance(ref, str):
        ref = date.fromisoformat(ref)
    return dates_records(text, lang, ref)
