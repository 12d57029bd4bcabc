"""Recording corrections: `timeline correct EVENT_ID --date … --by NAME --why TEXT`, or a TOML
file of them (one table per correction). Each is checked against the database, stored with
its author, reason and time and the mentions it is about (correction_anchors), and applied at
once (timeline/curation/apply.py); every later merge applies it again.

A TOML file holds tables with these keys, `event`, `by` and `why` in each (or at the top level
for all of them), and any of the others:

    [[correction]]
    event = "ev_266fe42dd627"
    date = "2023-10-07"            # or an EDTF interval: "2023-10-01/2023-10-07", "2023-10", "2023"
    type = "meeting"
    status = "occurred"
    actor = ["+KAZ", "-RUS"]        # "+ID:role" for another role than the default
    reject = true
    merge_into = "ev_…"
    split_off = "DOC:START"         # a source of the event (export: sources[].doc, .start)
    by = "A. Analyst"
    why = "The Kremlin's readout gives 7 October"
"""
from __future__ import annotations

import calendar
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import TimelineError

TYPES = ("meeting", "signing", "agreement", "supply_start", "supply_halt", "drone_strike", "statement", "plan", "volume")
STATUSES = ("occurred", "planned")
ROLES = ("agent", "counterpart", "target", "mentioned")
KEYS = {"event", "date", "type", "status", "actor", "reject", "merge_into", "split_off", "by", "why"}


class CorrectionError(TimelineError):
    """A correction that cannot be made (unknown event, bad date, ...): nothing is stored."""
    exit_code = 1


@dataclass
class CorrectReport:
    recorded: list[int] = field(default_factory=list)   # new correction ids
    duplicates: int = 0                                  # the same correction was already stored
    applied: int = 0
    orphaned: int = 0
    warnings: list[str] = field(default_factory=list)

    def line(self) -> str:
        s = f"{len(self.recorded)} corrections recorded"
        if self.duplicates:
            s += f" ({self.duplicates} already recorded, left as they were)"
        return s + f"; {self.applied} applied, {self.orphaned} whose event is gone"


# ------------------------------------------------------------------ parsing


def _point(s: str, end: bool) -> tuple[date, str]:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", s)
    if not m:
        raise CorrectionError(f"date {s!r}: expected YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B of these")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return date(y, int(mo), int(d)), "day"
        if mo:
            mo = int(mo)
            return (date(y, mo, calendar.monthrange(y, mo)[1]) if end else date(y, mo, 1)), "month"
        return (date(y, 12, 31) if end else date(y, 1, 1)), "year"
    except ValueError as e:
        raise CorrectionError(f"date {s!r}: {e}") from None


def parse_date(value: str) -> dict:
    """`2023-10-07`, `2023-10`, `2023`, or an EDTF interval `2023-10-01/2023-10-07` ->
    {date_start, date_end, precision, edtf}."""
    value = value.strip()
    if "/" in value:
        a, b = value.split("/", 1)
        start, pa_ = _point(a, False)
        end, pb = _point(b, True)
        if end < start:
            raise CorrectionError(f"date {value!r}: the interval ends before it starts")
        days = (end - start).days
        if start == end:
            precision = "day"
        elif start.day == 1 and start.month == 1 and end.month == 12 and end.day == 31 and start.year == end.year:
            precision = "year"
        elif start.day == 1 and (start.year, start.month) == (end.year, end.month) \
                and end.day == calendar.monthrange(end.year, end.month)[1]:
            precision = "month"
        elif days < 7:
            precision = "week"
        elif (start.year, start.month) == (end.year, end.month):
            precision = "part_of_month"
        elif start.year == end.year:
            precision = "part_of_year"
        else:
            precision = "year"
        edtf = value if (pa_, pb) != ("day", "day") or start != end else start.isoformat()
    else:
        start, precision = _point(value, False)
        end, _ = _point(value, True)
        edtf = value
    return {"date_start": start.isoformat(), "date_end": end.isoformat(), "precision": precision, "edtf": edtf}


# ------------------------------------------------------------------ resolving against the database


def resolve_event(con, given: str) -> str:
    """A living event id for an id given by a person: itself, or what its alias leads to."""
    eid, seen = given, set()
    while eid not in seen:
        seen.add(eid)
        if con.execute("SELECT count(*) FROM events WHERE id = ?", [eid]).fetchall()[0][0]:
            return eid
        row = con.execute("SELECT event_id FROM event_aliases WHERE alias = ?", [eid]).fetchall()
        if not row:
            break
        eid = row[0][0]
    gone = con.execute("SELECT removed_at, reason FROM removed_events WHERE id IN (?, ?)", [given, eid]).fetchall()
    if gone:
        raise CorrectionError(f"event {given} was removed on {gone[0][0]:%Y-%m-%d} ({gone[0][1]}); nothing to correct")
    raise CorrectionError(f"no event {given} in the database (see `timeline export` for the ids)")


