"""Crash safety: `timeline ingest` killed with SIGKILL halfway through 1,000
documents leaves a database that opens, holds no half-stored document, and
a second run completes it to the counts of a clean run of the same input.

The input is built deterministically from the seed sentences: 1,000 JSONL
documents, each a few sentences of one seed, with its own id and
publication date.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow  # about 80 s for the file: a clean run and three killed runs with reruns

N_DOCS = 1000
SEED_LANG = {"000": "ru", "001": "ru", "002": "kk", "003": "ru", "004": "el"}


def build_input(path: Path) -> None:
    from timeline import sentences

    pools = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        sents = [s.text for s in sentences.split(text) if len(s.text) > 30]
        pools.append((SEED_LANG[p.name[:3]], sents))
    with path.open("w", encoding="utf-8") as f:
        for k in range(N_DOCS):
            lang, sents = pools[k % len(pools)]
            start = (k * 7) % len(sents)
            body = " ".join(sents[(start + i) % len(sents)] for i in range(4))
            published = date(2023, 1, 1) + timedelta(days=(k * 37) % 1000)
            f.write(json.dumps({"id": f"crash-{k:04d}", "lang": lang, "published": published.isoformat(),
                                "title": f"doc {k}", "text": body}, ensure_ascii=False) + "\n")


def cli(*args: str, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "timeline.cli", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw)


def snapshot(db: Path) -> dict:
    """What a run stored: counts, per-document mention counts, event ids, integrity checks."""
    import timeline

    with timeline.open(db, read_only=True) as tl:
        def q(sql):
            return tl.con.execute(sql).fetchall()

        return {
            "documents": q("SELECT count(*) FROM documents")[0][0],
            "mentions": q("SELECT count(*) FROM mentions")[0][0],
            "mention_actors": q("SELECT count(*) FROM mention_actors")[0][0],
            "quantities": q("SELECT count(*) FROM quantities")[0][0],
            "events": q("SELECT count(*) FROM events")[0][0],
            "event_ids": sorted(r[0] for r in q("SELECT id FROM events")),
            "per_doc": dict(q("SELECT d.id, count(m.id) FROM documents d LEFT JOIN mentions m ON m.doc_id = d.id "
                              "GROUP BY d.id")),
            "orphan_mentions": q("SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)")[0][0],
            "orphan_actors": q("SELECT count(*) FROM mention_actors WHERE mention_id NOT IN "
                               "(SELECT id FROM mentions)")[0][0],
            "orphan_quantities": q("SELECT count(*) FROM quantities WHERE mention_id NOT IN "
                                   "(SELECT id FROM mentions)")[0][0],
        }


def run_to_end(db: Path, data: Path) -> subprocess.CompletedProcess:
    p = cli("ingest", str(data), "--db", str(db), "--no-progress")
    out, err = p.communicate(timeout=300)
    return subprocess.CompletedProcess(p.args, p.returncode, out.decode(), err.decode())


def kill_midway(db: Path, data: Path, at: int) -> tuple[int, str]:
    """Start an ingest, SIGKILL its process group once the progress bar passes `at` documents
    (or after 60 s); returns the count seen at the kill and the stderr so far."""
    p = cli("ingest", str(data), "--db", str(db), "--progress")
    seen = {"n": 0, "err": b""}
    done = threading.Event()

    def read():
        while True:
            chunk = p.stderr.read1(4096)
            if not chunk:
                break
            seen["err"] += chunk
            for m in re.finditer(rb"(\d+)/(\d+)", seen["err"][-4096:]):
                seen["n"] = max(seen["n"], int(m.group(1)))
            if seen["n"] >= at:
                done.set()
        done.set()

    t = threading.Thread(target=read, daemon=True)
    t.start()
    done.wait(timeout=60)
    finished = p.poll() is not None
    if not finished:
        os.killpg(p.pid, signal.SIGKILL)
    p.wait(timeout=30)
    t.join(timeout=5)
    assert not finished, "the ingest finished before it could be killed: make the input larger"
    assert p.returncode == -signal.SIGKILL
    return seen["n"], seen["err"].decode(errors="replace")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "docs.jsonl"
    build_input(path)
    return path


@pytest.fixture(scope="module")
def clean(tmp_path_factory, data) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    t0 = time.perf_counter()
    r = run_to_end(db, data)
    assert r.returncode == 0, r.stderr[-2000:]
    snap = snapshot(db)
    snap["seconds"] = time.perf_counter() - t0
    assert snap["documents"] == N_DOCS
    return snap


# 200: as the first batch (200 documents a transaction) is being written, 0 or 200 are stored;
# 600: well into the run, with batches committed
@pytest.mark.parametrize("at", [200, 600])
def test_kill_during_ingest_then_rerun(tmp_path, data, clean, at):
    db = tmp_path / "crashed.duckdb"
    n, err = kill_midway(db, data, at)

    # the database opens; what it holds is whole documents only
    after_kill = snapshot(db)
    if at > 200:
        assert after_kill["documents"] > 0, f"nothing stored before the kill (progress {n}): {err[-500:]}"
    assert after_kill["documents"] < N_DOCS
    assert after_kill["orphan_mentions"] == after_kill["orphan_actors"] == after_kill["orphan_quantities"] == 0
    half = {d: (c, clean["per_doc"][d]) for d, c in after_kill["per_doc"].items() if c != clean["per_doc"][d]}
    assert not half, f"documents stored with other mention counts than a clean run: {list(half.items())[:5]}"

    # a second run completes, to the same database as a clean run
    r = run_to_end(db, data)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"{after_kill['documents']} unchanged" in r.stderr, r.stderr[-500:]
    final = snapshot(db)
    for key in ("documents", "mentions", "mention_actors", "quantities", "events", "event_ids", "per_doc"):
        assert final[key] == clean[key], f"{key} differs from a clean run"
    print(f"clean run {clean['seconds']:.1f}s; killed at progress {n}, {after_kill['documents']} documents "
          f"stored; after the rerun {final['documents']} documents, {final['mentions']} mentions, "
          f"{final['events']} events, as a clean run")


def test_kill_during_merge_then_rerun(tmp_path, data, clean):
    """Killed after storing every document, while merging: the rerun merges to the clean events."""
    db = tmp_path / "merge.duckdb"
    n, _ = kill_midway(db, data, N_DOCS)
    after_kill = snapshot(db)
    assert after_kill["orphan_mentions"] == 0
    half = {d: c for d, c in after_kill["per_doc"].items() if c != clean["per_doc"][d]}
    assert not half
    r = run_to_end(db, data)
    assert r.returncode == 0, r.stderr[-2000:]
    final = snapshot(db)
    print(f"killed at progress {n}: {after_kill['documents']} documents, {after_kill['events']} events stored")
    for key in ("documents", "mentions", "events", "event_ids", "per_doc"):
        assert final[key] == clean[key], f"{key} differs from a clean run"
