"""Mentions -> canonical events: cluster the candidate pairs of sql/merge/, choose each
event's values from its claims, and keep event ids stable.

Clustering is greedy in founding order (earliest reported, then document id, then
offset): a mention joins the earliest event all of whose mentions it pairs with, so
no chain of near-matches glues distinct happenings together, and the result does
not depend on the order documents were ingested in.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from ..resources import sql_dir
from ..summary import summarise

# Strength of a claim's date (spec, "Claims"): a date the text gives beats one
# inferred from narrative or the document, which beats none.
BASIS_RANK = {"explicit": 0, "relative": 1, "inferred_year": 1, "named_event": 2, "document_date": 3, "undated": 4}
TYPE_RANK = {"signing": 0}  # an agreement told beside its signing is the signing


@dataclass
class Claim:
    id: str
    doc_id: str
    type: str
    status: str
    cancelled: bool
    date_start: date | None
    date_end: date | None
    precision: str | None
    basis: str
    edtf: str | None
    date_text: str | None
    window_start: date | None
    window_end: date | None
    place_id: str | None
    confidence: float
    old_event: str | None
    actors: list[tuple[str, str]] = field(default_factory=list)  # (actor id, role)


def _sql(name: str) -> str:
    return (sql_dir() / "merge" / f"{name}.sql").read_text(encoding="utf-8")


def _load_claims(con) -> list[Claim]:
    rows = con.execute(_sql("claims_in_order")).fetchall()
    claims = [Claim(*r[:16]) for r in rows]
    by_id = {c.id: c for c in claims}
    for mention_id, actor_id, role in con.execute("SELECT mention_id, actor_id, role FROM mention_actors ORDER BY ALL").fetchall():
        if mention_id in by_id:
            by_id[mention_id].actors.append((actor_id, role))
    return claims


def _cluster(claims: list[Claim], pairs: dict[str, set[str]]) -> list[list[Claim]]:
    clusters: list[list[Claim]] = []
    home: dict[str, int] = {}
    for c in claims:
        partners = pairs.get(c.id, set())
        candidates = sorted({home[p] for p in partners if p in home})
        for k in candidates:
            if all(m.id in partners for m in clusters[k]):
                clusters[k].append(c)
                home[c.id] = k
                break
        else:
            home[c.id] = len(clusters)
            clusters.append([c])
    return clusters


def _span(c: Claim) -> int:
    return (c.date_end - c.date_start).days if c.date_start else 10 ** 6


def choose_date(claims: list[Claim]) -> Claim | None:
    """The claim whose date the event takes: the strongest basis, then refined by any
    more precise claim inside it whose date comes from the text (never by one dated
    only by its document)."""
    dated = [c for c in claims if c.date_start is not None]
    if not dated:
        return None
    best = min(dated, key=lambda c: (BASIS_RANK[c.basis], _span(c)))
    for c in sorted(dated, key=lambda c: (_span(c), BASIS_RANK[c.basis])):
        if BASIS_RANK[c.basis] < BASIS_RANK["document_date"] and _span(c) < _span(best) \
                and best.date_start <= c.date_start and c.date_end <= best.date_end:
            return c
    return best


def _canonical(cluster: list[Claim], names: dict[str, str], place_names: dict[str, str]) -> dict:
    type_ = min((c.type for c in cluster), key=lambda t: TYPE_RANK.get(t, 1))
    done = [c for c in cluster if c.status == "occurred" and not c.cancelled]
    status = "occurred" if done else "planned"
    dated = choose_date(cluster)
    windows = [c for c in cluster if c.window_start]
    places = [c.place_id for c in cluster if c.place_id]
    place = max(places, key=places.count) if places else None
    actors: dict[str, str] = {}
    for c in cluster:
        for a, role in c.actors:
            if a not in actors or (actors[a] == "mentioned" and role != "mentioned"):
                actors[a] = role
    docs = {c.doc_id for c in cluster}
    confidence = min(0.99, max(c.confidence for c in cluster) + 0.05 * (len(docs) - 1))
    ev = {
        "type": type_, "status": status,
        "date_start": dated.date_start if dated else None, "date_end": dated.date_end if dated else None,
        "precision": dated.precision if dated else None, "basis": dated.basis if dated else "undated",
        "edtf": dated.edtf if dated else None, "date_text": dated.date_text if dated else None,
        "date_from": dated.id if dated else None,
        "window_start": windows[0].window_start if windows else None,
        "window_end": windows[0].window_end if windows else None,
        "place_id": place, "confidence": round(confidence, 2), "founded_by": cluster[0].id,
    }
    ev["summary"] = summarise(type_, status, [(a, names.get(a, a), r) for a, r in actors.items()],
                              place_names.get(place) if place else None, ev["date_start"], ev["precision"])
    return ev, actors


def _new_id(founding: str, taken: set[str]) -> str:
    base = "ev_" + hashlib.sha1(founding.encode()).hexdigest()[:12]
    eid, n = base, 1
    while eid in taken:
        n += 1
        eid = f"{base}_{n}"
    return eid


def run(con) -> dict[str, int]:
    """Re-merge every mention into events (inside one transaction). Returns counts."""
    claims = _load_claims(con)
    pairs: dict[str, set[str]] = defaultdict(set)
    for a, b in con.execute(_sql("candidate_pairs")).fetchall():
        pairs[a].add(b)
        pairs[b].add(a)
    clusters = _cluster(claims, pairs)
    old = dict(con.execute("SELECT id, created_at FROM events").fetchall())
    aliases = dict(con.execute("SELECT alias, event_id FROM event_aliases").fetchall())
    names = dict(con.execute("SELECT id, name FROM actors").fetchall())
    place_names = dict(con.execute("SELECT id, name FROM places").fetchall())
    taken = set(old) | set(aliases)
    used: set[str] = set()
    events, event_actors, assignment, new_aliases = [], [], [], {}
    for cluster in clusters:
        previous = sorted({c.old_event for c in cluster if c.old_event in old and c.old_event not in used},
                          key=lambda e: (old[e], e))
        if previous:
            eid = previous[0]
            for other in previous[1:]:
                new_aliases[other] = eid
        else:
            eid = _new_id(cluster[0].id, taken | used)
        used.add(eid)
        ev, actors = _canonical(cluster, names, place_names)
        events.append({"id": eid, **ev, "created_at": None})
        event_actors += [{"event_id": eid, "actor_id": a, "role": r} for a, r in actors.items()]
        assignment += [{"id": c.id, "event_id": eid} for c in cluster]
    for alias, target in list(aliases.items()) + list(new_aliases.items()):
        while target in new_aliases:
            target = new_aliases[target]
        new_aliases[alias] = target
    _write(con, events, event_actors, assignment, new_aliases, old)
    return {"mentions": len(claims), "events": len(events)}


def _write(con, events, event_actors, assignment, aliases, old_created) -> None:
    for e in events:
        e["created_at"] = old_created.get(e["id"])
    ev = pa.Table.from_pylist(events)  # noqa: F841 (read by DuckDB by name)
    ea = pa.Table.from_pylist(event_actors, schema=pa.schema(
        [("event_id", pa.string()), ("actor_id", pa.string()), ("role", pa.string())]))  # noqa: F841
    asg = pa.Table.from_pylist(assignment, schema=pa.schema([("id", pa.string()), ("event_id", pa.string())]))  # noqa: F841
    al = pa.Table.from_pylist([{"alias": a, "event_id": t} for a, t in aliases.items()],
                              schema=pa.schema([("alias", pa.string()), ("event_id", pa.string())]))  # noqa: F841
    con.execute(_sql("write_events"))
