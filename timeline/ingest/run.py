"""Ingestion: read documents, extract each, store each whole, then merge.

One document per transaction: a crash or a bad neighbour never leaves part of
a document stored, and the good documents of a run are kept.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from ..curation import mirrors
from ..curation.apply import apply as apply_curation
from ..errors import InputError
from ..model import Document
from ..pipeline import extract_document, extractor_version
from ..store import merge
from ..store.writer import stored_documents, write_batch
from .readers import read_documents


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


def ingest(con, paths: Iterable[str | Path], progress: bool | None = None,
           user_gazetteer: str | None = None) -> IngestReport:
    report = IngestReport()
    stored = stored_documents(con)
    seen: dict[str, str] = {}
    items = list(read_documents(paths))
    show = progress if progress is not None else (sys.stderr.isatty() and len(items) > 20)
    for item in tqdm(items, desc="ingest", unit="doc", disable=not show):
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        doc: Document = item
        if doc.id in seen:
            report.errors.append(InputError(doc.origin, f"document id {doc.id!r} is also given by {seen[doc.id]}; skipped"))
            continue
        seen[doc.id] = doc.origin
        before = stored.get(doc.id)
        if before and before[0] == doc.sha256:
            report.unchanged += 1
            continue
        try:
            extraction = extract_document(doc, user_gazetteer)
        except InputError as e:
            report.errors.append(e)
            continue
        except Exception as e:  # an extractor bug must not lose the rest of the run
            report.errors.append(InputError(doc.origin, f"extraction failed: {e.__class__.__name__}: {e}"))
            continue
        write_batch(con, [extraction])
        report.mentions += len(extraction.mentions)
        if before:
            report.replaced += 1
        else:
            report.added += 1
    mirrors.detect(con)  # copies of one article among the new and changed documents (documents.mirror_of)
    version = extractor_version(user_gazetteer)
    report.stale = sum(1 for i, (_, v) in stored_documents(con).items() if v != version)
    counts = remerge(con)
    report.mentions, report.events = counts["mentions"], counts["events"]
    return report


def remerge(con) -> dict[str, int]:
    con.execute("BEGIN")
    try:
        counts = merge.run(con)
        apply_curation(con, counts)  # copies join their originals' events; corrections, in the order made
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts
