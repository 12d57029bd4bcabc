"""`timeline remove DOC_ID...`: documents go with their mentions (claims), their actors and
quantities; the events re-merge from what remains, in one transaction. An event left without
a source is recorded in removed_events (its permalink says it was removed, and why); an event
with other sources is chosen again from them; a correction whose event went is kept, orphaned
and reported. A removed original's copies get the earliest of them as their new original.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyarrow as pa

from ..store import merge
from ..store.writer import delete_documents
from . import mirrors
from .apply import apply, orphan_warnings


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    events_removed: list[str] = field(default_factory=list)
    events_rechosen: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.unknown

    def line(self) -> str:
        b, a = self.before, self.after
        return (f"{len(self.removed)} documents removed ({b.get('documents', 0)} -> {a.get('documents', 0)}), "
                f"mentions {b.get('mentions', 0)} -> {a.get('mentions', 0)}, events {b.get('events', 0)} -> "
                f"{a.get('events', 0)}: {len(self.events_removed)} removed with their sources, "
                f"{len(self.events_rechosen)} chosen again from their other sources")


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("documents", "mentions", "events", "event_actors", "event_aliases", "corrections", "removed_events")}


def remove(con, doc_ids: list[str], by: str | None = None, why: str | None = None) -> RemoveReport:
    report = RemoveReport()
    wanted = list(dict.fromkeys(doc_ids))
    t = pa.table({"id": pa.array(wanted, pa.string())})  # noqa: F841
    known = {r[0] for r in con.execute("SELECT id FROM documents WHERE id IN (SELECT id FROM t)").fetchall()}
    report.removed = [d for d in wanted if d in known]
    report.unknown = [d for d in wanted if d not in known]
    report.before = counts(con)
    if not report.removed:
        report.after = report.before
        report.warnings = orphan_warnings(con)
        return report
    rm = pa.table({"id": pa.array(report.removed, pa.string())})  # noqa: F841
    affected = sorted(r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM mentions WHERE doc_id IN (SELECT id FROM rm) AND event_id IS NOT NULL").fetchall())
    reason = "all its sources were removed (" + ", ".join(report.removed) + ")"
    if by or why:
        reason += f" by {by or 'unknown'}" + (f": {why}" if why else "")
    con.execute("BEGIN")
    try:
        mirrors.reroot(con, report.removed)
        delete_documents(con, report.removed)
        con.execute("DELETE FROM document_signatures WHERE doc_id IN (SELECT id FROM rm)").fetchall()
        merge.run(con)
        apply(con)
        live = {r[0] for r in con.execute("SELECT id FROM events").fetchall()}
        aliases = dict(con.execute("SELECT alias, event_id FROM event_aliases").fetchall())
        for e in affected:
            if e in live:
                report.events_rechosen.append(e)
            elif aliases.get(e) in live:
                report.events_rechosen.append(e)  # joined into another; its permalink redirects
            else:
                report.events_removed.append(e)
        if report.events_removed:
            gone = pa.table({"id": pa.array(report.events_removed, pa.string())})  # noqa: F841
            con.execute("INSERT OR REPLACE INTO removed_events (id, removed_at, reason) "
                        "SELECT id, current_timestamp, ? FROM gone", [reason]).fetchall()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    report.after = counts(con)
    report.warnings = orphan_warnings(con)
    return report
