"""The curation step after every merge (timeline/ingest/run.py, remerge), inside its transaction.

The merge rewrites events, event_actors and event_aliases from the mentions on every run;
this step then, in order:

1. moves each mention of a copy (documents.mirror_of) to the event of its twin in the
   original, so a copy neither founds an event nor splits one;
2. applies the structural corrections in the order they were made: `merge_into` moves every
   mention of the corrected event to the target, which keeps the id the correction names (the
   other id becomes an alias); `split_off` moves one mention into an event of its own, whose id
   was fixed when the correction was made;
3. rebuilds the events those moves touched from their claims (sql/curation/rebuild_events.sql,
   the merge's rule) and lets a copy count once in an event's confidence;
4. applies the field corrections in the order they were made (date, type, status, actors;
   reject is read from the corrections by the export), then remakes the touched summaries;
5. records where each correction landed (corrections.state, applied_to, was): a correction
   whose event is gone is `orphaned` and reported by every ingest and correct run.

Events are found by id (through event_aliases), else by the mentions recorded with the
correction (correction_anchors: the same mention id, else an overlapping span of the same
type in the same document), so a re-extraction that moved offsets or a re-ingested document
does not lose a correction. The step is idempotent: run twice, it changes nothing more.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import pyarrow as pa

from ..resources import sql_dir
from ..store import stored

_STRUCTURAL = ("merge_into", "split_off")


def _sql(name: str) -> str:
    return (sql_dir() / "curation" / f"{name}.sql").read_text(encoding="utf-8")


@dataclass
class _State:
    """What the step knows of the events while it moves mentions."""
    con: object
    now: object
    live: set[str]
    created: dict[str, object]
    aliases: dict[str, str]
    rebuild: set[str] = field(default_factory=set)
    new_aliases: dict[str, str] = field(default_factory=dict)
    dropped_aliases: set[str] = field(default_factory=set)

    def resolve(self, eid: str | None) -> str | None:
        seen = set()
        while eid is not None and eid not in self.live and eid in self.aliases and eid not in seen:
            seen.add(eid)
            eid = self.aliases[eid]
        return eid if eid in self.live else None

    def alias(self, old: str, target: str) -> None:
        if old != target:
            self.aliases[old] = target
            self.new_aliases[old] = target


def _table(**cols) -> pa.Table:
    return pa.table({k: pa.array(v, pa.string()) for k, v in cols.items()})


def _move_events(st: _State, sources: set[str], target: str, created_at) -> None:
    """Every mention of the source events goes to target (which may be a new id)."""
    src = _table(id=sorted(sources - {target}))  # noqa: F841 (read by DuckDB by name)
    st.con.execute("UPDATE mentions SET event_id = ? WHERE event_id IN (SELECT id FROM src)", [target]).fetchall()
    for s in sources - {target}:
        # an id that lived before this run stays as an alias; one the merge minted in this
        # very transaction (created now) was never seen by anyone
        if s in st.created and st.created[s] != st.now:
            st.alias(s, target)
        st.live.discard(s)
        st.rebuild.add(s)
    st.created[target] = created_at
    st.live.add(target)
    st.rebuild.add(target)


def _move_mention(st: _State, mention_id: str, from_event: str, target: str, created_at) -> None:
    st.con.execute("UPDATE mentions SET event_id = ? WHERE id = ?", [target, mention_id]).fetchall()
    left = st.con.execute("SELECT count(*) FROM mentions WHERE event_id = ?", [from_event]).fetchall()[0][0]
    if not left:
        st.live.discard(from_event)
    st.rebuild.update({from_event, target})
    st.created.setdefault(target, created_at)
    if st.created[target] == st.now and created_at is not None:
        st.created[target] = created_at
    st.live.add(target)
    st.aliases.pop(target, None)
    st.dropped_aliases.add(target)


def _rebuild(st: _State) -> None:
    if not st.rebuild:
        return
    ids = sorted(st.rebuild)
    rb = pa.table({"id": pa.array(ids, pa.string()),  # noqa: F841 (read by DuckDB by name)
                   "created_at": pa.array([st.created.get(i) for i in ids], pa.timestamp("us"))})
    st.con.execute(_sql("rebuild_events")).fetchall()
    st.live = {r[0] for r in st.con.execute("SELECT id FROM events").fetchall()}
    st.rebuild.clear()


def _align_mirrors(st: _State) -> int:
    """Each mention of a copy goes to its twin's event. An event left with no mention keeps
    living under its id when it was older than the twin's (the merge's rule: a cluster keeps the
    oldest id its mentions had), else becomes an alias of it."""
    moves = [(m, ev, twin) for m, ev, twin in st.con.execute(_sql("mirror_twins")).fetchall()
             if twin is not None and ev != twin]
    if not moves:
        return 0
    by_target: dict[str, list[str]] = defaultdict(list)
    for m, _ev, twin in moves:
        by_target[twin].append(m)
    sources: dict[str, set[str]] = defaultdict(set)
    for twin, ms in by_target.items():
        t = _table(id=ms)  # noqa: F841
        sources[twin] = {r[0] for r in st.con.execute(
            "SELECT DISTINCT event_id FROM mentions WHERE id IN (SELECT id FROM t) AND event_id IS NOT NULL").fetchall()}
        st.con.execute("UPDATE mentions SET event_id = ? WHERE id IN (SELECT id FROM t)", [twin]).fetchall()
        st.rebuild.update(sources[twin] | {twin})
    left = {r[0] for r in st.con.execute("SELECT DISTINCT event_id FROM mentions WHERE event_id IS NOT NULL").fetchall()}
    for twin, srcs in sources.items():
        emptied = [x for x in srcs if x not in left and x != twin and x in st.live]
        st.live.difference_update(emptied)
        older = sorted((x for x in emptied if st.created.get(x) not in (None, st.now)), key=lambda x: (st.created[x], x))
        target = twin
        if older and st.created.get(twin) in (None, st.now) and twin in left:
            target = older[0]  # the twin's event was made by this very merge: it takes the old id
            st.con.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [target, twin]).fetchall()
            st.live.discard(twin)
            st.live.add(target)
            st.rebuild.add(target)
            st.aliases.pop(target, None)
            left.discard(twin)
            left.add(target)
        for x in older:
            if x != target:
                st.alias(x, target)
    return len(moves)


def _anchors(con) -> dict[int, dict[str, list[tuple[str, str]]]]:
    """correction id -> role -> [(mention id now, its event)]."""
    out: dict[int, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for cid, role, _anchor, mid, eid in con.execute(_sql("anchor_matches")).fetchall():
        out[cid][role].append((mid, eid))
    return out


def _events_of(con, mention_ids: list[str]) -> set[str]:
    if not mention_ids:
        return set()
    t = _table(id=mention_ids)  # noqa: F841
    return {r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM mentions WHERE id IN (SELECT id FROM t) AND event_id IS NOT NULL").fetchall()}


def _target(st: _State, c: dict, found: dict[str, list[tuple[str, str]]]) -> str | None:
    """The living event a field correction is about: by id (through aliases), else the event
    holding most of its anchor mentions now."""
    eid = st.resolve(c["event_id"])
    if eid:
        return eid
    mids = [m for m, _ in found.get("event", [])]
    if not mids:
        return None
    t = _table(id=mids)  # noqa: F841
    rows = st.con.execute("SELECT event_id, count(*) AS n FROM mentions WHERE id IN (SELECT id FROM t) "
                          "AND event_id IS NOT NULL GROUP BY event_id ORDER BY n DESC, event_id LIMIT 1").fetchall()
    return rows[0][0] if rows else None


def _structural(st: _State, c: dict, found) -> tuple[str | None, str | None, str | None]:
    """Apply one merge_into or split_off. Returns (applied_to, was, problem)."""
    p = json.loads(c["payload"])
    if c["kind"] == "merge_into":
        into = p["into"]
        src = _events_of(st.con, [m for m, _ in found.get("event", [])])
        if not src and st.resolve(c["event_id"]):
            src = {st.resolve(c["event_id"])}
        tgt = _events_of(st.con, [m for m, _ in found.get("into", [])])
        if not tgt and st.resolve(into):
            tgt = {st.resolve(into)}
        if not src:
            return None, None, f"its event {c['event_id']} is gone (all its mentions were removed)"
        if not tgt:
            return None, None, f"the event it joins, {into}, is gone (all its mentions were removed)"
        group = src | tgt
        if group != {into} or into not in st.live:
            was = ", ".join(sorted(group - {into})) + " apart"
            created = [st.created[g] for g in group if st.created.get(g) not in (None, st.now)]
            _move_events(st, group, into, min(created) if created else st.now)
            if c["event_id"] != into and c["event_id"] not in st.live:
                st.alias(c["event_id"], into)
            return into, was, None
        if c["event_id"] != into and c["event_id"] not in st.live and st.aliases.get(c["event_id"]) != into:
            st.alias(c["event_id"], into)
        return into, None, None
    # split_off
    new_id = p["new_id"]
    hit = found.get("split", [])
    if not hit:
        return None, None, f"its mention {p['doc']}:{p['start']} is gone (its document was removed or re-extracted without it)"
    mid = hit[0][0]
    now = _events_of(st.con, [mid])
    ev = next(iter(now)) if now else None
    if ev == new_id:
        return new_id, None, None
    _move_mention(st, mid, ev, new_id, c["created_at"])
    return new_id, ev, None


def _set_fields(st: _State, eid: str, c: dict) -> str | None:
    """Apply one field correction to a living event; returns the value it replaced (None when
    the event already had it)."""
    con, p = st.con, json.loads(c["payload"])
    kind = c["kind"]
    if kind == "date":
        cur = con.execute("SELECT date_start, date_end, precision, edtf, basis FROM events WHERE id = ?", [eid]).fetchall()[0]
        new = (p["date_start"], p["date_end"], p["precision"], p["edtf"])
        if (str(cur[0]) if cur[0] else None, str(cur[1]) if cur[1] else None, cur[2], cur[3]) == new:
            return None
        con.execute("UPDATE events SET date_start = CAST(? AS DATE), date_end = CAST(? AS DATE), precision = ?, edtf = ?, "
                    "basis = 'explicit', date_text = NULL, date_from = NULL WHERE id = ?", [*new, eid]).fetchall()
        return cur[3] or "undated"
    if kind in ("type", "status"):
        cur = con.execute(f"SELECT {kind} FROM events WHERE id = ?", [eid]).fetchall()[0][0]
        if cur == p[kind]:
            return None
        con.execute(f"UPDATE events SET {kind} = ? WHERE id = ?", [p[kind], eid]).fetchall()
        return cur
    if kind == "actor_add":
        con.execute("INSERT OR IGNORE INTO actors (id, name, kind, country, provisional) VALUES (?, ?, ?, ?, false)",
                    [p["actor"], p.get("name") or p["actor"], p.get("actor_kind") or "organisation", p.get("country")]).fetchall()
        cur = con.execute("SELECT role FROM event_actors WHERE event_id = ? AND actor_id = ?", [eid, p["actor"]]).fetchall()
        if cur and cur[0][0] == p["role"]:
            return None
        con.execute("DELETE FROM event_actors WHERE event_id = ? AND actor_id = ?", [eid, p["actor"]]).fetchall()
        con.execute("INSERT INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
                    [eid, p["actor"], p["role"]]).fetchall()
        return cur[0][0] if cur else "absent"
    if kind == "actor_remove":
        cur = con.execute("SELECT role FROM event_actors WHERE event_id = ? AND actor_id = ?", [eid, p["actor"]]).fetchall()
        if not cur:
            return None
        con.execute("DELETE FROM event_actors WHERE event_id = ? AND actor_id = ?", [eid, p["actor"]]).fetchall()
        return cur[0][0]
    return None  # reject: read from the corrections by export_events


def _summaries(con, ids: set[str]) -> None:
    if not ids:
        return
    t = _table(id=sorted(ids))  # noqa: F841
    con.execute("""
        UPDATE events SET summary = event_summary(events.type, events.status,
            coalesce((SELECT list(a.name ORDER BY ea.role, a.id) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                      WHERE ea.event_id = events.id AND ea.role <> 'mentioned'), []),
            (SELECT p.name FROM places p WHERE p.id = events.place_id))
        WHERE id IN (SELECT id FROM t)""").fetchall()


def _write_aliases(st: _State) -> None:
    """No alias may name a living event, and none may lead to another alias."""
    merged = dict(st.aliases)
    for a in list(merged):
        t, seen = merged[a], {a}
        while t in merged and t not in st.live and t not in seen:
            seen.add(t)
            t = merged[t]
        merged[a] = t
    merged = {a: t for a, t in merged.items() if a not in st.live and a != t}
    before = dict(st.con.execute("SELECT alias, event_id FROM event_aliases").fetchall())
    if merged != before:
        al = pa.table({"alias": pa.array(list(merged), pa.string()),  # noqa: F841
                       "event_id": pa.array(list(merged.values()), pa.string())})
        st.con.execute("DELETE FROM event_aliases").fetchall()
        st.con.execute("INSERT INTO event_aliases BY NAME SELECT * FROM al").fetchall()


def apply(con, counts: dict | None = None) -> dict[str, int]:
    """Apply copies and corrections to the merged events (inside the caller's transaction).
    Returns counts: mirrored (copy mentions moved), applied, orphaned; sets counts["events"]
    (the merge's counts, when given) to the events there are now."""
    now = con.execute("SELECT current_timestamp::TIMESTAMP").fetchall()[0][0]
    created = dict(con.execute("SELECT id, created_at FROM events").fetchall())
    st = _State(con, now, set(created), created,
                dict(con.execute("SELECT alias, event_id FROM event_aliases").fetchall()))
    mirrored = _align_mirrors(st)
    rows = con.execute("SELECT id, event_id, given_id, kind, payload, created_at, state, applied_to, was "
                       "FROM corrections ORDER BY created_at, id").fetchall()
    cols = ("id", "event_id", "given_id", "kind", "payload", "created_at", "state", "applied_to", "was")
    corrections = [dict(zip(cols, r)) for r in rows]
    results: dict[int, tuple[str, str | None, str | None, str | None]] = {}  # id -> (state, applied_to, was, problem)
    found = _anchors(con) if corrections else {}
    for c in corrections:
        if c["kind"] in _STRUCTURAL:
            applied_to, was, problem = _structural(st, c, found.get(c["id"], {}))
            results[c["id"]] = ("orphaned" if problem else "applied", applied_to,
                                was if was is not None else c["was"], problem)
    _rebuild(st)
    con.execute(_sql("mirror_confidence")).fetchall()
    touched: set[str] = set()
    for c in corrections:
        if c["kind"] in _STRUCTURAL:
            continue
        eid = _target(st, c, found.get(c["id"], {}))
        if eid is None:
            results[c["id"]] = ("orphaned", None, c["was"],
                                f"its event {c['event_id']} is gone (all its mentions were removed)")
            continue
        was = _set_fields(st, eid, c)
        touched.add(eid)
        results[c["id"]] = ("applied", eid, was if was is not None else c["was"], None)
    _summaries(con, touched)
    _write_aliases(st)
    con.execute("DELETE FROM removed_events WHERE id IN (SELECT id FROM events)").fetchall()
    if results:
        ids = list(results)
        res = pa.table({  # noqa: F841
            "id": pa.array(ids, pa.int32()),
            "state": pa.array([results[i][0] for i in ids], pa.string()),
            "applied_to": pa.array([results[i][1] for i in ids], pa.string()),
            "was": pa.array([results[i][2] for i in ids], pa.string()),
            "problem": pa.array([results[i][3] for i in ids], pa.string())})
        con.execute("""UPDATE corrections SET state = res.state, applied_to = res.applied_to, was = res.was,
                       problem = res.problem, checked_at = current_timestamp
                       FROM res WHERE corrections.id = res.id""").fetchall()
    if counts is not None:
        counts["events"] = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    stored.refresh(con)  # the last step of every write: the stored views see its result
    return {"mirrored": mirrored, "applied": sum(1 for r in results.values() if r[0] == "applied"),
            "orphaned": sum(1 for r in results.values() if r[0] == "orphaned")}


def orphan_warnings(con) -> list[str]:
    """One line per correction whose event is gone: every ingest and correct run prints them."""
    rows = con.execute("SELECT id, event_id, what, author, created_at, problem FROM correction_status "
                       "WHERE state = 'orphaned' ORDER BY id").fetchall()
    return [f"warning: correction {i} on {eid} ({what}; by {by}, {at:%Y-%m-%d}) is not applied: {problem}; "
            f"it is kept and applies again if they come back" for i, eid, what, by, at, problem in rows]
