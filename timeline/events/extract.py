"""Sentences, times, triggers, actors and quantities of one document -> event mentions.

The rules, in the order the spec gives them ("Dates", "Actors and places"):

- Each trigger takes the time of its own clause; a clause without one takes the
  time of its sentence that no other trigger's clause owns; a sentence without
  any takes the narrative's time (the latest time of the same or the previous
  paragraph), unless it tells its event as background ("earlier", "already"),
  then it stays undated; failing all, the document's reference date with basis
  `document_date`, else undated.
- A statement is an event only when the text dates it itself (spec: "dated in
  the text"); a volume only with a quantity.
- Actors are those the sentence names (countries of named people and bodies
  added as `mentioned`); a sentence naming none takes those of the nearest
  earlier sentence of its paragraph that names some, else the headline's.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date
from functools import cache

from .. import langdata
from ..model import ActorMatch, Mention, RefDate, Sentence, TimeExpr, Trigger
from ..temporal import find_dates
from .actors import Gazetteer
from .quantities import find_quantities
from .triggers import find_triggers, is_cancelled, status_of

OWN_TIME_BASES = ("explicit", "inferred_year", "relative", "named_event")
QUANTITY_TYPES = ("volume", "supply_start", "supply_halt")
TARGET_TYPES = ("drone_strike", "supply_halt")
_CLAUSE_PUNCT = r"(?<!\d)[,;:](?!\d)|[,;:](?=\s)|\s[\u2014\u2013-]\s|[()\u00ab\u00bb\u201c\u201d]"
_HEADER = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}\s*")
_DATELINE_DASH = re.compile(r"\s[\u2014\u2013-]{1,2}\s")


@cache
def _discourse(lang: str) -> tuple[re.Pattern | None, re.Pattern]:
    data = langdata.load(lang, "discourse")
    words = sorted(data.get("background", []), key=len, reverse=True)
    background = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I) if words else None
    joiners = sorted(data.get("clause_joiners", []), key=len, reverse=True)
    joined = "|".join(map(re.escape, joiners))
    clause = re.compile(_CLAUSE_PUNCT + (rf"|(?<!\w)(?:{joined})(?!\w)" if joined else ""), re.I)
    return background, clause


def _head_end(text: str, ref: RefDate) -> int:
    """End of the header line or dateline that gave the reference date: times
    there date the document, not an event."""
    if ref.how == "header":
        m = _HEADER.match(text)
        return m.end() if m else 0
    if ref.how == "dateline":
        m = _DATELINE_DASH.search(text, 0, 120)
        return m.end() if m else 0
    return 0


def _clauses(sentence: Sentence, pattern: re.Pattern) -> list[int]:
    """Start offsets (absolute) of the clauses of a sentence."""
    return [sentence.start] + [sentence.start + m.start() for m in pattern.finditer(sentence.text)]


def _clause_of(pos: int, bounds: list[int]) -> int:
    i = 0
    for k, b in enumerate(bounds):
        if b <= pos:
            i = k
    return i


def _pick_time(trig: Trigger, times: list[TimeExpr], trig_clauses: dict[int, int], bounds: list[int]) -> TimeExpr:
    """The time of the trigger's clause, else the nearest time no other trigger's clause owns."""
    mine = _clause_of(trig.start, bounds)
    same = [t for t in times if _clause_of(t.start, bounds) == mine]
    if not same:
        others = {c for s, c in trig_clauses.items() if s != trig.start}
        same = [t for t in times if _clause_of(t.start, bounds) not in others] or times
    return min(same, key=lambda t: abs(t.start - trig.start))


def _doc_time(ref: RefDate) -> TimeExpr | None:
    if ref.date is None:
        return None
    d = ref.date
    return TimeExpr(text="", start=-1, end=-1, date_start=d, date_end=d, precision="day",
                    basis="document_date", edtf=d.isoformat(), rule="document_date")


def _mention_id(doc: str, start: int, type_: str, k: int) -> str:
    return hashlib.sha1(f"{doc}\x1f{start}\x1f{type_}\x1f{k}".encode()).hexdigest()[:16]


def _confidence(basis: str, actors: list[tuple[ActorMatch, str]]) -> float:
    """0..1: how likely the mention is a real event with the right date and actors.
    A date from the text and named people or bodies from the gazetteer each add."""
    c = 0.4
    c += {"explicit": 0.3, "inferred_year": 0.25, "relative": 0.25, "named_event": 0.2,
          "document_date": 0.1}.get(basis, 0.0)
    kinds = {a.kind for a, _ in actors if not a.provisional}
    if kinds & {"person", "organisation"}:
        c += 0.2
    elif kinds:
        c += 0.1
    elif actors:
        c += 0.05
    return round(min(c, 0.95), 2)


class DocumentExtractor:
    """Extraction of one document; a pure function of its text, language and reference date."""

    def __init__(self, doc_id: str, text: str, lang: str, ref: RefDate, gazetteer: Gazetteer):
        self.doc_id, self.text, self.lang, self.ref, self.gaz = doc_id, text, lang, ref, gazetteer
        self.background, self.clause_re = _discourse(lang)

    def run(self, sentences: list[Sentence]) -> list[Mention]:
        head = _head_end(self.text, self.ref)
        times = [t for t in find_dates(self.text, self.lang, self.ref.date) if t.start >= head]
        names = self.gaz.find(self.text, self.lang)
        quantities = [q for q in find_quantities(self.text, self.lang) if q.unit != "%"]
        actors_by_sent: list[list[ActorMatch]] = []
        mentions: list[Mention] = []
        last_timed: tuple[int, TimeExpr] | None = None  # (paragraph, time) of the narrative
        for si, s in enumerate(sentences):
            in_s = [n for n in names if s.start <= n.start < s.end]
            actors_by_sent.append([n for n in in_s if n.kind != "place"])
            places = [n for n in in_s if n.kind == "place"]
            own = [t for t in times if s.start <= t.start < s.end and t.date_start is not None]
            triggers = [replace(tr, start=tr.start + s.start, end=tr.end + s.start)
                        for tr in find_triggers(s.text, self.lang) if tr.start >= head - s.start]
            if triggers:
                mentions += self._sentence_mentions(si, s, sentences, triggers, own, last_timed,
                                                    actors_by_sent, places, quantities)
            if own:
                last_timed = (s.paragraph, own[-1])
        return mentions

    def _sentence_mentions(self, si, s, sentences, triggers, own, last_timed, actors_by_sent,
                           places, quantities) -> list[Mention]:
        bounds = _clauses(s, self.clause_re)
        trig_clauses = {t.start: _clause_of(t.start, bounds) for t in triggers}
        background = bool(self.background and self.background.search(s.text))
        narrative = None
        if last_timed and last_timed[0] >= s.paragraph - 1 and not background:
            narrative = last_timed[1]
        actors = self._actors(si, sentences, actors_by_sent)
        out: list[Mention] = []
        seen: set[tuple] = set()
        for k, trig in enumerate(triggers):
            status = "planned" if trig.type == "plan" else status_of(s.text, self.lang, _rel(trig, s))
            if own:
                time = _pick_time(trig, own, trig_clauses, bounds)
            elif trig.type == "statement":
                continue  # a statement is an event only when the text dates it
            elif narrative is not None:
                time = narrative
            elif background:
                time = None
            else:
                time = _doc_time(self.ref)
            quantity = None
            if trig.type in QUANTITY_TYPES:
                near = [q for q in quantities if s.start <= q.start < s.end]
                quantity = min(near, key=lambda q: abs(q.start - trig.start)) if near else None
                if trig.type == "volume" and quantity is None:
                    continue
            key = (trig.type, time.start if time else None, quantity.start if quantity else None)
            if key in seen:
                continue
            seen.add(key)
            out.append(self._mention(s, trig, k, status, time, actors, places, quantity))
        return out

    def _actors(self, si: int, sentences: list[Sentence], actors_by_sent) -> list[ActorMatch]:
        if actors_by_sent[si]:
            return actors_by_sent[si]
        para = sentences[si].paragraph
        for j in range(si - 1, -1, -1):
            if sentences[j].paragraph != para:
                break
            if actors_by_sent[j]:
                return actors_by_sent[j]
        return actors_by_sent[0] if si > 0 else []

    def _mention(self, s: Sentence, trig: Trigger, k: int, status: str, time: TimeExpr | None,
                 actors: list[ActorMatch], places: list[ActorMatch], quantity) -> Mention:
        date_start = date_end = None
        precision = edtf = date_text = None
        basis = "undated"
        if time is not None:
            date_start, date_end, edtf = time.date_start, time.date_end, time.edtf
            if status == "planned" and time.future is not None:
                (date_start, date_end), edtf = time.future, time.future_edtf
            precision, basis, date_text = time.precision, time.basis, time.text or None
        roles: list[tuple[ActorMatch, str]] = []
        seen: set[str] = set()
        for a in actors:
            if a.id in seen:
                continue
            seen.add(a.id)
            after = a.start > trig.start and s.start <= a.start < s.end
            role = ("target" if trig.type in TARGET_TYPES else "counterpart") if after else "agent"
            roles.append((a, role))
        for a in list(actors):
            if a.country and a.country not in seen:
                seen.add(a.country)
                roles.append((self.gaz.country(a.country), "mentioned"))
        roles += [(p, "agent") for p in self.gaz.provisional(s.text, self.lang, [(trig.start - s.start, trig.end - s.start)])
                  if p.text not in {a.text for a in actors}]
        place = min(places, key=lambda p: abs(p.start - trig.start)) if places else None
        window = (date_start, date_end) if status == "planned" and basis in OWN_TIME_BASES and date_start else None
        return Mention(
            doc=self.doc_id, type=trig.type, status=status, start=s.start, end=s.end, quote=s.text,
            lang=self.lang, date_start=date_start, date_end=date_end, precision=precision, basis=basis,
            edtf=edtf, date_text=date_text, actors=roles, place=place, quantity=quantity,
            plan_window=window, confidence=_confidence(basis, roles), rule=f"{trig.rule}+{time.rule if time else 'undated'}",
            trigger=trig.text, cancelled=is_cancelled(s.text, self.lang, _rel(trig, s)),
            id=_mention_id(self.doc_id, s.start, trig.type, k))


def _rel(trig: Trigger, s: Sentence) -> Trigger:
    """The trigger with offsets relative to its sentence, as the trigger functions take it."""
    return replace(trig, start=trig.start - s.start, end=trig.end - s.start)
