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
from bisect import bisect_left
import re
from dataclasses import replace
from functools import cache
from typing import NamedTuple

from .. import langdata
from ..model import ActorMatch, Mention, RefDate, Sentence, TimeExpr, Trigger
from ..temporal import dateline_spans, find_dates, header_date
from .actors import Gazetteer
from .morph import normalise, tokens, tokens_within
from .quantities import find_quantities
from .triggers import find_triggers, is_cancelled, status_of, trigger_form

# types one happening may be told as, for finding the time of a clause that refers back
TYPE_FAMILY = {"agreement": "signing"}
PAST_FORMS = ("past", "ed")
QUANTITY_TYPES = ("volume", "supply_start", "supply_halt")
# units of transported volumes: an intention with one of these is a target volume (spec, "status")
VOLUME_UNITS = ("t", "m3", "bbl", "GWh", "TWh", "MWh")
TARGET_TYPES = ("drone_strike", "supply_halt")
_CLAUSE_PUNCT = r"(?<!\d)[,;:](?!\d)|[,;:](?=\s)|\s[\u2014\u2013-]\s"


class Discourse(NamedTuple):
    background: re.Pattern | None  # anywhere in the sentence
    anaphora: re.Pattern | None  # "the two sides": parties named before
    clause: re.Pattern  # clause boundaries
    reference: re.Pattern | None  # at the start of a clause, before its trigger
    venue: re.Pattern | None  # at the start of a trigger


def _words(words: list[str], anchored: bool = False) -> re.Pattern | None:
    if not words:
        return None
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(("" if anchored else r"(?<!\w)") + rf"(?:{alt})" + ("" if anchored else r"(?!\w)"), re.I)


@cache
def _discourse(lang: str) -> Discourse:
    data = langdata.load(lang, "discourse")
    joiners = _words(data.get("clause_joiners", []))
    clause = re.compile(_CLAUSE_PUNCT + (f"|{joiners.pattern}" if joiners else ""), re.I)
    return Discourse(_words(data.get("background", [])), _words(data.get("anaphora", [])), clause,
                     _words(data.get("reference_markers", [])), _words(data.get("venue_nouns", []), anchored=True))


def _datelines(text: str, times: list[TimeExpr]) -> list[tuple[int, int]]:
    """Spans of the `date …` header line and of datelines: their times date the
    document, not an event, and a dateline's city is where the news was filed."""
    head = header_date(text)
    return ([(0, head[1])] if head else []) + [(a, b) for a, b, _ in dateline_spans(text, times)]


