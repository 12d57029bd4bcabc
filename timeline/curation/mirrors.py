"""Copies of one article (syndicated copies, one article under two URLs): documents whose
5-word shingles have a Jaccard similarity of at least 0.9 (spec, "One event per happening").

MinHash signatures (128 permutations, datasketch's "affine32" scheme, in which the first
signatures were stored) are kept per document (document_signatures, with the sha256 of the
text they were made from); an LSH index over them finds candidates (9 bands of 13 values:
datasketch's MinHashLSH at threshold 0.8), and the exact Jaccard of the two shingle sets
decides. Both are a few lines of numpy here: importing datasketch (it loads scipy.integrate)
cost more than the detection itself. Each group of
copies has one original, the earliest (reference date, then id: the same whatever the order
of ingestion), and every other member's documents.mirror_of names it. The copies' mentions
stay as sources with mirror_of set; timeline/curation/apply.py puts each with its twin's event,
event_disagreements skips them and the confidence counts them once.

`detect` looks only at documents whose signature is missing or stale (new, changed, or just
re-extracted), and at the copies of those, so a crash between storing and detecting is made
good by the next run.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from functools import cache

import numpy as np
import pyarrow as pa

SHINGLE = 5
THRESHOLD = 0.9
NUM_PERM = 128
SIGNATURE_CHUNK = 2000  # documents whose texts are read at once
_SEED = 1
BANDS, ROWS = 9, 13  # the LSH bands: candidates share all ROWS values of one band
_EMPTY = 0xFFFFFFFF  # the signature value of no shingle
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(run) for run in zip(*(words[i:] for i in range(SHINGLE)))}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a * h + b mod 2^32 (a odd), drawn as datasketch draws them."""
    gen = np.random.RandomState(_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: spreads the input hashes before the affine permutations."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(sh: set[str]) -> np.ndarray:
    """MinHash of the shingles: each hashed to the first 4 bytes (little-endian) of its SHA-1,
    mixed, permuted NUM_PERM ways; the least value of each permutation."""
    if not sh:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    digests = b"".join([hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in sh])
    a, b = _permutations()
    hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32))
    return (hv[:, None] * a + b).min(axis=0)


class _Index:
    """LSH over signatures: the documents sharing some band of one's signature are its candidates."""

    def __init__(self):
        self.buckets: list[dict[bytes, list[str]]] = [{} for _ in range(BANDS)]

    @staticmethod
    def _keys(sig: np.ndarray) -> list[bytes]:
        return [sig[k * ROWS:(k + 1) * ROWS].tobytes() for k in range(BANDS)]

    def insert(self, doc_id: str, sig: np.ndarray) -> None:
        for bucket, key in zip(self.buckets, self._keys(sig)):
            bucket.setdefault(key, []).append(doc_id)

    def query(self, sig: np.ndarray) -> set[str]:
        return {d for bucket, key in zip(self.buckets, self._keys(sig)) for d in bucket.get(key, ())}


