"""Mentions -> canonical events: cluster the candidate pairs of sql/merge/candidate_pairs.sql,
keep event ids stable, then let sql/ choose each event's values from its claims.

Clustering is greedy in founding order (earliest reported, then document id, then
offset): a mention joins the earliest event all of whose mentions it pairs with, so
no chain of near-matches glues distinct happenings together, and the result does
not depend on the order documents were ingested in.

At scale (tens of millions of mentions) every step but one is SQL or numpy:
  1. sql/merge/keys.sql        the working table `_mk` (keys, founding order `ord`)
  2. sql/merge/pair_blocks.sql blocked pairs (hash joins on type, time bucket, actor token),
     one type family at a time
  3. sql/merge/candidate_pairs.sql  the rules, on the blocked pairs only
  4. clustering: connected components (scipy); a component of one or two
     mentions is its own cluster (two paired mentions are one event); the greedy runs in
     Python only over the mentions of larger components
  5. ids: kept old ids, aliases and new ids in SQL; Python only for clusters that
     contend for one old id (a split) and for new ids already taken (a hash prefix met twice)
  6. sql/merge/write_events.sql  writes the events, event_actors and aliases that changed
"""
from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import pyarrow as pa
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ..resources import sql_dir


def _sql(name: str) -> str:
    return (sql_dir() / "merge" / f"{name}.sql").read_text(encoding="utf-8")


def _statements(sql: str) -> list[str]:
    """The statements of a file (split at semicolons ending a line; comment lines dropped)."""
    body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in body.split(";\n") if s.strip().rstrip(";").strip()]


WEAK_BASES = ("document_date", "undated")


def cluster(order: list[tuple[str, str, str]], pairs: dict[str, set[str]]) -> list[list[str]]:
    """Mentions (id, document, basis) in founding order -> clusters of ids, each in founding order.
    (The rule on Python objects; `cluster_roots` does the same on arrays, at scale.)

    Mentions the text dates are placed first: one joins the earliest cluster all of whose
    text-dated mentions, and all of whose mentions from its own document, pair with it.
    Then the weak ones (dated by their document, or undated: a headline, a lead without a
    time), which join the earliest cluster all of whose mentions from their own document
    pair with them.
    """
    clusters: list[list[str]] = []
    home: dict[str, int] = {}
    doc_of = {m: d for m, d, _ in order}
    weak = {m for m, _, b in order if b in WEAK_BASES}
    rank = {m: i for i, (m, _, _) in enumerate(order)}

    def must_pair(m: str, k: int) -> list[str]:
        if m in weak:
            return [x for x in clusters[k] if doc_of[x] == doc_of[m]]
        return [x for x in clusters[k] if x not in weak or doc_of[x] == doc_of[m]]

    for m in [m for m, _, _ in order if m not in weak] + [m for m, _, _ in order if m in weak]:
        partners = pairs.get(m, set())
        candidates = {home[p] for p in partners if p in home and (m not in weak or doc_of[p] == doc_of[m])}
        for k in sorted(candidates):
            if all(x in partners for x in must_pair(m, k)):
                clusters[k].append(m)
                home[m] = k
                break
        else:
            home[m] = len(clusters)
            clusters.append([m])
    return sorted((sorted(c, key=rank.__getitem__) for c in clusters), key=lambda c: rank[c[0]])


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected component label of each of n nodes, given edges a-b (0-based)."""
    g = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)).tocsr()
    return connected_components(g, directed=False)[1]


def _adjacency(nodes: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[list[int], list[int], list[int]]:
    """For each of `nodes` (sorted), the slice of `dst` holding its neighbours over edges a-b."""
    src = np.concatenate([a, b])
    dst = np.concatenate([b, a])
    o = np.argsort(src, kind="stable")
    src, dst = src[o], dst[o]
    return (np.searchsorted(src, nodes, side="left").tolist(), np.searchsorted(src, nodes, side="right").tolist(),
            dst.tolist())


GREEDY_CHUNK = 1_000_000  # mentions of large components handed to Python at a time (bounds its lists)


def _greedy_strong(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The first pass of `cluster` over text-dated mentions joined by edges a-b: the founding
    ord of each one's cluster (a mention without edges founds its own)."""
    root = np.arange(n, dtype=np.int64)
    if len(a) == 0:
        return root
    comp = _components(n, a, b).astype(np.int64)
    size = np.bincount(comp)
    two = size[comp[b]] == 2  # a component of two: the later joins the earlier
    root[b[two]] = a[two]
    nodes = np.flatnonzero(size[comp] >= 3)
    if len(nodes) == 0:
        return root
    # components never share a cluster: take them whole, each in founding order, a chunk at a time;
    # a mention's earlier partners are all the greedy reads (every member of a cluster came before)
    nodes = nodes[np.argsort(comp[nodes], kind="stable")]
    big = size[comp[b]] >= 3
    o = np.lexsort((b[big], comp[b[big]]))
    earlier, later = a[big][o], b[big][o]
    ekey, nkey = comp[later] * n + later, comp[nodes] * n + nodes
    starts, ends = np.searchsorted(ekey, nkey, side="left"), np.searchsorted(ekey, nkey, side="right")
    bounds = np.concatenate([[0], np.flatnonzero(np.diff(comp[nodes])) + 1, [len(nodes)]])  # components' starts
    lo = 0
    while lo < len(nodes):
        hi = int(bounds[min(np.searchsorted(bounds, lo + GREEDY_CHUNK), len(bounds) - 1)])
        e0, e1 = int(starts[lo]), int(ends[hi - 1])
        _greedy(nodes[lo:hi].tolist(), (starts[lo:hi] - e0).tolist(), (ends[lo:hi] - e0).tolist(),
                earlier[e0:e1].tolist(), root)
        lo = hi
    return root


