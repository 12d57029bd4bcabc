"""Mentions -> canonical events: cluster the candidate pairs of sql/merge/candidate_pairs.sql,
keep event ids stable, then let sql/ choose each event's values from its claims.

Clustering is greedy in founding order (earliest reported, then document id, then
offset): a mention joins the earliest event all of whose mentions it pairs with, so
no chain of near-matches glues distinct happenings together, and the result does
not depend on the order documents were ingested in.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

import pyarrow as pa

from ..resources import sql_dir


def _sql(name: str) -> str:
    return (sql_dir() / "merge" / f"{name}.sql").read_text(encoding="utf-8")


def cluster(order: list[str], pairs: dict[str, set[str]]) -> list[list[str]]:
    """Mention ids in founding order -> clusters of ids."""
    clusters: list[list[str]] = []
    home: dict[str, int] = {}
    for m in order:
        partners = pairs.get(m, set())
        for k in sorted({home[p] for p in partners if p in home}):
            if all(x in partners for x in clusters[k]):
                clusters[k].append(m)
                home[m] = k
                break
        else:
            home[m] = len(clusters)
            clusters.append([m])
    return clusters


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
    order = [r[0] for r in rows]
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