def detect(con) -> int:
    """Find copies among the documents whose signature is missing or stale; set mirror_of
    (in one transaction). Returns how many documents' mirror_of changed."""
    docs = {r[0]: {"sha": r[1], "ref": r[2], "mirror_of": r[3], "sig_sha": r[4]} for r in con.execute(
        "SELECT d.id, d.sha256, d.ref_date, d.mirror_of, s.sha256 FROM documents d "
        "LEFT JOIN document_signatures s ON s.doc_id = d.id").fetchall()}
    dirty = {i for i, d in docs.items() if d["sig_sha"] != d["sha"]}
    # a copy whose original changed, or whose original is gone, is looked at again too
    dirty |= {i for i, d in docs.items() if d["mirror_of"] and (d["mirror_of"] in dirty or d["mirror_of"] not in docs)}
    if not dirty:
        return 0
    new_sigs = {}
    fresh = sorted(i for i in dirty if docs[i]["sig_sha"] != docs[i]["sha"])
    # a chunk of texts at a time, keeping only their signatures: the shingles of 100,000 news
    # documents at once were 5 GB
    for k in range(0, len(fresh), SIGNATURE_CHUNK):
        for i, text in _texts(con, fresh[k:k + SIGNATURE_CHUNK]).items():
            new_sigs[i] = signature(shingles(text))
    lsh = _Index()
    sigs = dict(new_sigs)
    for doc_id, values in con.execute("SELECT doc_id, minhash FROM document_signatures").fetchall():
        if doc_id not in sigs and doc_id in docs:
            sigs[doc_id] = np.asarray(values, dtype=np.uint32)
    for i, m in sigs.items():
        lsh.insert(i, m)
    # the groups: verified pairs of a dirty document, and the links between clean ones
    parent: dict[str, str] = {}

    def find(x):
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for i, d in docs.items():
        if i not in dirty and d["mirror_of"] and d["mirror_of"] in docs and d["mirror_of"] not in dirty:
            union(i, d["mirror_of"])
    for i in sorted(dirty):
        if i not in sigs:
            continue
        cands = [c for c in lsh.query(sigs[i]) if c != i]
        if not cands:
            continue
        got = _texts(con, [i, *cands])  # the texts of one document and its candidates at a time
        mine = shingles(got[i])
        for c in cands:
            if docs[c]["sha"] == docs[i]["sha"] or jaccard(mine, shingles(got[c])) >= THRESHOLD:
                union(i, c)
    groups: dict[str, list[str]] = {}
    for i in set(parent) | set(parent.values()) | dirty:
        groups.setdefault(find(i), []).append(i)
    want: dict[str, str | None] = {}
    for members in groups.values():
        if len(members) == 1:
            want[members[0]] = None
            continue
        members.sort(key=lambda i: (docs[i]["ref"] or date.max, i))
        want[members[0]] = None
        for m in members[1:]:
            want[m] = members[0]
    changes = {i: w for i, w in want.items() if docs[i]["mirror_of"] != w}
    con.execute("BEGIN")
    try:
        if new_sigs:
            ids = list(new_sigs)
            sg = pa.table({"doc_id": pa.array(ids, pa.string()),  # noqa: F841
                           "sha256": pa.array([docs[i]["sha"] for i in ids], pa.string()),
                           "minhash": pa.array([new_sigs[i].tolist() for i in ids], pa.list_(pa.uint64()))})
            con.execute("DELETE FROM document_signatures WHERE doc_id IN (SELECT doc_id FROM sg)").fetchall()
            con.execute("INSERT INTO document_signatures BY NAME SELECT * FROM sg").fetchall()
        if changes:
            ch = pa.table({"id": pa.array(list(changes), pa.string()),  # noqa: F841
                           "mirror_of": pa.array(list(changes.values()), pa.string())})
            con.execute("UPDATE documents SET mirror_of = ch.mirror_of FROM ch WHERE documents.id = ch.id").fetchall()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(changes)


def _texts(con, ids: list[str]) -> dict[str, str]:
    t = pa.table({"id": pa.array(ids, pa.string())})  # noqa: F841
    return dict(con.execute("SELECT id, text FROM documents WHERE id IN (SELECT id FROM t)").fetchall())


def reroot(con, removed: list[str]) -> None:
    """Copies of documents being removed (inside the caller's transaction): the earliest copy
    becomes the original of the others."""
    if not removed:
        return
    rm = pa.table({"id": pa.array(removed, pa.string())})  # noqa: F841
    rows = con.execute("SELECT id, mirror_of FROM documents WHERE mirror_of IN (SELECT id FROM rm) "
                       "AND id NOT IN (SELECT id FROM rm) ORDER BY mirror_of, ref_date NULLS LAST, id").fetchall()
    first: dict[str, str] = {}
    for i, orig in rows:
        root = first.setdefault(orig, i)
        con.execute("UPDATE documents SET mirror_of = ? WHERE id = ?", [None if root == i else root, i]).fetchall()
