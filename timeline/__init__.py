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

    def ingest(self, paths, progress: bool | None = None, gazetteer: str | None = None, workers: int = 1):
        """Read, extract (in `workers` processes), store and merge documents; returns an IngestReport."""
        from .ingest.run import ingest

        return ingest(self.con, [paths] if isinstance(paths, (str, Path)) else paths, progress, gazetteer,
                      workers=workers)

    def ingest_parquet(self, folder, progress: bool | None = None):
        """Store what `timeline extract --to-parquet` wrote in `folder`, then merge; returns an IngestReport."""
        from .ingest.run import ingest_parquet

        return ingest_parquet(self.con, folder, progress)

    def sql(self, query: str, params: list | None = None):
        """Any query, as a polars DataFrame."""
        return self.con.sql(query, params=params or None).pl()

    def events(self, type: str | None = None, actor: str | None = None, lang: str | None = None,
               date_from: str | None = None, date_to: str | None = None, include_rejected: bool = False,
               as_of: str | date | None = None):
        """The canonical events as a polars DataFrame (list columns for actors, sources, claims);
        events a correction rejected only with include_rejected. With `as_of` (a day), the
        chronology as its sources told it up to that day: the table macro events_as_of (claims
        reported by then, plans in the state they had then); the filters do not apply."""
        from .export import filter_sql

        if as_of is not None:
            return self.con.sql("SELECT * FROM events_as_of(CAST(? AS DATE)) ORDER BY date_start NULLS LAST, id",
                                params=[str(as_of)]).pl()
        return self.con.sql(filter_sql(include_rejected), params=[type, actor, lang, date_from, date_to]).pl()

    def export(self, fmt: str = "jsonl", out=None, path: str | None = None, filters: tuple = (None,) * 5,
               include_rejected: bool = False) -> int:
        from .export import export

        return export(self.con, fmt, out=out, path=path, filters=filters, include_rejected=include_rejected)


    # ------------------------------------------------------------------ curation (issue 12)

    def reextract(self, all: bool = False, gazetteer: str | None = None, progress: bool | None = None):  # noqa: A002
        """Extract again the documents whose extractor version is stale (or all), re-merge keeping
        event ids, apply the corrections again; returns a ReextractReport."""
        from .curation.reextract import reextract

        return reextract(self.con, all_=all, user_gazetteer=gazetteer, progress=progress)

    def correct(self, event_id: str, by: str, why: str, *, date: str | None = None, type: str | None = None,  # noqa: A002
                status: str | None = None, actors: list[str] | tuple = (), reject: bool = False,
                merge_into: str | None = None, split_off: str | None = None):
        """Record corrections of one event (date, type, status, actors "+KAZ"/"-RUS", reject,
        merge_into another event, split_off "DOC:START") and apply them; returns a CorrectReport."""
        from .curation.corrections import record

        return record(self.con, [{"given": event_id, "by": by, "why": why, "date": date, "type": type, "status": status,
                                  "actors": list(actors), "reject": reject, "merge_into": merge_into,
                                  "split_off": split_off}])

    def correct_file(self, path: str | Path):
        """Record and apply the corrections of a TOML file (one table per correction)."""
        from .curation.corrections import read_file, record

        return record(self.con, read_file(path))

    def remove(self, doc_ids, by: str | None = None, why: str | None = None):
        """Delete documents with their mentions and re-merge; events left without a source are
        recorded as removed. Returns a RemoveReport."""
        from .curation.removal import remove

        return remove(self.con, [doc_ids] if isinstance(doc_ids, str) else list(doc_ids), by=by, why=why)

    def corrections(self):
        """Every correction with its state (applied, orphaned), as a polars DataFrame."""
        return self.con.sql("SELECT * FROM correction_status ORDER BY id").pl()

    def correction_warnings(self) -> list[str]:
        """One line per correction whose event is gone."""
        from .curation.apply import orphan_warnings

        return orphan_warnings(self.con)

def open(path: str | Path = "timeline.duckdb", read_only: bool = False) -> Timeline:  # noqa: A001
    return Timeline(path, read_only=read_only)


def dates(text: str, lang: str, ref: date | str | None = None) -> list[dict]:
    """Temporal expressions of one document, as `timeline dates` prints them."""
    from .pipeline import dates as find

    if isinstance(ref, str):
        ref = date.fromisoformat(ref)
    return find(text, lang, ref)