def _greedy(nodes: list[int], starts: list[int], ends: list[int], earlier: list[int], root: np.ndarray) -> None:
    """Each of `nodes` (whole components, each in founding order) joins the earliest cluster all of
    whose members are among its earlier partners (`earlier[starts[i]:ends[i]]`), else founds one;
    writes the founding ord of each one's cluster into `root`."""
    members: dict[int, list[int]] = {}
    home: dict[int, int] = {}
    for m, s, e in zip(nodes, starts, ends):
        partners = set(earlier[s:e])
        for k in sorted({home[p] for p in partners}):
            if all(x in partners for x in members[k]):
                members[k].append(m)
                home[m] = k
                break
        else:
            home[m] = m
            members[m] = [m]
    root[np.fromiter(home.keys(), np.int64, len(home))] = np.fromiter(home.values(), np.int64, len(home))


def _weak_pass(n: int, label: np.ndarray, wa: np.ndarray, wb: np.ndarray, weak: np.ndarray,
               doc: np.ndarray) -> np.ndarray:
    """The second pass of `cluster`: each weak mention with partners in its own document (edges
    wa-wb, all within one document) joins the earliest cluster all of whose members in that
    document pair with it, else founds one (key n + its ord). Returns the labels with theirs."""
    wnodes = np.unique(np.concatenate([wa[weak[wa]], wb[weak[wb]]]))
    starts, ends, dst = _adjacency(wnodes, wa, wb)
    # the text-dated members a weak mention may have to pair with: those of the clusters its
    # text-dated partners are in, in its document
    strong_end = np.where(weak[wa], wb, wa)
    reached = np.unique(label[strong_end[~weak[strong_end]]] * (doc.max() + 1) + doc[strong_end[~weak[strong_end]]])
    in_docs = np.flatnonzero(~weak & np.isin(label * (doc.max() + 1) + doc, reached))
    key: dict[int, int] = {}  # mention -> cluster key: strong founding ord, or n + founding ord of a weak one
    by_doc: dict[tuple[int, int], list[int]] = defaultdict(list)
    for x, k, d in zip(in_docs.tolist(), label[in_docs].tolist(), doc[in_docs].tolist()):
        key[x] = k
        by_doc[(k, d)].append(x)
    for m, d, s, e in zip(wnodes.tolist(), doc[wnodes].tolist(), starts, ends):
        partners = set(dst[s:e])
        for k in sorted({key[p] for p in partners if p in key}):
            if all(x in partners for x in by_doc[(k, d)]):
                break
        else:
            k = n + m
        key[m] = k
        by_doc[(k, d)].append(m)
    label = label.copy()
    label[wnodes] = np.fromiter((key[m] for m in wnodes.tolist()), np.int64, len(wnodes))
    return label