def _mentions(con, eid: str) -> list[tuple]:
    return con.execute('SELECT id, doc_id, type, start, "end" FROM mentions WHERE event_id = ? ORDER BY id',
                       [eid]).fetchall()


def _actor(con, spec: str, eid: str) -> tuple[str, dict]:
    m = re.fullmatch(r"([+-])\s*([^:]+?)(?::(\w+))?", spec.strip())
    if not m:
        raise CorrectionError(f"actor {spec!r}: expected +ID or -ID (or +ID:role), e.g. +KAZ, -RUS")
    sign, aid, role = m.groups()
    if sign == "-":
        if role:
            raise CorrectionError(f"actor {spec!r}: a role is given only with +")
        return "actor_remove", {"actor": aid}
    row = con.execute("SELECT id, name, kind, country FROM actors WHERE id = ? OR lower(id) = lower(?) "
                      "ORDER BY id = ? DESC LIMIT 1", [aid, aid, aid]).fetchall()
    if row:
        aid, name, kind, country = row[0]
    else:
        from ..events.actors import gazetteer

        e = gazetteer().get(aid) or gazetteer().get(aid.upper())
        if e is None or e.kind not in ("country", "person", "organisation"):
            raise CorrectionError(f"actor {aid!r} is neither in the database nor in the gazetteer "
                                  "(ISO alpha-3 for a country, the English Wikipedia title otherwise)")
        aid, name, kind, country = e.id, e.name, e.kind, e.country
    if role is None:
        has_agent = con.execute("SELECT count(*) FROM event_actors WHERE event_id = ? AND role = 'agent' AND actor_id <> ?",
                                [eid, aid]).fetchall()[0][0]
        role = "counterpart" if has_agent else "agent"
    if role not in ROLES:
        raise CorrectionError(f"actor {spec!r}: role must be one of {', '.join(ROLES)}")
    return "actor_add", {"actor": aid, "role": role, "name": name, "actor_kind": kind, "country": country}


def _split(con, spec: str, eid: str) -> tuple[dict, tuple]:
    doc, sep, start = str(spec).rpartition(":")
    if not sep or not doc or not start.strip().isdigit():
        raise CorrectionError(f"split-off {spec!r}: expected DOC:START, a source's document id and quote offset")
    start = int(start)
    ms = _mentions(con, eid)
    if len(ms) < 2:
        raise CorrectionError(f"split-off {spec}: event {eid} has one mention only; nothing to split it from")
    hit = [m for m in ms if m[1] == doc and m[3] == start] or [m for m in ms if m[1] == doc and m[3] <= start < m[4]]
    if not hit:
        raise CorrectionError(f"split-off {spec}: event {eid} has no source in {doc} at offset {start} "
                              "(see the event's sources: doc and start)")
    mention = hit[0]
    base = "ev_" + hashlib.sha1(f"split:{mention[0]}".encode()).hexdigest()[:12]
    new_id, n = base, 1
    while con.execute("SELECT (SELECT count(*) FROM events WHERE id = $1) + (SELECT count(*) FROM event_aliases WHERE alias = $1)"
                      " + (SELECT count(*) FROM removed_events WHERE id = $1)"
                      " + (SELECT count(*) FROM corrections WHERE json_extract_string(payload, '$.new_id') = $1)",
                      [new_id]).fetchall()[0][0]:
        n += 1
        new_id = f"{base}_{n}"
    return {"doc": doc, "start": mention[3], "new_id": new_id}, mention


