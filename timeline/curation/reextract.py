"""`timeline reextract [--all]`: extract stored documents again (their stored text and
metadata) with the current extractor, language data, gazetteer and occasions, and re-merge.

A document is stale when its stored `extractor` (timeline.pipeline.extractor_version, a
content hash that includes the user's gazetteer file) is not the current one. Documents are
written whole, a batch per transaction (timeline.store.writer.write_batch). Event ids stay:
before a batch is written, the event id of each of its mentions is kept in reextract_carry;
after, each new mention takes the id of the old mention with its id, else of the one of its
type whose span overlaps it most, and the merge keeps the ids its mentions had (a crash in
between is made good by the next run). Corrections are applied again after the merge.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pyarrow as pa
from tqdm import tqdm

from ..errors import InputError
from ..model import Document
from ..pipeline import extract_document, extractor_version
from ..store.writer import write_batch
from . import mirrors
from .removal import counts

BATCH = 64

_RESTORE = """
UPDATE mentions SET event_id = c.event_id
FROM (SELECT m.id,
             arg_min(c.event_id, (c.mention_id <> m.id, -(least(m."end", c."end") - greatest(m.start, c.start)), c.mention_id)) AS event_id
      FROM mentions m
      JOIN reextract_carry c ON c.doc_id = m.doc_id
       AND (c.mention_id = m.id OR c.type = m.type AND c.start < m."end" AND m.start < c."end")
      WHERE m.event_id IS NULL
      GROUP BY m.id) c
WHERE mentions.id = c.id
"""


@dataclass
class ReextractReport:
    stale: int = 0             # documents extracted with another version, before
    reextracted: int = 0
    errors: list[InputError] = field(default_factory=list)
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    ids_kept: int = 0          # events of before that still live (or are aliases of one that does)
    ids_lost: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        b, a = self.before, self.after
        return (f"{self.reextracted} documents re-extracted ({self.stale} were stale), {len(self.errors)} failed; "
                f"mentions {b.get('mentions', 0)} -> {a.get('mentions', 0)}, events {b.get('events', 0)} -> "
                f"{a.get('events', 0)}; {self.ids_kept} event ids kept, {len(self.ids_lost)} gone")


def _restore(con) -> None:
    """Give the carried event ids back to the new mentions, and forget them (one transaction)."""
    con.execute("BEGIN")
    try:
        con.execute(_RESTORE).fetchall()
        con.execute("DELETE FROM reextract_carry").fetchall()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def reextract(con, all_: bool = False, user_gazetteer: str | None = None, progress: bool | None = None) -> ReextractReport:
    from ..ingest.run import remerge

    report = ReextractReport()
    version = extractor_version(user_gazetteer)
    if con.execute("SELECT count(*) FROM reextract_carry").fetchall()[0][0]:
        _restore(con)  # left by a run that stopped between writing and restoring
    report.before = counts(con)
    events_before = {r[0] for r in con.execute("SELECT id FROM events").fetchall()}
    report.stale = con.execute("SELECT count(*) FROM documents WHERE extractor <> ?", [version]).fetchall()[0][0]
    ids = [r[0] for r in con.execute(
        "SELECT id FROM documents" + ("" if all_ else " WHERE extractor <> ?") + " ORDER BY id",
        [] if all_ else [version]).fetchall()]
    show = progress if progress is not None else (sys.stderr.isatty() and len(ids) > 20)
    bar = tqdm(total=len(ids), desc="reextract", unit="doc", disable=not show)
    for i in range(0, len(ids), BATCH):
        chunk = pa.table({"id": pa.array(ids[i:i + BATCH], pa.string())})  # noqa: F841
        rows = con.execute("SELECT id, text, lang, lang_detected, url, published, source, title, origin "
                           "FROM documents WHERE id IN (SELECT id FROM chunk) ORDER BY id").fetchall()
        batch = []
        for did, text, lang, detected, url, published, source, title, origin in rows:
            doc = Document(id=did, text=text, lang=None if detected else lang, url=url, published=published,
                           source=source, title=title, origin=origin or did)
            try:
                batch.append(extract_document(doc, user_gazetteer))
            except InputError as e:
                report.errors.append(e)
            except Exception as e:  # an extractor bug must not lose the rest of the run
                report.errors.append(InputError(doc.origin, f"extraction failed: {e.__class__.__name__}: {e}"))
        bar.update(len(rows))
        if not batch:
            continue
        done = pa.table({"id": pa.array([ex.document.id for ex in batch], pa.string())})  # noqa: F841
        con.execute("BEGIN")
        try:
            con.execute('INSERT INTO reextract_carry SELECT m.id, m.doc_id, m.type, m.start, m."end", m.event_id, NULL '
                        "FROM mentions m WHERE m.doc_id IN (SELECT id FROM done) AND m.event_id IS NOT NULL").fetchall()
            # the rewritten rows lose mirror_of: their signatures go, so detection looks at them again
            con.execute("DELETE FROM document_signatures WHERE doc_id IN (SELECT id FROM done)").fetchall()
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        write_batch(con, batch)
        _restore(con)
        report.reextracted += len(batch)
    bar.close()
    mirrors.detect(con)
    remerge(con)
    report.after = counts(con)
    live = {r[0] for r in con.execute("SELECT id FROM events").fetchall()}
    aliases = dict(con.execute("SELECT alias, event_id FROM event_aliases").fetchall())
    report.ids_kept = sum(1 for e in events_before if e in live or aliases.get(e) in live)
    report.ids_lost = sorted(e for e in events_before if e not in live and aliases.get(e) not in live)
    from .apply import orphan_warnings

    report.warnings = orphan_warnings(con)
    return report
