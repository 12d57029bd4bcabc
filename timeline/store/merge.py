"""Mentions -> canonical events: cluster the candidate pairs of sql/merge/candidate_pairs.sql,
keep event ids stable, then let sql/ choose each event's values from its claims.

Clustering is greedy in founding order (earliest reported, then document id, then
offset): a mention joins the earliest event whose mentions it pairs with (see
cluster()), so no chain of near-matches glues distinct happenings together, and the
result does not depend on the order documents were ingested in.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

import pyarrow as pa

from ..resources import sql_dir


def _sql(name: str) -> str:
    return (sql_dir() / "merge" / f"{name}.sql").read_text(encoding="utf-8")


WEAK_BASES = ("document_date", "undated")


def cluster(order: list[tuple[str, str, str]], pairs: dict[str, set[str]]) -> list[list[str]]:
    """Mentions (id, document, basis) in founding order -> clusters of ids, each in founding order.

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


def _new_id(founding: str, taken: set[str]) -> str:
    base = "ev_" + hashlib.sha1(founding.encode()).hexdigest()[:12]
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}_{n}"
    return eid


def assign_ids(clusters: list[list[str]], previous: dict[str, str | None], created: dict[str, object],
               aliases: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Event id per mention, and the alias table (spec, "its id").

    A cluster keeps the oldest id its mentions had before (each old id goes to one
    cluster only, the earliest founded); the other old ids become aliases of it. A
    cluster with no old id takes one derived from its founding mention.
    """
    taken = set(created) | set(aliases)
    used: set[str] = set()
    new_aliases: dict[str, str] = {}
    assignment: dict[str, str] = {}
    for members in clusters:
        olds = sorted({previous[m] for m in members if previous.get(m) in created and previous[m] not in used},
                      key=lambda e: (created[e], e))
        eid = olds[0] if olds else _new_id(members[0], taken | used)
        for other in olds[1:]:
            new_aliases[other] = eid
        used.add(eid)
        assignment.update({m: eid for m in members})
    merged = {**aliases, **new_aliases}
    for alias in list(merged):
        target = merged[alias]
        while target in merged and target not in used:
            target = merged[target]
        merged[alias] = target
    return assignment, {a: t for a, t in merged.items() if a not in used}


def run(con) -> dict[str, int]:
    """Re-merge every mention into events (inside the caller's transaction). Returns counts."""
    rows = con.execute(_sql("claims_in_order")).fetchall()
    order = [(r[0], r[2], r[3]) for r in rows]
    previous = {r[0]: r[1] for r in rows}
    pairs: dict[str, set[str]] = defaultdict(set)
    for a, b in con.execute(_sql("candidate_pairs")).fetchall():
        pairs[a].add(b)
        pairs[b].add(a)
    clusters = cluster(order, pairs)
    created = dict(con.execute("SELECT id, created_at FROM events").fetchall())
    aliases = dict(con.execute("SELECT alias, event_id FROM event_aliases").fetchall())
    assignment, aliases = assign_ids(clusters, previous, created, aliases)
    asg = pa.table({"id": list(assignment), "event_id": list(assignment.values())})  # noqa: F841 (read by name)
    kept = sorted(set(assignment.values()) & set(created))
    ids = pa.table({"id": kept, "created_at": pa.array([created[k] for k in kept], pa.timestamp("us"))})  # noqa: F841
    al = pa.table({"alias": list(aliases), "event_id": list(aliases.values())},  # noqa: F841
                  schema=pa.schema([("alias", pa.string()), ("event_id", pa.string())]))
    con.execute(_sql("write_events"))
    return {"mentions": len(order), "events": len(clusters)}