def plan(con, given: str, *, by: str, why: str, date: str | None = None, type: str | None = None,  # noqa: A002
         status: str | None = None, actors: list[str] | tuple = (), reject: bool = False,
         merge_into: str | None = None, split_off: str | None = None) -> list[dict]:
    """The correction rows (with anchors) for one event, checked; nothing is written."""
    if not (by or "").strip():
        raise CorrectionError("a correction needs its author (--by NAME)")
    if not (why or "").strip():
        raise CorrectionError("a correction needs its reason (--why TEXT)")
    eid = resolve_event(con, given)
    own = _mentions(con, eid)
    rows: list[dict] = []

    def add(kind, payload, anchors):
        rows.append({"event_id": eid, "given_id": given, "kind": kind, "author": by.strip(), "reason": why.strip(),
                     "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True), "anchors": anchors})

    ev_anchors = [("event", *m) for m in own]
    if merge_into:
        into = resolve_event(con, merge_into)
        if into == eid:
            raise CorrectionError(f"merge-into: {given} and {merge_into} are already one event ({eid})")
        add("merge_into", {"into": into}, ev_anchors + [("into", *m) for m in _mentions(con, into)])
    if split_off:
        payload, mention = _split(con, split_off, eid)
        add("split_off", payload, [("split", *mention)])
    if date:
        add("date", parse_date(date), ev_anchors)
    if type:
        if type not in TYPES:
            raise CorrectionError(f"type {type!r}: expected one of {', '.join(TYPES)}")
        add("type", {"type": type}, ev_anchors)
    if status:
        if status not in STATUSES:
            raise CorrectionError(f"status {status!r}: expected one of {', '.join(STATUSES)}")
        add("status", {"status": status}, ev_anchors)
    for spec in actors or ():
        kind, payload = _actor(con, spec, eid)
        if kind == "actor_remove" and not con.execute(
                "SELECT count(*) FROM event_actors WHERE event_id = ? AND actor_id = ?", [eid, payload["actor"]]).fetchall()[0][0]:
            raise CorrectionError(f"actor -{payload['actor']}: event {eid} has no such actor")
        add(kind, payload, ev_anchors)
    if reject:
        add("reject", {}, ev_anchors)
    if not rows:
        raise CorrectionError("nothing to correct: give --date, --type, --status, --actor, --reject, --merge-into or --split-off")
    return rows


def read_file(path: str | Path) -> list[dict]:
    """The corrections of a TOML file, as keyword arguments of `plan` (with `given`)."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise CorrectionError(f"{path}: {e}") from None
    defaults = {k: v for k, v in data.items() if k in ("by", "why") and isinstance(v, str)}
    tables: list[tuple[str, dict]] = []
    for name, v in data.items():
        if isinstance(v, dict):
            tables.append((name, v))
        elif isinstance(v, list) and all(isinstance(x, dict) for x in v):
            tables.extend((f"{name}[{i}]", x) for i, x in enumerate(v, 1))
    if not tables:
        raise CorrectionError(f"{path}: no correction tables (one table per correction, e.g. [[correction]])")
    out = []
    for name, t in tables:
        unknown = set(t) - KEYS
        if unknown:
            raise CorrectionError(f"{path}: [{name}]: unknown keys {', '.join(sorted(unknown))} "
                                  f"(expected {', '.join(sorted(KEYS))})")
        if "event" not in t:
            raise CorrectionError(f"{path}: [{name}]: no `event`")
        actors = t.get("actor", [])
        out.append({"given": str(t["event"]), "by": t.get("by", defaults.get("by")), "why": t.get("why", defaults.get("why")),
                    "date": t.get("date"), "type": t.get("type"), "status": t.get("status"),
                    "actors": [actors] if isinstance(actors, str) else list(actors), "reject": bool(t.get("reject", False)),
                    "merge_into": t.get("merge_into"), "split_off": t.get("split_off"), "_where": f"{path}: [{name}]"})
    return out


def record(con, requests: list[dict]) -> CorrectReport:
    """Check, store and apply corrections, all in one transaction: every one of them or none."""
    from .apply import apply, orphan_warnings

    report = CorrectReport()
    con.execute("BEGIN")
    try:
        for req in requests:
            req = dict(req)
            where = req.pop("_where", None)
            try:
                rows = plan(con, req.pop("given"), **req)
            except CorrectionError as e:
                raise CorrectionError(f"{where}: {e}" if where else str(e)) from None
            for r in rows:
                dup = con.execute("SELECT count(*) FROM corrections WHERE event_id = ? AND kind = ? AND payload = ? "
                                  "AND author = ? AND reason = ?",
                                  [r["event_id"], r["kind"], r["payload"], r["author"], r["reason"]]).fetchall()[0][0]
                if dup:
                    report.duplicates += 1
                    continue
                cid = con.execute("INSERT INTO corrections (event_id, given_id, kind, payload, author, reason) "
                                  "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                  [r["event_id"], r["given_id"], r["kind"], r["payload"], r["author"], r["reason"]]).fetchall()[0][0]
                if r["anchors"]:
                    con.executemany('INSERT OR IGNORE INTO correction_anchors (correction_id, role, mention_id, doc_id, type, start, "end") '
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)", [[cid, *a] for a in r["anchors"]])
                report.recorded.append(cid)
        counts = apply(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    report.applied, report.orphaned = counts["applied"], counts["orphaned"]
    report.warnings = orphan_warnings(con)
    return report
