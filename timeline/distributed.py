"""Extraction to partitioned Parquet, on local processes or a Dask cluster, and loading it back.

`timeline extract INPUT... --to-parquet DIR` maps the pure function
`pipeline.extract_document` over chunks of documents and writes, under DIR, one
Parquet dataset per store table, Hive-partitioned by language and year (the
year of the document's reference date; 0 when it has none):

    DIR/documents/lang=ru/year=2023/part-00000-0.parquet
    DIR/mentions/...  DIR/mention_actors/...  DIR/quantities/...  DIR/actors/...  DIR/places/...
    DIR/_timeline_extract.json     (extractor version, counts, skipped inputs)

Every table carries `ord` (the document's place in the input order) and, but for
documents, `doc_id`, so a loader can keep what a sequential ingest keeps (the first
document's actor row). DuckDB (`read_parquet('DIR/mentions/**/*.parquet',
hive_partitioning = true)`), polars (`pl.scan_parquet('DIR/mentions/**/*.parquet',
hive_partitioning=True)`) and Spark (`spark.read.parquet('DIR/mentions')`) read it.

Engines: `local` (a process pool on this machine) and `dask` (dask.distributed:
a LocalCluster of worker processes, or the scheduler at `--scheduler tcp://…`,
e.g. one started by dask-jobqueue on Slurm/PBS or by dask-kubernetes). With a
remote cluster, DIR must be a path every worker can write (a shared file system).
The client reads the inputs and ships chunks of documents; workers extract and
write their own files, and send back only what became of each document.

`load(con, DIR)` stores the documents (unchanged ones are left alone, changed
ones replaced) in one transaction; the caller then runs the merge.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from .errors import InputError, TimelineError
from .ingest.parallel import Outcome, chunked, extract_chunk, map_ordered

MANIFEST = "_timeline_extract.json"
PARTITIONING = ds.partitioning(pa.schema([("lang", pa.string()), ("year", pa.int32())]), flavor="hive")
CHUNK_SIZE = 200  # documents a task: fewer, larger tasks and files (10k documents: 4.8 CPU s less than 50 a task)


class ExtractError(TimelineError):
    exit_code = 1


@dataclass
class ExtractReport:
    documents: int = 0
    mentions: int = 0
    errors: list[InputError] = field(default_factory=list)
    engine: str = "local"

    @property
    def ok(self) -> bool:
        return not self.errors

    def line(self) -> str:
        return f"{self.documents} documents, {self.mentions} mentions written; {len(self.errors)} skipped"


def _tag(table: pa.Table, docs_of: list[str], by_doc: dict) -> pa.Table:
    return (table.append_column("doc_id", pa.array(docs_of, pa.string()))
                 .append_column("ord", pa.array([by_doc[d][0] for d in docs_of], pa.int64()))
                 .append_column("lang", pa.array([by_doc[d][1] for d in docs_of], pa.string()))
                 .append_column("year", pa.array([by_doc[d][2] for d in docs_of], pa.int32())))


def extract_chunk_to_parquet(item: tuple[int, int, list], out_dir: str, user_gazetteer: str | None = None) -> list[Outcome]:
    """One task: extract a chunk of documents and write its Parquet files under out_dir."""
    part, first_ord, docs = item
    tables, outcomes = extract_chunk(docs, user_gazetteer)
    if tables["documents"].num_rows == 0:
        return outcomes
    # the ord of each good document: its place in the whole input
    ords = {d.id: first_ord + n for n, d in enumerate(docs)}
    tagged = _tag_all(tables, ords)
    for name, table in tagged.items():
        if table.num_rows:
            ds.write_dataset(table, str(Path(out_dir) / name), format="parquet", partitioning=PARTITIONING,
                             basename_template=f"part-{part:05d}-{{i}}.parquet",
                             existing_data_behavior="overwrite_or_ignore")
    return outcomes


def _tag_all(tables: dict[str, pa.Table], ords: dict[str, int]) -> dict[str, pa.Table]:
    docs = tables["documents"]
    info = {i: (ords[i], lang, d.year if d else 0) for i, lang, d in
            zip(docs["id"].to_pylist(), docs["lang"].to_pylist(), docs["ref_date"].to_pylist())}
    out = {"documents": docs.append_column("ord", pa.array([info[i][0] for i in docs["id"].to_pylist()], pa.int64()))
                            .append_column("year", pa.array([info[i][2] for i in docs["id"].to_pylist()], pa.int32()))}
    m = tables["mentions"]
    m_docs = m["doc_id"].to_pylist()
    out["mentions"] = (m.append_column("ord", pa.array([info[d][0] for d in m_docs], pa.int64()))
                        .append_column("year", pa.array([info[d][2] for d in m_docs], pa.int32())))
    mention_doc = dict(zip(m["id"].to_pylist(), m_docs))
    for t in ("mention_actors", "quantities"):
        out[t] = _tag(tables[t], [mention_doc[x] for x in tables[t]["mention_id"].to_pylist()], info)
    # actors and places: to_arrow kept each id's first row in the chunk; tag it with the
    # first document of the chunk that names it
    first_doc: dict[str, str] = {}
    ma = tables["mention_actors"]
    for mid, aid in zip(ma["mention_id"].to_pylist(), ma["actor_id"].to_pylist()):
        first_doc.setdefault(aid, mention_doc[mid])
    out["actors"] = _tag(tables["actors"], [first_doc[a] for a in tables["actors"]["id"].to_pylist()], info)
    first_place: dict[str, str] = {}
    for pid, d in zip(m["place_id"].to_pylist(), m_docs):
        if pid is not None:
            first_place.setdefault(pid, d)
    out["places"] = _tag(tables["places"], [first_place[p] for p in tables["places"]["id"].to_pylist()], info)
    return out


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).exists():
            raise ExtractError(f"{out}: not empty and not written by `timeline extract`; give a new folder")
        for name in ("documents", "mentions", "mention_actors", "quantities", "actors", "places"):
            shutil.rmtree(out / name, ignore_errors=True)
        (out / MANIFEST).unlink()
    out.mkdir(parents=True, exist_ok=True)


def _documents(paths, report: ExtractReport):
    """The documents of `paths`, once each (a repeated id is an error naming both, as in ingest)."""
    from .ingest.readers import read_documents

    seen: dict[str, str] = {}
    for item in read_documents(paths):
        if isinstance(item, InputError):
            report.errors.append(item)
        elif item.id in seen:
            report.errors.append(InputError(item.origin, f"document id {item.id!r} is also given by {seen[item.id]}; skipped"))
        else:
            seen[item.id] = item.origin
            yield item


def _tasks(docs, chunk_size: int):
    ord_ = 0
    for part, chunk in enumerate(chunked(docs, chunk_size)):
        yield part, ord_, chunk
        ord_ += len(chunk)


def extract(paths, out_dir: str | Path, engine: str = "local", scheduler: str | None = None,
            workers: int | None = None, user_gazetteer: str | None = None,
            chunk_size: int = CHUNK_SIZE, progress: bool = False) -> ExtractReport:
    """Extract the documents of `paths` into partitioned Parquet under out_dir."""
    from .ingest.parallel import default_workers
    from .pipeline import extractor_version

    out = Path(out_dir).resolve()
    _prepare(out)
    report = ExtractReport(engine=engine)
    tasks = _tasks(_documents(list(paths), report), chunk_size)
    workers = workers or default_workers()
    if engine == "local":
        results = map_ordered(_task_local, tasks, workers, (str(out), user_gazetteer), user_gazetteer)
    elif engine == "dask":
        results = _dask_map(tasks, str(out), user_gazetteer, scheduler, workers)
    else:
        raise ExtractError(f"unknown engine {engine!r} (local or dask)")
    for outcomes in results:
        for o in outcomes:
            if o.error is not None:
                report.errors.append(o.error)
            else:
                report.documents += 1
                report.mentions += o.mentions
    (out / MANIFEST).write_text(json.dumps({
        "extractor": extractor_version(user_gazetteer), "engine": engine, "documents": report.documents,
        "mentions": report.mentions, "skipped": [str(e) for e in report.errors],
        "partitioning": ["lang", "year"]}, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


def _task_local(item, out_dir, user_gazetteer):
    return extract_chunk_to_parquet(item, out_dir, user_gazetteer)


def _dask_task(item, out_dir, user_gazetteer):
    from .ingest.parallel import warm

    _warm_once(user_gazetteer, warm)
    return extract_chunk_to_parquet(item, out_dir, user_gazetteer)


_WARMED: set = set()


def _warm_once(user_gazetteer, warm) -> None:
    if user_gazetteer not in _WARMED:
        warm(user_gazetteer)
        _WARMED.add(user_gazetteer)


def _dask_map(tasks, out_dir: str, user_gazetteer, scheduler: str | None, workers: int):
    """Map the tasks over a Dask cluster, a bounded number in flight; outcomes as they complete."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ExtractError("--engine dask needs dask.distributed: pip install 'timeline[distributed]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info(n_workers=-1)["workers"].values()))
        tasks = iter(tasks)
        futures = as_completed()
        for item in tasks:
            futures.add(client.submit(_dask_task, item, out_dir, user_gazetteer, pure=False))
            if futures.count() >= 3 * n:
                break
        for fut in futures:
            yield fut.result()
            fut.release()
            nxt = next(tasks, None)
            if nxt is not None:
                futures.add(client.submit(_dask_task, nxt, out_dir, user_gazetteer, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ------------------------------------------------------------------ loading


def _glob(root: Path, table: str) -> str | None:
    d = root / table
    return str(d / "**" / "*.parquet") if d.is_dir() and any(d.rglob("*.parquet")) else None


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def load(con, in_dir: str | Path) -> dict[str, int]:
    """Store the documents of an extract folder (one transaction). Returns added, replaced, unchanged."""
    root = Path(in_dir)
    if not (root / MANIFEST).exists():
        raise ExtractError(f"{root}: no {MANIFEST}; not a folder written by `timeline extract --to-parquet`")
    src = {t: _glob(root, t) for t in ("documents", "mentions", "mention_actors", "quantities", "actors", "places")}
    if src["documents"] is None:
        return {"added": 0, "replaced": 0, "unchanged": 0}

    def scan(t: str) -> str:
        return f"read_parquet({_q(src[t])}, hive_partitioning = true, union_by_name = true)"

    def cols(t: str, alias: str = "") -> str:
        return ", ".join(f'{alias}"{c}"' for c in _columns(con, t) if c not in ("event_id", "ingested_at", "mirror_of"))

    con.execute("BEGIN")
    try:
        con.execute(f"""CREATE OR REPLACE TEMP TABLE _pq_new AS
            SELECT p.id, p.ord, s.id IS NOT NULL AS replaced
            FROM (SELECT id, ord, sha256, extractor FROM {scan('documents')}) p
            LEFT JOIN documents s ON s.id = p.id
            WHERE s.id IS NULL OR s.sha256 <> p.sha256 OR s.extractor <> p.extractor""")
        n = con.execute("SELECT count(*) FILTER (WHERE NOT replaced), count(*) FILTER (WHERE replaced) FROM _pq_new").fetchall()[0]
        total = con.execute(f"SELECT count(*) FROM {scan('documents')}").fetchall()[0][0]
        for t in ("quantities", "mention_actors"):
            con.execute(f"DELETE FROM {t} WHERE mention_id IN (SELECT id FROM mentions WHERE doc_id IN "
                        "(SELECT id FROM _pq_new WHERE replaced))")
        con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT id FROM _pq_new WHERE replaced)")
        con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM _pq_new WHERE replaced)")
        con.execute(f"INSERT INTO documents BY NAME SELECT {cols('documents', 'd.')} FROM {scan('documents')} d "
                    "SEMI JOIN _pq_new n ON n.id = d.id ORDER BY d.ord")
        if src["mentions"]:
            con.execute(f"INSERT INTO mentions BY NAME SELECT {cols('mentions', 'm.')} FROM {scan('mentions')} m "
                        "SEMI JOIN _pq_new n ON n.id = m.doc_id ORDER BY m.ord, m.seq")
        for t in ("mention_actors", "quantities"):
            if src[t]:
                con.execute(f"INSERT INTO {t} BY NAME SELECT {cols(t, 'x.')} FROM {scan(t)} x "
                            "SEMI JOIN _pq_new n ON n.id = x.doc_id ORDER BY x.ord")
        for t in ("actors", "places"):
            if src[t]:
                con.execute(f"INSERT OR IGNORE INTO {t} BY NAME SELECT {cols(t)} FROM ("
                            f"SELECT x.* FROM {scan(t)} x SEMI JOIN _pq_new n ON n.id = x.doc_id "
                            "QUALIFY row_number() OVER (PARTITION BY x.id ORDER BY x.ord) = 1) ORDER BY ord")
        con.execute("DROP TABLE _pq_new")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"added": n[0], "replaced": n[1], "unchanged": total - n[0] - n[1]}


def _q(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"