class _ByStart:
    """Spans (times, names, quantities) sorted by start, found by sentence with a bisection:
    a document costs linear time however many sentences and spans it has."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def within(self, s: Sentence) -> list:
        return self.items[bisect_left(self.starts, s.start):bisect_left(self.starts, s.end)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clauses(sentence: Sentence, pattern: re.Pattern) -> list[int]:
    """Start offsets (absolute) of the clauses of a sentence."""
    return [sentence.start] + [sentence.start + m.start() for m in pattern.finditer(sentence.text)]


def _clause_of(pos: int, bounds: list[int]) -> int:
    i = 0
    for k, b in enumerate(bounds):
        if b <= pos:
            i = k
    return i


def _gap(trig: Trigger, t: TimeExpr) -> int:
    return t.start - trig.end if t.start >= trig.end else max(trig.start - t.end, 0)


def _assign_times(triggers: list[Trigger], times: list[TimeExpr], bounds: list[int]) -> tuple[dict[int, TimeExpr], set[int]]:
    """The time each trigger takes from its own sentence (by trigger start), and the triggers
    that own theirs.

    A time belongs to the nearest trigger of its clause ("said it expected supplies to
    resume on Saturday": the resumption's); a trigger takes a time it owns (a statement the
    earliest: the time of the saying comes before what is said, in any word order), else one
    whose clause holds no trigger (the sentence's temporal phrase: "after talks held in the
    Kremlin on 6 October, they signed"). An event told inside a dated report takes the
    report's time ("CPC said in February that drones struck"); a lone time dates the whole
    sentence. A statement takes only a time it owns or a free one.
    """
    owner: dict[int, int] = {}
    for i, t in enumerate(times):
        c = _clause_of(t.start, bounds)
        near = [tr for tr in triggers if _clause_of(tr.start, bounds) == c]
        if near:
            owner[i] = min(near, key=lambda tr: (_gap(tr, t), tr.start > t.start)).start
    out: dict[int, TimeExpr] = {}
    owned: set[int] = set()
    for tr in triggers:
        mine = [t for i, t in enumerate(times) if owner.get(i) == tr.start]
        pool = mine or [t for i, t in enumerate(times) if i not in owner]
        if mine:
            owned.add(tr.start)
        if pool:
            out[tr.start] = pool[0] if tr.type == "statement" and mine else min(pool, key=lambda t: _gap(tr, t))
    for tr in triggers:
        if tr.start in out or tr.type == "statement":
            continue
        reports = [out[st.start] for st in triggers
                   if st.type == "statement" and st.start < tr.start and st.start in out]
        if reports:
            out[tr.start] = reports[-1]
        elif len(times) == 1:
            out[tr.start] = times[0]
    return out, owned


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

    def __init__(self, doc_id: str, text: str, lang: str, ref: RefDate, gazetteer: Gazetteer | None = None):
        self.doc_id, self.text, self.lang, self.ref, self.gaz = doc_id, text, lang, ref, gazetteer
        # the language whose triggers, status, quantity and discourse data read this text
        self.data_lang = langdata.data_language(lang)
        self.words = _discourse(self.data_lang or lang)
        self.dated: list[tuple[int, Mention, TimeExpr]] = []  # (paragraph, mention, time) the text dated
        self._names_lacked: dict[int, list[ActorMatch]] = {}  # sentence start -> provisional names
        self._clause_starts: dict[int, list[int]] = {}  # sentence start -> its clauses' starts

    def run(self, sentences: list[Sentence]) -> list[Mention]:
        if self.data_lang is None:
            return []  # no event data for this language (its dates and actors still work)
        times = find_dates(self.text, self.lang, self.ref.date)
        head = _datelines(self.text, times)
        times = [t for t in times if not _inside(t.start, head)]
        # news agencies cited as sources ("Interfax reported") are no party to the events they
        # report, and a dateline's city is where the news was filed, not where it happened
        # one normalised copy and tokenisation serves the names of the text and of its sentences
        self.norm = normalise(self.text)
        self.toks = tokens(self.text, self.norm)
        self.tok_starts = [t.start for t in self.toks]
        self.names = names = _ByStart(n for n in self.gaz.find(self.text, self.lang, self.norm, self.toks)
                                      if not self._is_media(n) and not _inside(n.start, head))
        quantities = _ByStart(q for q in find_quantities(self.text, self.data_lang) if q.unit != "%")
        times = _ByStart(times)
        actors_by_sent: list[list[ActorMatch]] = []
        mentions: list[Mention] = []
        last_timed: tuple[int, TimeExpr] | None = None  # (paragraph, time) of the narrative
        for si, s in enumerate(sentences):
            in_s = names.within(s)
            actors_by_sent.append([n for n in in_s if n.kind != "place"])
            places = [n for n in in_s if n.kind == "place"]
            own = [t for t in times.within(s) if t.date_start is not None]
            triggers = self._triggers(s, head)
            if triggers:
                narrative = last_timed[1] if last_timed and last_timed[0] == s.paragraph else None
                mentions += self._sentence_mentions(si, s, sentences, triggers, own, narrative,
                                                    actors_by_sent, places, quantities)
            if own:
                last_timed = (s.paragraph, own[-1])
        return mentions

    def _provisional(self, s: Sentence) -> list[ActorMatch]:
        """Names the gazetteer lacks in a sentence (with an event in it), found once a sentence,
        placed in the document (as every other name is)."""
        if s.start not in self._names_lacked:
            toks = tokens_within(self.toks, self.tok_starts, self.norm, s.start, s.end)
            found = self.gaz.provisional(
                s.text, self.lang, None, found=[replace(n, start=n.start - s.start, end=n.end - s.start)
                                                for n in self.names.within(s)],
                norm=self.norm[s.start:s.end], toks=toks)
            self._names_lacked[s.start] = [replace(n, start=n.start + s.start, end=n.end + s.start) for n in found]
        return self._names_lacked[s.start]

    def _clauses(self, s: Sentence) -> list[int]:
        """The sentence's clause starts, found once (its triggers and their times both ask)."""
        if s.start not in self._clause_starts:
            self._clause_starts[s.start] = _clauses(s, self.words.clause)
        return self._clause_starts[s.start]

    def _is_media(self, name: ActorMatch) -> bool:
        entry = self.gaz.get(name.id)
        return entry is not None and entry.subkind == "media"

    def _triggers(self, s: Sentence, head: list[tuple[int, int]]) -> list[Trigger]:
        """The sentence's triggers (absolute offsets), less those that name no event of their own:
        a back-reference ("as agreed", "as Reuters reported"), a venue noun beside another
        event ("on the sidelines of the summit … signed"), an intention verb in the past
        ("created a joint venture" is done, not planned)."""
        found = [tr for tr in find_triggers(s.text, self.data_lang) if not _inside(tr.start + s.start, head)]
        if not found:
            return []
        bounds = self._clauses(s)
        out = []
        for tr in found:
            clause_start = bounds[_clause_of(tr.start + s.start, bounds)] - s.start
            lead = s.text[clause_start:tr.start]
            if self.words.reference and self.words.reference.match(lead.strip(" ,;:\u2014\u2013-\u00ab\u201c")) \
                    and len(lead.split()) <= 3:
                continue
            if tr.type == "meeting" and len(found) > 1 and self.words.venue and self.words.venue.match(tr.text):
                continue
            if tr.type == "plan" and trigger_form(tr, self.data_lang) in PAST_FORMS:
                continue
            out.append(replace(tr, start=tr.start + s.start, end=tr.end + s.start))
        return out

    def _antecedent(self, trig: Trigger, paragraph: int, actors: list[ActorMatch], own_actors: bool) -> TimeExpr | None:
        """The time of the latest earlier mention of the same kind of event that the text dated
        in this paragraph or the one before, when this clause may be about the same happening
        (actors shared, or none of its own)."""
        family = TYPE_FAMILY.get(trig.type, trig.type)
        ids = {a.id for a in actors}
        for para, m, t in reversed(self.dated):
            if para < paragraph - 1:
                break
            if TYPE_FAMILY.get(m.type, m.type) != family:
                continue
            if not own_actors or ids & {a.id for a, _ in m.actors}:
                return t
        return None

    def _sentence_times(self, s: Sentence, triggers: list[Trigger], own: list[TimeExpr], quantities):
        """Statuses, the surviving triggers, the times they take from the sentence, and the
        triggers whose time is read forward (a planned event's own time, not one an event
        that occurred owns)."""
        statuses = {t.start: "planned" if t.type == "plan" else status_of(s.text, self.data_lang, _rel(t, s))
                    for t in triggers}
        in_s = quantities.within(s)
        # a volume without a figure is no event, and says nothing about the sentence's plan
        if not in_s:
            triggers = [t for t in triggers if t.type != "volume"]
        # a `plan` is the residual type: another planned event of its clause says what it plans,
        # and an intention with a volume in it is a target volume ("plans to raise exports to 70 mt")
        bounds = self._clauses(s)
        planned_in = {_clause_of(t.start, bounds) for t in triggers if statuses[t.start] == "planned" and t.type != "plan"}
        if planned_in:
            triggers = [t for t in triggers if t.type != "plan" or _clause_of(t.start, bounds) not in planned_in]
        elif any(q.unit in VOLUME_UNITS for q in in_s):
            triggers = [replace(t, type="volume") if t.type == "plan" else t for t in triggers]
        times, owned = _assign_times(triggers, own, bounds)
        # a sentence's lone time that a circumstance owns ("at the meeting on 7 October he said",
        # "кездесуде … мәлімдеді") dates the saying too: the noun sets the scene of the verb
        if len(own) == 1:
            scene = [t for t in triggers if t.start in owned and trigger_form(t, self.data_lang) == "noun"]
            for t in triggers:
                if t.type == "statement" and t.start not in times and scene:
                    times[t.start] = own[0]
        taken_by_done = {id(tm) for t, tm in times.items() if statuses[t] == "occurred"}
        forward = {t for t, tm in times.items()
                   if statuses[t] == "planned" and (t in owned or id(tm) not in taken_by_done)}
        return statuses, triggers, times, forward

    def forward_times(self, sentences: list[Sentence]) -> list[TimeExpr]:
        """The document's temporal expressions, each read forward where a planned event owns it:
        what `timeline dates` prints."""
        times = find_dates(self.text, self.lang, self.ref.date)
        if self.data_lang is None:
            return times
        head = _datelines(self.text, times)
        quantities = _ByStart(find_quantities(self.text, self.data_lang))
        by_start = _ByStart(times)
        flip: set[int] = set()
        for s in sentences:
            own = [t for t in by_start.within(s) if t.date_start is not None and not _inside(t.start, head)]
            triggers = self._triggers(s, head) if own else []
            done: set[int] = set()
            if triggers:
                statuses, _, taken, forward = self._sentence_times(s, triggers, own, quantities)
                flip |= {taken[t].start for t in forward}
                done = {taken[t].start for t in taken if statuses[t] == "occurred"}
            # no planned event owns it, but the words beside it say it is to come ("will be held")
            flip |= {t.start for t in own if t.planned and t.start not in done}
        return [replace(t, date_start=t.future[0], date_end=t.future[1], edtf=t.future_edtf)
                if t.start in flip and t.future is not None else t for t in times]

    def _sentence_mentions(self, si, s, sentences, triggers, own, narrative, actors_by_sent,
                           places, quantities) -> list[Mention]:
        background = bool(self.words.background and self.words.background.search(s.text))
        actors = self._actors(si, sentences, actors_by_sent)
        statuses, triggers, times, forward = self._sentence_times(s, triggers, own, quantities)
        from_text = set(times)
        for trig in triggers:
            if trig.start not in times and not background:
                ante = self._antecedent(trig, s.paragraph, actors, bool(actors_by_sent[si]))
                if ante is not None:
                    times[trig.start] = ante
        sibling = next((times[t.start] for t in triggers if t.start in times), None)
        out: list[Mention] = []
        seen: set[tuple] = set()
        for k, trig in enumerate(triggers):
            if trig.type == "statement" and trig.start not in from_text:
                continue  # a statement is an event only when the text dates it
            if trig.start in times:
                time = times[trig.start]
            elif background:
                time = None
            else:
                time = sibling or narrative or _doc_time(self.ref)
            quantity = None
            if trig.type in QUANTITY_TYPES:
                near = quantities.within(s)
                quantity = min(near, key=lambda q: abs(q.start - trig.start)) if near else None
                if trig.type == "volume" and quantity is None:
                    continue
            key = (trig.type, time.start if time else None, quantity.start if quantity else None)
            if key in seen:
                continue
            seen.add(key)
            status, ahead = statuses[trig.start], trig.start in forward
            if status == "occurred" and time is not None and time.date_start and self.ref.date \
                    and time.date_start > self.ref.date:
                # nothing done happens after the day it is reported: a statement dated so took the
                # time of what it says; another event is one the text plans
                if trig.type == "statement":
                    continue
                status, ahead = "planned", trig.start in from_text
            # a year read forward is for a time the plan names itself, not one it shares with
            # something done ("on 7 December he said the republic intends to …")
            m = self._mention(s, trig, k, status, time, ahead, actors, places, quantity)
            out.append(m)
            if time is not None and m.basis != "document_date":
                self.dated.append((s.paragraph, m, time))
        return out

    def _actors(self, si: int, sentences: list[Sentence], actors_by_sent) -> list[ActorMatch]:
        """The sentence's actors; for one naming none (spec, "Actors and places"): the nearest
        earlier sentence of its paragraph that names some; for one that refers back ("the two
        sides"), the nearest earlier sentence naming two or more; else the headline's; else,
        beyond the spec, the nearest earlier sentence naming any (an event without parties
        cannot be told apart from any other)."""
        if actors_by_sent[si]:
            return actors_by_sent[si]
        earlier = range(si - 1, -1, -1)
        para = sentences[si].paragraph
        same_para = next((actors_by_sent[j] for j in earlier
                          if sentences[j].paragraph == para and actors_by_sent[j]), None)
        if same_para:
            return same_para
        if self.words.anaphora and self.words.anaphora.search(sentences[si].text):
            # "the parties" are the people or bodies last named together, else the countries
            for kinds in (("person", "organisation"), ("person", "organisation", "country")):
                several = next((actors_by_sent[j] for j in earlier
                                if len({a.id for a in actors_by_sent[j] if a.kind in kinds}) > 1), None)
                if several:
                    return several
        if si > 0 and actors_by_sent[0]:
            return actors_by_sent[0]
        return next((actors_by_sent[j] for j in earlier if actors_by_sent[j]), [])

    def _mention(self, s: Sentence, trig: Trigger, k: int, status: str, time: TimeExpr | None, forward: bool,
                 actors: list[ActorMatch], places: list[ActorMatch], quantity) -> Mention:
        date_start = date_end = None
        precision = edtf = date_text = None
        basis = "undated"
        if time is not None:
            date_start, date_end, edtf = time.date_start, time.date_end, time.edtf
            if status == "planned" and forward and time.future is not None:
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
            entry = self.gaz.get(a.country) if a.country and a.country not in seen else None
            if entry is not None:
                seen.add(entry.id)
                roles.append((ActorMatch(entry.id, entry.name, entry.kind, a.start, a.end, a.text), "mentioned"))
        near = self._provisional(s)
        # a name the gazetteer lacks is a party only where the gazetteer knows none; acronyms and
        # lone foreign words it lacks are mostly units, facilities, grades or outlets (ВПУ, SPM, Brent)
        role = "mentioned" if roles else "agent"
        roles += [(p, role) for p in near if p.id not in seen and p.text not in {a.text for a in actors}
                  and _plausible_name(p)]
        # a statement's place is rarely said; a place in its sentence is that of what it reports
        place = min(places, key=lambda p: abs(p.start - trig.start)) if places and trig.type != "statement" else None
        if place is not None and trig.type in TARGET_TYPES and place.country and place.country not in seen:
            entry = self.gaz.get(place.country)  # a strike on a refinery is a strike on its country
            if entry is not None:
                roles.append((ActorMatch(entry.id, entry.name, entry.kind, place.start, place.end, place.text), "target"))
        # a plan's window is a time its own clause names, not one it inherits or shares with a report
        window = (date_start, date_end) if status == "planned" and forward and date_start else None
        return Mention(
            doc=self.doc_id, type=trig.type, status=status, start=s.start, end=s.end, quote=s.text,
            lang=self.lang, date_start=date_start, date_end=date_end, precision=precision, basis=basis,
            edtf=edtf, date_text=date_text, actors=roles, place=place, quantity=quantity,
            plan_window=window, confidence=_confidence(basis, roles), rule=f"{trig.rule}+{time.rule if time else 'undated'}",
            trigger=trig.text, cancelled=is_cancelled(s.text, self.data_lang, _rel(trig, s)),
            id=_mention_id(self.doc_id, s.start, trig.type, k))


def _plausible_name(name: ActorMatch) -> bool:
    """A provisional name worth keeping: a person's names, or a body's name of several words or
    in quotes («Узгастрейд»), not an acronym or a single word in another script."""
    words = name.text.split()
    quoted = any(q in name.text for q in "\u00ab\u201c\"")
    return quoted or (len(words) > 1 and not name.text.isupper())


def _rel(trig: Trigger, s: Sentence) -> Trigger:
    """The trigger with offsets relative to its sentence, as the trigger functions take it."""
    return replace(trig, start=trig.start - s.start, end=trig.end - s.start)