def cluster_roots(n: int, a: np.ndarray, b: np.ndarray, weak: np.ndarray | None = None,
                  doc: np.ndarray | None = None) -> np.ndarray:
    """`cluster` on arrays: n mentions (0-based ords in founding order), candidate pairs a < b,
    which are weak (dated by their document or undated) and each one's document number.
    Returns, for each mention, the ord of its cluster's founding (earliest) mention.

    The text-dated pass runs over connected components: a component of one or two mentions
    is decided in numpy, Python loops only over larger ones. The weak pass looks only at a
    weak mention's partners in its own document, so Python loops over those mentions only."""
    weak = np.zeros(n, dtype=bool) if weak is None else weak
    doc = np.zeros(n, dtype=np.int64) if doc is None else doc
    strong_edge = ~weak[a] & ~weak[b]
    label = _greedy_strong(n, a[strong_edge], b[strong_edge])  # strong: founding ord; weak: itself for now
    wedge = ~strong_edge & (doc[a] == doc[b])  # a weak mention only joins through its own document
    if wedge.any():
        label = _weak_pass(n, label, a[wedge], b[wedge], weak, doc)
    label = np.where(weak & (label < n) & (label == np.arange(n)), n + np.arange(n), label)
    # a cluster's founding mention: its earliest (weak ones may come before the text-dated ones)
    first = np.full(2 * n, n, dtype=np.int64)
    np.minimum.at(first, label, np.arange(n, dtype=np.int64))
    return first[label]


def _new_id(founding: str, taken: set[str]) -> str:
    base = "ev_" + hashlib.sha1(founding.encode()).hexdigest()[:12]
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}_{n}"
    return eid


def _resolve_aliases(aliases: dict[str, str], new_aliases: dict[str, str], used: set[str]) -> dict[str, str]:
    merged = {**aliases, **new_aliases}
    for alias in list(merged):
        target = merged[alias]
        while target in merged and target not in used:
            target = merged[target]
        merged[alias] = target
    return {a: t for a, t in merged.items() if a not in used}


