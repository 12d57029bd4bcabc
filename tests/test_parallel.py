"""Parallel ingestion and the merge at scale: the same rows whatever the number of workers,
blocked pairs that miss no pair the rules accept, and array clustering equal to the rule."""
from __future__ import annotations

import json
import random
import sys
from collections import defaultdict

import duckdb
import numpy as np
import pytest

import timeline
from conftest import ROOT, run_cli

sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402  (bench/corpus.py: the benchmark corpus builder)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """The seeds and 40 benchmark documents, one bad line among them."""
    path = tmp_path_factory.mktemp("corpus") / "docs.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in corpus.build(45)]
    lines.insert(20, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def export(db) -> str:
    r = run_cli("export", "--db", str(db))
    assert r.returncode == 0, r.stderr
    return r.stdout


def table(db, query):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def sequential_db(tmp_path_factory, small_corpus):
    db = tmp_path_factory.mktemp("seq") / "seq.duckdb"
    with timeline.open(db) as tl:
        report = tl.ingest([small_corpus], progress=False, workers=1)
    assert report.added == 45 and len(report.errors) == 1
    return db


def test_two_workers_store_what_one_stores(tmp_path, small_corpus, sequential_db):
    db = tmp_path / "par.duckdb"
    r = run_cli("ingest", str(small_corpus), "--db", str(db), "--workers", "2")
    assert r.returncode == 2, r.stderr  # the bad line is skipped, named
    assert "docs.jsonl:21" in r.stderr and "45 added" in r.stderr
    assert export(db) == export(sequential_db)
    for q in ("SELECT id, doc_id, seq, event_id FROM mentions ORDER BY id",
              "SELECT * FROM mention_actors ORDER BY ALL",
              "SELECT * FROM actors ORDER BY id",
              "SELECT id, sha256, lang, ref_date FROM documents ORDER BY id"):
        assert table(db, q) == table(sequential_db, q), q


def test_parallel_reingest_leaves_unchanged_alone(tmp_path, small_corpus):
    db = tmp_path / "t.duckdb"
    with timeline.open(db) as tl:
        tl.ingest([small_corpus], progress=False, workers=2)
        before = tl.sql("SELECT id FROM events ORDER BY id")["id"].to_list()
        report = tl.ingest([small_corpus], progress=False, workers=2)
        after = tl.sql("SELECT id FROM events ORDER BY id")["id"].to_list()
    assert report.unchanged == 45 and report.added == 0
    assert before == after


def test_blocks_hold_every_pair_the_rules_accept(sequential_db, tmp_path):
    """sql/merge/pair_blocks.sql against the rules run over every pair of one family: every pair the
    clustering uses is in the blocks."""
    from timeline.store import merge
    from timeline.store.db import connect

    db = tmp_path / "copy.duckdb"
    db.write_bytes(sequential_db.read_bytes())
    con = connect(db)
    try:
        con.execute(merge._sql("keys"))
        blocked = set(zip(*(x.tolist() for x in merge.pairs(con, "pair_blocks"))))
        every = set(zip(*(x.tolist() for x in merge.pairs(con, "all_pairs"))))
        keys = {o - 1: (d, w) for o, d, w in con.execute(
            f"SELECT ord, doc_n, basis IN {merge.WEAK_BASES} FROM _mk").fetchall()}
    finally:
        con.close()
    # the clustering never uses a weak mention's pairs across documents: the blocks may leave them out
    used = {(a, b) for a, b in every if keys[a][0] == keys[b][0] or not (keys[a][1] or keys[b][1])}
    assert len(used) > 100 and len(every) > len(used)
    assert used <= blocked <= every


def _random_case(rng: random.Random, n: int):
    docs = [rng.randrange(max(1, n // 4)) for _ in range(n)]
    weak = [rng.random() < 0.25 for _ in range(n)]
    pairs = set()
    for _ in range(rng.randrange(3 * n)):
        a, b = sorted(rng.sample(range(n), 2))
        pairs.add((a, b))
    return docs, weak, sorted(pairs)


@pytest.mark.parametrize("seed", range(40))
def test_array_clustering_equals_the_rule(seed):
    _check_array_clustering(seed)


@pytest.mark.parametrize("seed", range(10))
def test_array_clustering_in_chunks_equals_the_rule(seed, monkeypatch):
    """Large components go to Python a chunk of whole components at a time: chunks of one or two
    mentions still hold whole components and give the same clusters."""
    from timeline.store import merge

    monkeypatch.setattr(merge, "GREEDY_CHUNK", 1 + seed % 2)
    _check_array_clustering(seed)


def _check_array_clustering(seed: int) -> None:
    from timeline.store.merge import cluster, cluster_roots

    rng = random.Random(seed)
    n = rng.randrange(2, 40)
    docs, weak, pairs = _random_case(rng, n)
    order = [(str(i), f"d{docs[i]}", "undated" if weak[i] else "explicit") for i in range(n)]
    partners = defaultdict(set)
    for a, b in pairs:
        partners[str(a)].add(str(b))
        partners[str(b)].add(str(a))
    want = {tuple(int(x) for x in c) for c in cluster(order, partners)}
    a = np.array([p[0] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs], dtype=np.int64)
    root = cluster_roots(n, a, b, np.array(weak), np.array(docs, dtype=np.int64))
    got = defaultdict(list)
    for m, r in enumerate(root.tolist()):
        got[r].append(m)
    assert {tuple(v) for v in got.values()} == want
    assert all(r == min(v) for r, v in got.items())
