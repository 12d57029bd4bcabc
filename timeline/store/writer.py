"""Writing extractions: whole documents, a batch per transaction, never part of one.

Rows go in as Arrow tables (one INSERT per table per batch), not row by row. The
tables have fixed schemas (`SCHEMAS`), so tables made apart (in worker processes,
on Dask workers, in Parquet files) concatenate and load alike.
"""
from __future__ import annotations

import pyarrow as pa

from ..pipeline import Extraction

_DOC_TABLES = ("quantities", "mention_actors")  # keyed by mention id
_S, _D, _I, _B, _F = pa.string(), pa.date32(), pa.int32(), pa.bool_(), pa.float64()

# Every table an extraction makes, in the store's column names. `ord` (the document's
# place in its run's input order) is not stored: loaders use it to keep the first
# document's actor and place rows, as a sequential ingest does.
SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("id", _S), ("sha256", _S), ("text", _S), ("lang", _S), ("lang_detected", _B),
                            ("url", _S), ("source", _S), ("title", _S), ("published", _S), ("ref_date", _D),
                            ("ref_how", _S), ("origin", _S), ("extractor", _S)]),
    "mentions": pa.schema([("id", _S), ("doc_id", _S), ("seq", _I), ("type", _S), ("status", _S), ("cancelled", _B),
                           ("start", _I), ("end", _I), ("quote", _S), ("lang", _S), ("date_start", _D),
                           ("date_end", _D), ("precision", _S), ("basis", _S), ("edtf", _S), ("date_text", _S),
                           ("window_start", _D), ("window_end", _D), ("place_id", _S), ("reported", _D),
                           ("confidence", _F), ("rule", _S), ("trigger", _S)]),
    "mention_actors": pa.schema([("mention_id", _S), ("actor_id", _S), ("role", _S), ("text", _S)]),
    "quantities": pa.schema([("mention_id", _S), ("value", _F), ("unit", _S), ("period", _S), ("text", _S)]),
    "actors": pa.schema([("id", _S), ("name", _S), ("kind", _S), ("country", _S), ("provisional", _B)]),
    "places": pa.schema([("id", _S), ("name", _S), ("country", _S)]),
}
TABLES = tuple(SCHEMAS)


def stored_documents(con) -> dict[str, tuple[str, str]]:
    """id -> (sha256, extractor) of every stored document."""
    return {r[0]: (r[1], r[2]) for r in con.execute("SELECT id, sha256, extractor FROM documents").fetchall()}


def _rows(batch: list[Extraction]) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {k: [] for k in TABLES}
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


def first_by_id(table: pa.Table) -> pa.Table:
    """The first row of each id, in the table's order (actors and places: the first document's)."""
    seen: set[str] = set()
    keep = [i for i, x in enumerate(table.column("id").to_pylist()) if not (x in seen or seen.add(x))]
    return table if len(keep) == table.num_rows else table.take(keep)


def to_arrow(batch: list[Extraction]) -> dict[str, pa.Table]:
    """The batch's rows as one Arrow table per store table (fixed schemas, input order kept)."""
    tables = {t: pa.Table.from_pylist(r, schema=SCHEMAS[t]) for t, r in _rows(batch).items()}
    for t in ("actors", "places"):
        tables[t] = first_by_id(tables[t])
    return tables


def concat(parts: list[dict[str, pa.Table]]) -> dict[str, pa.Table]:
    """One table each of the parts' tables, in one chunk (DuckDB reads a few large chunks much
    faster than many small ones)."""
    return {t: pa.concat_tables([p[t] for p in parts]).combine_chunks() for t in TABLES} if parts else {}


def delete_documents(con, doc_ids: list[str]) -> None:
    """A document with its mentions, their actors and quantities (inside the caller's transaction)."""
    if not doc_ids:
        return
    ids = pa.table({"id": doc_ids})  # noqa: F841 (read by DuckDB by name)
    for table in _DOC_TABLES:
        con.execute(f"DELETE FROM {table} WHERE mention_id IN (SELECT id FROM mentions WHERE doc_id IN (SELECT id FROM ids))")
    con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT id FROM ids)")
    con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM ids)")


def write_tables(con, tables: dict[str, pa.Table], replace: list[str] | None = None) -> None:
    """Store the documents of `tables` (as made by to_arrow) whole, in one transaction.

    `replace`: those of them that may be stored already (None: any of them), deleted first.
    """
    if not tables or tables["documents"].num_rows == 0:
        return
    con.execute("BEGIN")
    try:
        delete_documents(con, tables["documents"].column("id").to_pylist() if replace is None else replace)
        for table in ("documents", "mentions", "mention_actors", "quantities"):
            if tables[table].num_rows:
                arrow = tables[table]  # noqa: F841
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow")
        for table in ("actors", "places"):
            if tables[table].num_rows:
                arrow = first_by_id(tables[table])  # noqa: F841
                con.execute(f"INSERT OR IGNORE INTO {table} BY NAME SELECT * FROM arrow")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def write_batch(con, batch: list[Extraction]) -> None:
    """Replace the batch's documents whole, in one transaction."""
    if batch:
        write_tables(con, to_arrow(batch))
