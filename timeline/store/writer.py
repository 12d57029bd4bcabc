"""Writing extractions: whole documents, a batch per transaction, never part of one.

Rows go in as Arrow tables (one INSERT per table per batch), not row by row.
"""
from __future__ import annotations

import pyarrow as pa

from ..pipeline import Extraction

_DOC_TABLES = ("quantities", "mention_actors")  # keyed by mention id


def stored_documents(con) -> dict[str, tuple[str, str]]:
    """id -> (sha256, extractor) of every stored document."""
    return {r[0]: (r[1], r[2]) for r in con.execute("SELECT id, sha256, extractor FROM documents").fetchall()}


def _rows(batch: list[Extraction]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {k: [] for k in ("documents", "mentions", "mention_actors", "quantities", "actors", "places")}
    for ex in batch:
        d = ex.document
        rows["documents"].append({
            "id": d.id, "sha256": d.sha256, "text": d.text, "lang": ex.lang, "lang_detected": ex.lang_detected,
            "url": d.url, "source": d.source, "title": d.title, "published": d.published,
            "ref_date": ex.ref.date, "ref_how": ex.ref.how, "origin": d.origin, "extractor": ex.extractor})
        for seq, m in enumerate(ex.mentions):
            rows["mentions"].append({
                "id": m.id, "doc_id": d.id, "seq": seq, "type": m.type, "status": m.status, "cancelled": m.cancelled,
                "start": m.start, "end": m.end, "quote": m.quote, "lang": m.lang,
                "date_start": m.date_start, "date_end": m.date_end, "precision": m.precision, "basis": m.basis,
                "edtf": m.edtf, "date_text": m.date_text,
                "window_start": m.plan_window[0] if m.plan_window else None,
                "window_end": m.plan_window[1] if m.plan_window else None,
                "place_id": m.place.id if m.place else None, "reported": ex.ref.date,
                "confidence": m.confidence, "rule": m.rule, "trigger": m.trigger})
            for a, role in m.actors:
                rows["mention_actors"].append({"mention_id": m.id, "actor_id": a.id, "role": role, "text": a.text})
                rows["actors"].append({"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                                       "provisional": a.provisional})
            if m.place:
                rows["places"].append({"id": m.place.id, "name": m.place.name, "country": m.place.country})
            if m.quantity:
                q = m.quantity
                rows["quantities"].append({"mention_id": m.id, "value": q.value, "unit": q.unit,
                                           "period": q.period, "text": q.text})
    return rows


def delete_documents(con, doc_ids: list[str]) -> None:
    """A document with its mentions, their actors and quantities (inside the caller's transaction)."""
    if not doc_ids:
        return
    ids = pa.table({"id": doc_ids})  # noqa: F841 (read by DuckDB by name)
    for table in _DOC_TABLES:
        con.execute(f"DELETE FROM {table} WHERE mention_id IN (SELECT id FROM mentions WHERE doc_id IN (SELECT id FROM ids))")
    con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT id FROM ids)")
    con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM ids)")


def write_batch(con, batch: list[Extraction]) -> None:
    """Replace the batch's documents whole, in one transaction."""
    if not batch:
        return
    rows = _rows(batch)
    con.execute("BEGIN")
    try:
        delete_documents(con, [ex.document.id for ex in batch])
        for table in ("documents", "mentions", "mention_actors", "quantities"):
            if rows[table]:
                arrow = pa.Table.from_pylist(rows[table])  # noqa: F841
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
        for table in ("actors", "places"):
            if rows[table]:
                arrow = pa.Table.from_pylist(rows[table])  # noqa: F841
                con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT DISTINCT ON (id) * FROM arrow")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