def pairs(con, blocks: str = "pair_blocks") -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs as 0-based ords (a founded before b); needs `_mk` (sql/merge/keys.sql).
    One family at a time (no pair crosses families): the blocks of all of them at once outgrow
    DuckDB's memory at 10M mentions. A family's mentions are copied once into `_part`, which the
    blocks and the rules read several times: at 10M mentions `_mk` no longer fits in memory, and
    every read of it was a scan of all of it from disk."""
    a, b = [], []
    for (fam,) in con.execute("SELECT DISTINCT fam FROM _mk ORDER BY fam").fetchall():
        con.execute("CREATE OR REPLACE TEMP TABLE _part AS SELECT * EXCLUDE (id, event_id) FROM _mk WHERE fam = "
                    + _literal(fam))
        con.execute(f"CREATE OR REPLACE TEMP TABLE _blocks AS {_sql(blocks)}")
        t = con.sql(_sql("candidate_pairs")).to_arrow_table()
        a.append(t["a"].to_numpy().astype(np.int64) - 1)
        b.append(t["b"].to_numpy().astype(np.int64) - 1)
    con.execute("DROP TABLE IF EXISTS _blocks")
    con.execute("DROP TABLE IF EXISTS _part")
    empty = np.zeros(0, dtype=np.int64)
    return np.concatenate([empty, *a]), np.concatenate([empty, *b])


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _assign_ids(con) -> None:
    """Event ids of the clusters in `_roots` (ord -> root ord) into temp tables _asg, _ids, _al
    (spec, "its id"). A cluster keeps the oldest id its mentions had before (each old id goes to
    one cluster only, the earliest founded); the other old ids become aliases of it. A cluster
    with no old id takes one derived from its founding mention."""
    con.execute("""CREATE OR REPLACE TEMP TABLE _cm AS
        SELECT k.ord, k.id, r.root, e.id AS old, e.created_at
        FROM _mk k JOIN _roots r ON r.ord = k.ord LEFT JOIN events e ON e.id = k.event_id""")
    # clusters that share an old id with another (a split): in founding order, each takes the
    # oldest of its old ids that no earlier cluster took (Python: few)
    con.execute("""CREATE OR REPLACE TEMP TABLE _split AS
        WITH o AS (SELECT DISTINCT root, old, created_at FROM _cm WHERE old IS NOT NULL),
             contested AS (SELECT old FROM o GROUP BY old HAVING count(*) > 1)
        SELECT * FROM o WHERE root IN (SELECT root FROM o WHERE old IN (SELECT old FROM contested))""")
    by_root: dict[int, list[tuple]] = defaultdict(list)
    for root, old, created in con.execute("SELECT root, old, created_at FROM _split").fetchall():
        by_root[root].append((created, old))
    used: set[str] = set()
    picked: list[tuple[int, str | None]] = []
    new_aliases: dict[str, str] = {}
    for root in sorted(by_root):
        olds = [o for _, o in sorted(by_root[root]) if o not in used]
        eid = olds[0] if olds else None
        if eid is not None:
            used.add(eid)
            for other in olds[1:]:
                new_aliases[other] = eid
        picked.append((root, eid))
    pk = pa.table({"root": pa.array([r for r, _ in picked], pa.int64()),  # noqa: F841
                   "eid": pa.array([e for _, e in picked], pa.string())})
    # the other clusters: the oldest of their old ids, else a new id from the founding mention
    con.execute("""CREATE OR REPLACE TEMP TABLE _eid AS
        WITH un AS (
            SELECT root, arg_min(old, (created_at, old)) AS eid
            FROM _cm WHERE old IS NOT NULL AND root NOT IN (SELECT root FROM _split)
            GROUP BY root
        ),
        kept AS (SELECT root, eid FROM un UNION ALL SELECT root, eid FROM pk WHERE eid IS NOT NULL)
        SELECT k.ord AS root, coalesce(kept.eid, 'ev_' || left(sha1(k.id), 12)) AS eid, kept.eid IS NOT NULL AS kept
        FROM _mk k JOIN _roots r ON r.ord = k.ord AND r.root = k.ord
        LEFT JOIN kept ON kept.root = k.ord""")
    # a new id already taken (by an event, an alias, or another new cluster: 12 hex digits of
    # SHA-1 meet about once in 10M events) goes, in founding order, to base_2, base_3, ...
    clash = con.execute("""
        SELECT e.root, k.id FROM _eid e JOIN _mk k ON k.ord = e.root
        WHERE NOT e.kept AND (e.eid IN (SELECT eid FROM _eid GROUP BY eid HAVING count(*) > 1)
                              OR e.eid IN (SELECT id FROM events) OR e.eid IN (SELECT alias FROM event_aliases))
        ORDER BY e.root""").fetchall()
    if clash:
        taken = {r[0] for r in con.execute("SELECT id FROM events UNION ALL SELECT alias FROM event_aliases").fetchall()}
        fixed = []
        for root, founding in clash:
            fixed.append((root, _new_id(founding, taken)))
            taken.add(fixed[-1][1])
        fx = pa.table({"root": pa.array([r for r, _ in fixed], pa.int64()),  # noqa: F841
                       "eid": pa.array([e for _, e in fixed], pa.string())})
        con.execute("UPDATE _eid SET eid = fx.eid FROM fx WHERE _eid.root = fx.root")
    for old, eid in con.execute("""
            SELECT DISTINCT c.old, e.eid FROM _cm c JOIN _eid e ON e.root = c.root
            WHERE c.old IS NOT NULL AND c.old <> e.eid AND c.root NOT IN (SELECT root FROM _split)""").fetchall():
        new_aliases[old] = eid
    aliases = dict(con.execute("SELECT alias, event_id FROM event_aliases").fetchall())
    # alias chains only look at whether their own ids are events now
    chain = set(aliases) | set(aliases.values()) | set(new_aliases) | set(new_aliases.values())
    ci = pa.table({"id": pa.array(sorted(chain), pa.string())})  # noqa: F841
    used = {r[0] for r in con.execute("SELECT eid FROM _eid WHERE eid IN (SELECT id FROM ci)").fetchall()}
    al = _resolve_aliases(aliases, new_aliases, used)
    al_t = pa.table({"alias": list(al), "event_id": list(al.values())},  # noqa: F841
                    schema=pa.schema([("alias", pa.string()), ("event_id", pa.string())]))
    con.execute("CREATE OR REPLACE TEMP TABLE _al AS SELECT * FROM al_t")
    con.execute("CREATE OR REPLACE TEMP TABLE _asg AS SELECT c.id, e.eid AS event_id FROM _cm c JOIN _eid e ON e.root = c.root")
    con.execute("""CREATE OR REPLACE TEMP TABLE _ids AS
        SELECT e.eid AS id, ev.created_at FROM _eid e JOIN events ev ON ev.id = e.eid WHERE e.kept""")


STEPS = ("keys", "pairs", "cluster", "ids", "write")


@contextmanager
def _step(name: str, t: dict, on_step) -> Iterator[None]:
    if on_step is not None:
        on_step(name)
    t0 = time.perf_counter()
    yield
    t[f"{name}_s"] = time.perf_counter() - t0


def run(con, timings: dict | None = None, on_step: Callable[[str], None] | None = None) -> dict[str, int]:
    """Re-merge every mention into events (inside the caller's transaction). Returns counts.
    `timings` gets each step's seconds (STEPS); `on_step(name)` is called as each one begins."""
    t = {} if timings is None else timings
    with _step("keys", t, on_step):
        con.execute(_sql("keys"))
        n = con.execute("SELECT count(*) FROM _mk").fetchall()[0][0]
    with _step("pairs", t, on_step):
        a, b = pairs(con)
        t["pairs"] = len(a)
    with _step("cluster", t, on_step):
        k = con.sql(f"SELECT basis IN {WEAK_BASES} AS weak, doc_n FROM _mk ORDER BY ord").to_arrow_table()
        weak = k["weak"].to_numpy(zero_copy_only=False).astype(bool)
        root = cluster_roots(n, a, b, weak, k["doc_n"].to_numpy().astype(np.int64))
        roots = pa.table({"ord": pa.array(np.arange(1, n + 1, dtype=np.int64)), "root": pa.array(root + 1)})  # noqa: F841
        con.execute("CREATE OR REPLACE TEMP TABLE _roots AS SELECT * FROM roots")
        events = int(np.count_nonzero(root == np.arange(n)))
    with _step("ids", t, on_step):
        _assign_ids(con)
    with _step("write", t, on_step):
        # one statement at a time: a multi-statement string is bound before it runs, and a later
        # statement planned against the tables as they were gives wrong rows
        for statement in _statements(_sql("write_events")):
            con.execute(statement)
        for tmp in ("_mk", "_roots", "_cm", "_split", "_eid", "_asg", "_ids", "_al", "_ea", "_ea_new", "_ev", "_ev_new"):
            con.execute(f"DROP TABLE IF EXISTS {tmp}")
    return {"mentions": n, "events": events}
