"""Ingestion: read documents, extract each, store them whole, then merge.

Extraction runs in this process or in a pool of worker processes (`workers`,
timeline/ingest/parallel.py); one writer, here, stores whole documents in
batches (`batch_size` documents a transaction, Arrow tables). A crash or a bad
neighbour never leaves part of a document stored: a batch that fails to store
is retried a document at a time, and the good documents of a run are kept.
Chunks come back in input order, so any number of workers stores the same rows.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
from tqdm import tqdm

from ..curation import mirrors
from ..curation.apply import apply as apply_curation
from ..errors import InputError
from ..model import Document
from ..pipeline import extractor_version
from ..store import merge
from ..store.writer import concat, stored_documents, write_tables
from .parallel import chunked, extract_chunks
from .readers import expand, read_documents

BATCH_SIZE = 200  # documents a transaction
CHUNK_SIZE = 16   # documents an extraction task (in a worker or in this process)


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    stale: int = 0  # stored documents extracted by another extractor version
    errors: list[InputError] = field(default_factory=list)
    mentions: int = 0
    events: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        s = (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
             f"{len(self.errors)} skipped; {self.events} events from {self.mentions} mentions")
        if self.stale:
            s += f"; {self.stale} stored documents are stale (run `timeline reextract`)"
        return s


def count_documents(paths: Iterable[str | Path]) -> int:
    """About how many documents the inputs hold (a JSONL line each, a file each otherwise), for a progress bar."""
    n = 0
    for item in expand(paths):
        if isinstance(item, Path) and item.suffix.lower() == ".jsonl":
            try:
                with item.open("rb") as f:
                    n += sum(1 for line in f if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


def to_extract(con, paths, report: IngestReport, stored: dict[str, tuple[str, str]] | None = None,
               bar=None) -> Iterator[Document]:
    """The documents of `paths` that need extracting; errors, duplicate ids and unchanged ones go to `report`."""
    stored = stored_documents(con) if stored is None else stored
    seen: dict[str, str] = {}
    for item in read_documents(paths):
        if isinstance(item, InputError):
            report.errors.append(item)
            if bar is not None:
                bar.update(1)
            continue
        doc: Document = item
        if doc.id in seen:
            report.errors.append(InputError(doc.origin, f"document id {doc.id!r} is also given by {seen[doc.id]}; skipped"))
            if bar is not None:
                bar.update(1)
            continue
        seen[doc.id] = doc.origin
        before = stored.get(doc.id)
        if before and before[0] == doc.sha256:
            report.unchanged += 1
            if bar is not None:
                bar.update(1)
            continue
        yield doc


def _one_document(tables: dict[str, pa.Table], doc_id: str) -> dict[str, pa.Table]:
    mentions = tables["mentions"].filter(pc.equal(tables["mentions"]["doc_id"], doc_id))
    mids = mentions["id"]
    out = {"documents": tables["documents"].filter(pc.equal(tables["documents"]["id"], doc_id)), "mentions": mentions}
    for t in ("mention_actors", "quantities"):
        out[t] = tables[t].filter(pc.is_in(tables[t]["mention_id"], value_set=mids))
    for t in ("actors", "places"):
        out[t] = tables[t]
    return out


def _store(con, tables: dict[str, pa.Table], replace: list[str], report: IngestReport,
           origins: dict[str, str]) -> None:
    """One transaction for the batch; when it fails, one per document, so only the bad one is skipped."""
    try:
        write_tables(con, tables, replace)
        return
    except duckdb.Error:
        if tables["documents"].num_rows == 1:
            raise
    for doc_id in tables["documents"]["id"].to_pylist():
        try:
            write_tables(con, _one_document(tables, doc_id), [doc_id] if doc_id in replace else [])
        except duckdb.Error as e:
            report.errors.append(InputError(origins.get(doc_id, doc_id), f"cannot be stored: {str(e).splitlines()[0]}"))
            if doc_id in replace:
                report.replaced -= 1
            else:
                report.added -= 1


def ingest(con, paths: Iterable[str | Path], progress: bool | None = None,
           user_gazetteer: str | None = None, workers: int = 1, batch_size: int = BATCH_SIZE) -> IngestReport:
    report = IngestReport()
    paths = list(paths)
    stored = stored_documents(con)
    total = count_documents(paths) if progress or (progress is None and sys.stderr.isatty()) else None
    show = progress if progress is not None else (total or 0) > 20
    bar = tqdm(total=total, desc="ingest", unit="doc", disable=not show)
    docs = to_extract(con, paths, report, stored, bar)
    pending: list[dict[str, pa.Table]] = []
    pending_docs, replace, origins = 0, [], {}

    def flush():
        nonlocal pending, pending_docs, replace, origins
        if pending:
            _store(con, concat(pending), replace, report, origins)
        pending, pending_docs, replace, origins = [], 0, [], {}

    with bar:
        for tables, outcomes in extract_chunks(chunked(docs, CHUNK_SIZE), workers, user_gazetteer):
            for o in outcomes:
                bar.update(1)
                if o.error is not None:
                    report.errors.append(o.error)
                    continue
                origins[o.doc_id] = o.origin
                if o.doc_id in stored:
                    report.replaced += 1
                    replace.append(o.doc_id)
                else:
                    report.added += 1
            if tables["documents"].num_rows:
                pending.append(tables)
                pending_docs += tables["documents"].num_rows
            if pending_docs >= batch_size:
                flush()
        flush()
    mirrors.detect(con)  # copies of one article among the new and changed documents (documents.mirror_of)
    version = extractor_version(user_gazetteer)
    report.stale = sum(1 for i, (_, v) in stored_documents(con).items() if v != version)
    counts = remerge(con, show)
    report.mentions, report.events = counts["mentions"], counts["events"]
    return report


def ingest_parquet(con, folder: str | Path, progress: bool | None = None) -> IngestReport:
    """Load an extract folder (timeline/distributed.py) and merge."""
    from ..distributed import load

    report = IngestReport()
    n = load(con, folder)
    report.added, report.replaced, report.unchanged = n["added"], n["replaced"], n["unchanged"]
    mirrors.detect(con)
    counts = remerge(con, progress if progress is not None else sys.stderr.isatty())
    report.mentions, report.events = counts["mentions"], counts["events"]
    return report


def remerge(con, show: bool = False) -> dict[str, int]:
    """Merge every mention, then curate and compute the stored views: one transaction. `show`: a
    progress bar of its steps (minutes at millions of mentions)."""
    steps = (*merge.STEPS, "curation and stored views")
    with tqdm(total=len(steps), desc="merge", disable=not show, bar_format="{desc} ({n}/{total} done) [{elapsed}]") as bar:
        def step(name: str) -> None:
            bar.update(steps.index(name) - bar.n)
            bar.set_description_str(f"merge: {name}")

        con.execute("BEGIN")
        try:
            counts = merge.run(con, on_step=step)
            step(steps[-1])
            apply_curation(con, counts)  # copies join their originals' events; corrections, in the order made
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        bar.update(len(steps) - bar.n)
    return counts
