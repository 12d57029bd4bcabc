"""`timeline extract --to-parquet` on a real Dask LocalCluster (two worker processes) and the
local pool: partitioned Parquet that DuckDB and polars read, and that `ingest --from-parquet`
turns into the very export a plain `timeline ingest` makes."""
from __future__ import annotations

import json
import sys

import duckdb
import polars as pl
import pytest

from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402

pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    path = tmp_path_factory.mktemp("docs") / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in corpus.build(30)) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plain_export(tmp_path_factory, docs):
    db = tmp_path_factory.mktemp("plain") / "plain.duckdb"
    r = run_cli("ingest", str(docs), "--db", str(db))
    assert r.returncode == 0, r.stderr
    r = run_cli("export", "--db", str(db))
    assert r.returncode == 0, r.stderr
    return r.stdout


def _load_and_export(tmp_path, folder) -> str:
    db = tmp_path / "from_parquet.duckdb"
    r = run_cli("ingest", "--from-parquet", str(folder), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "30 added" in r.stderr
    r = run_cli("export", "--db", str(db))
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_dask_local_cluster_with_two_workers(tmp_path, docs, plain_export):
    out = tmp_path / "pq"
    r = run_cli("extract", str(docs), "--to-parquet", str(out), "--engine", "dask", "--workers", "2")
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "_timeline_extract.json").read_text())
    assert manifest["engine"] == "dask" and manifest["documents"] == 30
    # partitioned by language and year, readable by DuckDB and polars
    langs = {p.name for p in (out / "mentions").iterdir()}
    assert {"lang=ru", "lang=kk", "lang=el", "lang=en"} <= langs
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/mentions/**/*.parquet', hive_partitioning = true)").fetchall()[0][0]
    assert n == manifest["mentions"] > 0
    df = pl.scan_parquet(str(out / "documents" / "**" / "*.parquet"), hive_partitioning=True).collect()
    assert df.height == 30 and {"lang", "year", "ord"} <= set(df.columns)
    assert _load_and_export(tmp_path, out) == plain_export


def test_local_engine_and_reload(tmp_path, docs, plain_export):
    out = tmp_path / "pq"
    r = run_cli("extract", str(docs), "--to-parquet", str(out), "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert _load_and_export(tmp_path, out) == plain_export
    # loading again changes nothing
    r = run_cli("ingest", "--from-parquet", str(out), "--db", str(tmp_path / "from_parquet.duckdb"))
    assert r.returncode == 0 and "30 unchanged" in r.stderr, r.stderr


def test_extract_refuses_a_foreign_folder(tmp_path, docs):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    r = run_cli("extract", str(docs), "--to-parquet", str(out))
    assert r.returncode == 1 and "not empty" in r.stderr
    assert (out / "precious.txt").exists()
