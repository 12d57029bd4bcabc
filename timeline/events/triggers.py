"""Event triggers, status (occurred / planned) and called-off detection.

All language knowledge lives in ``timeline/lang/<code>/triggers.toml`` and
``status.toml``; this module only knows the small pattern language they are
written in:

* a *rule* is a string of token specs separated by spaces;
* a token spec is one or more alternatives joined by ``|``:

  - ``stem+cls`` or ``stem+cls1/cls2``: the stem followed by an ending of a
    suffix class of the file's ``[suffixes]`` table (each class maps a form
    tag such as ``past``, ``fut``, ``inf``, ``noun`` to its endings, ``_`` is
    the empty ending; a class with ``"*" = "open"`` also accepts any other
    ending and then tags it by the longest listed ending it ends with);
  - ``stem*``: the stem with any ending, or none;
  - ``word``: exactly that word;
  - ``#year`` (a year 1900-2099) and ``#num`` (any number);
* ``..N`` between two specs lets up to N other tokens stand between them;
* a spec marked with a leading ``!`` is the rule's head: the trigger's span is
  that token alone (for rules with long gaps), else the span covers the rule;
* in status.toml, a trailing ``@bN`` / ``@aN`` limits a marker to N tokens
  before / after the trigger.

Matching is on tokens (``\\w+``) of a normalised copy of the text of the same
length (lower case, Greek accents and final sigma folded, Cyrillic yo as ye, Latin
look-alike letters inside Cyrillic or Greek words mapped to that script), so
offsets always refer to the string given.  Matchers are built once per
language and token results are cached, so an article costs a dictionary
lookup or two per word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache, lru_cache

from timeline.langdata import load
from timeline.model import EVENT_TYPES, Trigger

__all__ = ["find_triggers", "status_of", "is_cancelled", "trigger_form", "priority",
           "normalise", "TriggerDataError"]


class TriggerDataError(ValueError):
    """A triggers.toml / status.toml entry the pattern language cannot read."""


# --- normalisation (length-preserving) ----------------------------------------

_FOLD = {
    # Greek tonos / dialytika, final sigma
    "\u03ac": "\u03b1", "\u03ad": "\u03b5", "\u03ae": "\u03b7", "\u03af": "\u03b9",
    "\u03cc": "\u03bf", "\u03cd": "\u03c5", "\u03ce": "\u03c9", "\u03ca": "\u03b9",
    "\u03cb": "\u03c5", "\u0390": "\u03b9", "\u03b0": "\u03c5", "\u03c2": "\u03c3",
    # Cyrillic yo
    "\u0451": "\u0435",
    # no-break and thin spaces, soft hyphen kept as a non-word char
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}
_FOLD_TABLE = str.maketrans(_FOLD)

# Latin letters that look like Cyrillic / Greek ones (after lower-casing).
_LAT2CYR = str.maketrans({"a": "\u0430", "b": "\u0432", "c": "\u0441", "e": "\u0435",
                          "h": "\u043d", "k": "\u043a", "m": "\u043c", "o": "\u043e",
                          "p": "\u0440", "t": "\u0442", "x": "\u0445", "y": "\u0443",
                          "i": "\u0456"})
_LAT2GRK = str.maketrans({"a": "\u03b1", "b": "\u03b2", "e": "\u03b5", "h": "\u03b7",
                          "i": "\u03b9", "k": "\u03ba", "m": "\u03bc", "n": "\u03bd",
                          "o": "\u03bf", "p": "\u03c1", "t": "\u03c4", "x": "\u03c7",
                          "y": "\u03c5", "z": "\u03b6"})
_LATIN = re.compile(r"[a-z]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_GRK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_TOKEN = re.compile(r"\w+")


_FOLD_RX = re.compile("[" + "".join(_FOLD) + "]")
_MIXED = re.compile(r"[a-z](?=[^\W\d_a-z])|[^\W\d_a-z](?=[a-z])")
_last_norm: tuple[str, str] = ("", "")  # the last text normalised and its result (one tuple: thread-safe)


def normalise(text: str) -> str:
    """Lower-cased, folded copy of `text` with exactly the same length."""
    global _last_norm
    last = _last_norm
    if text == last[0]:  # triggers and quantities read the same text
        return last[1]
    low = text.lower()
    if len(low) != len(text):  # rare letters whose lower case is longer (U+0130)
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if _FOLD_RX.search(low):
        low = low.translate(_FOLD_TABLE)
    _last_norm = (text, low)
    return low


def _fix_token(tok: str) -> str:
    """Map Latin look-alikes inside a Cyrillic or Greek word to that script."""
    if tok.isascii() or not _LATIN.search(tok):
        return tok
    if _CYR.search(tok):
        return tok.translate(_LAT2CYR)
    if _GRK.search(tok):
        return tok.translate(_LAT2GRK)
    return tok


@lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """The tokens of a text (cached: a sentence is read for its triggers, then for each
    trigger's status and cancellation)."""
    norm = normalise(text)
    if _MIXED.search(norm):
        return tuple((m.start(), m.end(), _fix_token(m.group())) for m in _TOKEN.finditer(norm))
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(norm))


# --- the pattern language -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Class:
    exact: dict  # ending -> tag
    open: bool
    tails: tuple  # (ending, tag), longest first, for open classes


@dataclass(frozen=True, slots=True)
class _Rule:
    id: str
    kind: str  # event type, or status marker kind
    specs: tuple  # spec ids
    gaps: tuple  # max tokens allowed before spec k (gaps[0] unused)
    head: int  # index of the head spec, or -1 for the whole span
    before: int | None = None  # status markers: only this many tokens before
    after: int | None = None  # status markers: only this many tokens after


_YEAR = re.compile(r"(?:19|20)\d\d")
_GAP = re.compile(r"\.\.(\d+)")
_LIMIT = re.compile(r"@([ab])(\d+)$")
_MIN_STEM = 3
_TAG_RANK = {"neg": 0, "fut": 1, "intent": 1, "subj": 2, "inf": 3, "aor": 4, "past": 5,
             "part": 6, "ed": 7, "pres": 8, "base": 9, "ger": 10, "noun": 11}


class _Matcher:
    """Compiled token specs and rules of one data table."""

    def __init__(self, lang: str, where: str, suffixes: dict):
        self.lang = lang
        self.where = where
        self.classes: dict[str, _Class] = {}
        for name, table in (suffixes or {}).items():
            exact: dict[str, str] = {}
            is_open = False
            for tag, endings in table.items():
                if tag == "*":
                    is_open = True
                    continue
                for e in endings.split():
                    e = "" if e == "_" else normalise(e)
                    exact.setdefault(e, tag)
            tails = tuple(sorted(((e, t) for e, t in exact.items() if e),
                                 key=lambda et: -len(et[0])))
            self.classes[name] = _Class(exact, is_open, tails)
        self.spec_ids: dict[str, int] = {}
        self.exact: dict[str, list] = {}  # word -> [(spec id, None)]
        self.stems: dict[str, list] = {}  # stem -> [(spec id, class names | None)]
        self.stem_lens: list[int] = []
        self.prefixes: set[str] = set()
        self.year_specs: list[int] = []
        self.num_specs: list[int] = []
        self.rules: list[_Rule] = []
        self.by_first: dict[int, list[_Rule]] = {}
        self._cache: dict[str, dict] = {}

    # building
    def _spec(self, text: str) -> int:
        if text in self.spec_ids:
            return self.spec_ids[text]
        sid = len(self.spec_ids)
        self.spec_ids[text] = sid
        for alt in text.split("|"):
            if not alt:
                raise TriggerDataError(f"{self.where}: empty alternative in {text!r}")
            if alt == "#year":
                self.year_specs.append(sid)
            elif alt == "#num":
                self.num_specs.append(sid)
            elif alt.endswith("*") or "+" in alt:
                if alt.endswith("*"):
                    stem, classes = alt[:-1], None
                else:
                    stem, _, cls = alt.partition("+")
                    classes = tuple(cls.split("/"))
                    for c in classes:
                        if c not in self.classes:
                            raise TriggerDataError(f"{self.where}: unknown suffix class {c!r} in {text!r}")
                stem = normalise(stem)
                if len(stem) < _MIN_STEM:
                    raise TriggerDataError(f"{self.where}: stem {stem!r} shorter than {_MIN_STEM} "
                                           f"letters in {text!r}: write the words out")
                self.stems.setdefault(stem, []).append((sid, classes))
                self.prefixes.add(stem[:_MIN_STEM])
            else:
                self.exact.setdefault(normalise(alt), []).append((sid, None))
        return sid

    def add(self, kind: str, rule: str, rule_id: str | None = None) -> None:
        text = rule.strip()
        before = after = None
        lim = _LIMIT.search(text)
        if lim:
            text = text[:lim.start()].strip()
            if lim.group(1) == "b":
                before, after = int(lim.group(2)), 0
            else:
                before, after = 0, int(lim.group(2))
        specs: list[int] = []
        gaps: list[int] = [0]
        head = -1
        names: list[str] = []
        pending_gap = 0
        for part in text.split():
            g = _GAP.fullmatch(part)
            if g:
                if not specs:
                    raise TriggerDataError(f"{self.where}: rule starts with a gap: {rule!r}")
                pending_gap = int(g.group(1))
                continue
            if part.startswith("!"):
                part = part[1:]
                head = len(specs)
            if specs:
                gaps.append(pending_gap)
            pending_gap = 0
            specs.append(self._spec(part))
            first = part.split("|")[0]
            names.append(first.split("+")[0].rstrip("*"))
        if not specs:
            raise TriggerDataError(f"{self.where}: empty rule")
        rid = rule_id or f"{self.lang}.{kind}.{'_'.join(names)}"
        r = _Rule(rid, kind, tuple(specs), tuple(gaps), head, before, after)
        self.rules.append(r)
        self.by_first.setdefault(r.specs[0], []).append(r)

    def finish(self) -> None:
        self.stem_lens = sorted({len(s) for s in self.stems})
        seen: dict[str, int] = {}
        fixed = []
        for r in self.rules:  # make rule ids unique within the table
            n = seen.get(r.id, 0)
            seen[r.id] = n + 1
            fixed.append(r if n == 0 else _Rule(f"{r.id}.{n + 1}", r.kind, r.specs, r.gaps,
                                                r.head, r.before, r.after))
        self.rules = fixed
        self.by_first = {}
        for r in self.rules:
            self.by_first.setdefault(r.specs[0], []).append(r)

    # matching
    def match_token(self, tok: str) -> dict:
        """spec id -> form tag (or None) for one normalised token."""
        hit = self._cache.get(tok)
        if hit is not None:
            return hit
        out: dict[int, str | None] = {}
        for sid, _ in self.exact.get(tok, ()):
            out.setdefault(sid, None)
        if tok[:_MIN_STEM] in self.prefixes:
            n = len(tok)
            for L in self.stem_lens:
                if L > n:
                    break
                entries = self.stems.get(tok[:L])
                if not entries:
                    continue
                ending = tok[L:]
                for sid, classes in entries:
                    if sid in out and out[sid] is not None:
                        continue
                    if classes is None:
                        out.setdefault(sid, None)
                        continue
                    for cname in classes:
                        c = self.classes[cname]
                        if ending in c.exact:
                            out[sid] = c.exact[ending]
                            break
                        if c.open:
                            tag = None
                            for e, t in c.tails:
                                if ending.endswith(e):
                                    tag = t
                                    break
                            out[sid] = tag
                            break
        if tok.isdecimal():
            if len(tok) == 4 and _YEAR.fullmatch(tok):
                for sid in self.year_specs:
                    out.setdefault(sid, None)
            for sid in self.num_specs:
                out.setdefault(sid, None)
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[tok] = out
        return out

    def scan(self, toks: Sequence[tuple[int, int, str]]) -> list[tuple[_Rule, list[int], str | None]]:
        """Every rule match: (rule, matched token indices, form tag)."""
        matches = [self.match_token(t[2]) if t[2] else {} for t in toks]
        found = []
        n = len(toks)
        for i, m in enumerate(matches):
            if not m:
                continue
            for sid, tag in m.items():
                for rule in self.by_first.get(sid, ()):
                    idx = [i]
                    tags = [tag]
                    pos = i
                    ok = True
                    for k in range(1, len(rule.specs)):
                        want = rule.specs[k]
                        hi = min(n, pos + 2 + rule.gaps[k])
                        for j in range(pos + 1, hi):
                            if want in matches[j]:
                                idx.append(j)
                                tags.append(matches[j][want])
                                pos = j
                                break
                        else:
                            ok = False
                            break
                    if ok:
                        found.append((rule, idx, _best_tag(tags)))
        return found


def _best_tag(tags: list) -> str | None:
    best = None
    for t in tags:
        if t is not None and (best is None or _TAG_RANK.get(t, 99) < _TAG_RANK.get(best, 99)):
            best = t
    return best


# --- per-language data ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _TriggerData:
    matcher: _Matcher
    priority: dict  # type -> rank (smaller wins)


@cache
def _trigger_data(lang: str) -> _TriggerData:
    data = load(lang, "triggers")
    if not data:
        raise TriggerDataError(f"no trigger data for language {lang!r}")
    where = f"timeline/lang/{lang}/triggers.toml"
    m = _Matcher(lang, where, data.get("suffixes", {}))
    for rule in data.get("block", {}).get("rules", ()):
        m.add("block", rule)
    for etype in EVENT_TYPES:
        table = data.get(etype)
        if table is None:
            raise TriggerDataError(f"{where}: missing table [{etype}]")
        for rule in table.get("rules", ()):
            m.add(etype, rule)
    m.finish()
    order = data.get("meta", {}).get("priority", list(EVENT_TYPES))
    unknown = set(order) - set(EVENT_TYPES)
    if unknown or set(order) != set(EVENT_TYPES):
        raise TriggerDataError(f"{where}: meta.priority must list the nine types once each")
    ranks = {t: i for i, t in enumerate(order)}
    ranks["block"] = -1
    return _TriggerData(m, ranks)


STATUS_KINDS = ("planned", "occurred", "cancelled", "negation", "boundary")


@dataclass(frozen=True, slots=True)
class _StatusData:
    matcher: _Matcher
    before: int
    after: int
    planned_tags: frozenset
    stop_chars: frozenset


@cache
def _status_data(lang: str) -> _StatusData:
    data = load(lang, "status")
    if not data:
        raise TriggerDataError(f"no status data for language {lang!r}")
    where = f"timeline/lang/{lang}/status.toml"
    m = _Matcher(lang, where, data.get("suffixes", {}))
    for kind in STATUS_KINDS:
        for rule in data.get(kind, {}).get("rules", ()):
            m.add(kind, rule)
    m.finish()
    meta = data.get("meta", {})
    return _StatusData(m, int(meta.get("window_before", 6)), int(meta.get("window_after", 5)),
                       frozenset(meta.get("planned_forms", ["fut", "inf", "subj", "intent"])),
                       frozenset(meta.get("stop_chars", ",;:()\u00ab\u00bb\"\u201c\u201d\u2014\u2013!?")))


def priority(lang: str) -> list[str]:
    """The event types of `lang`, strongest first (ties on one span go to the first)."""
    p = _trigger_data(lang).priority
    return [t for t in sorted(p, key=p.get) if t != "block"]


# --- API ------------------------------------------------------------------------

def find_triggers(sentence: str, lang: str) -> list[Trigger]:
    """Event triggers in `sentence`, in text order; offsets are into `sentence`.

    Where rules overlap on a token, the rule with more matched tokens wins,
    then the type earlier in the language's ``meta.priority``.
    """
    td = _trigger_data(lang)
    toks = _tokens(sentence)
    if not toks:
        return []
    found = td.matcher.scan(toks)
    if not found:
        return []
    found.sort(key=lambda f: (-len(f[1]), td.priority[f[0].kind], f[1][0]))
    used: set[int] = set()
    keep = []
    for rule, idx, _tag in found:
        # a rule with a head claims that token only: its other tokens are context another
        # trigger may share ("Deliveries were [stopped] on Monday ... and [resumed] on Thursday")
        claim = (idx[rule.head],) if rule.head >= 0 else idx
        if any(i in used for i in claim):
            continue
        used.update(claim)
        if rule.head >= 0:
            s, e = toks[idx[rule.head]][0], toks[idx[rule.head]][1]
        else:
            s, e = toks[idx[0]][0], toks[idx[-1]][1]
        if rule.kind == "block":
            continue
        keep.append(Trigger(rule.kind, s, e, sentence[s:e], rule.id))
    keep.sort(key=lambda t: (t.start, -t.end))
    out: list[Trigger] = []
    reach: dict[str, int] = {}  # type -> furthest end so far
    for t in keep:  # one mention per span: drop a trigger inside a wider one of its type
        if t.end <= reach.get(t.type, -1):
            continue
        reach[t.type] = t.end
        out.append(t)
    return out


def trigger_form(trigger: Trigger, lang: str) -> str | None:
    """The form tag (past, fut, inf, noun, ...) of the trigger's words, if the data gives one."""
    return _form(trigger.text, trigger.rule, lang)


@lru_cache(maxsize=4096)
def _form(text: str, rule_id: str, lang: str) -> str | None:
    tags = []
    for rule, idx, tag in _trigger_data(lang).matcher.scan(_tokens(text)):
        if rule.id == rule_id:
            return tag
        tags.append(tag)
    return _best_tag(tags)


def _locate(clause: str, trigger: Trigger) -> tuple[int, int]:
    s, e = trigger.start, trigger.end
    if 0 <= s <= e <= len(clause) and clause[s:e] == trigger.text:
        return s, e
    pos = clause.find(trigger.text)
    if pos < 0:
        low = normalise(clause).find(normalise(trigger.text))
        if low < 0:
            return -1, -1
        pos = low
    return pos, pos + len(trigger.text)


@lru_cache(maxsize=256)
def _context(clause: str, lang: str, trigger: Trigger, after_default: int | None = None):
    """Status markers around the trigger: list of (kind, distance, side), nearest first (cached:
    its status and its cancellation both ask)."""
    sd = _status_data(lang)
    s, e = _locate(clause, trigger)
    if s < 0:
        return [], sd
    toks = _tokens(clause)
    first = next((i for i, t in enumerate(toks) if t[1] > s), len(toks))
    last = max((i for i, t in enumerate(toks) if t[0] < e), default=first)
    stops = sd.stop_chars

    def gap_stops(a: int, b: int) -> bool:  # punctuation between token a and token b
        return any(ch in stops for ch in clause[toks[a][1]:toks[b][0]])

    lo = first
    while lo > 0 and first - (lo - 1) <= sd.before and not gap_stops(lo - 1, lo):
        lo -= 1
    hi = last
    after = sd.after if after_default is None else after_default
    while hi + 1 < len(toks) and (hi + 1) - last <= after and not gap_stops(hi, hi + 1):
        hi += 1
    window = toks[lo:hi + 1]
    found = sd.matcher.scan(window)
    # boundary words cut the window
    left_cut, right_cut = lo, hi
    for rule, idx, _ in found:
        if rule.kind == "boundary":
            j = idx[0] + lo
            if j < first:
                left_cut = max(left_cut, j + 1)
            elif j > last:
                right_cut = min(right_cut, j - 1)
    out = []
    for rule, idx, _ in found:
        if rule.kind == "boundary":
            continue
        a, b = idx[0] + lo, idx[-1] + lo
        if b < first and a >= left_cut:
            dist, side = first - b, "b"
        elif a > last and b <= right_cut:
            dist, side = a - last, "a"
        elif first < a and b < last:
            dist, side = 0, "gap"  # in the gap of a multiword trigger ("supplies will resume")
        elif a <= last and b >= first:
            dist, side = 0, "in"
        else:
            continue
        if side == "b" and rule.before is not None and dist > rule.before:
            continue
        if side == "a" and rule.after is not None and dist > rule.after:
            continue
        out.append((rule.kind, dist, side))
    out.sort(key=lambda x: x[1])
    return out, sd


def status_of(clause: str, lang: str, trigger: Trigger) -> str:
    """'planned' or 'occurred' for the trigger, from its form and the markers of its clause.

    `plan` is always planned.  A future, infinitive or subjunctive form of the
    trigger is planned, a past form occurred, unless a marker says otherwise
    (an "already"-type marker makes a future-looking form occurred; a planned
    marker makes a form without tense, such as a noun, planned).  A statement
    looks only before its verb: what is said after it is the statement's
    content, not its status.
    """
    if trigger.type == "plan":
        return "planned"
    after = 0 if trigger.type == "statement" else None
    marks, sd = _context(clause, lang, trigger, after)
    form = trigger_form(trigger, lang)
    kinds = [k for k, _, side in marks if k in ("planned", "occurred") and side != "in"]
    if form == "past":
        return "occurred"
    if trigger.type == "statement" and form not in ("fut", "intent") and not kinds:
        return "occurred"  # kk present "reports", en "says": the report of the day
    if kinds:
        return kinds[0]
    if form in sd.planned_tags:
        return "planned"
    return "occurred"


def is_cancelled(clause: str, lang: str, trigger: Trigger) -> bool:
    """True when the clause reports the event as called off, postponed or not happening."""
    if trigger_form(trigger, lang) == "neg":
        return True
    marks, _ = _context(clause, lang, trigger)
    for kind, dist, side in marks:
        if kind == "cancelled" and side != "in":
            return True
        if kind == "negation" and side == "b" and dist <= 2:
            return True
    return _cancelled_later(clause, lang, trigger)


_LONG_CANCEL = 30  # tokens between an event noun and the verb that calls it off
_NO_BARRIER = ("plan", "statement")  # types that may stand between ("the talks, Peskov said, were postponed")


@lru_cache(maxsize=64)
def _long_marks(clause: str, lang: str) -> tuple[tuple, tuple, frozenset]:
    """Tokens of a clause, positions of its called-off markers and of its boundary words
    (one scan a sentence, however many triggers ask)."""
    toks = _tokens(clause)
    cancel, bounds = [], set()
    for rule, idx, _ in _status_data(lang).matcher.scan(toks):
        if rule.kind == "cancelled":
            cancel.append(idx[0])
        elif rule.kind == "boundary":
            bounds.add(idx[0])
    return toks, tuple(sorted(set(cancel))), frozenset(bounds)


def _cancelled_later(clause: str, lang: str, trigger: Trigger) -> bool:
    """A called-off verb later in the sentence, past a parenthesis: "The meeting of the working
    group, which was scheduled for 10 September, was postponed".  No other event may stand
    between, nor a clause that is not closed by a comma before the verb."""
    s, e = _locate(clause, trigger)
    if s < 0:
        return False
    toks, cancels, bounds = _long_marks(clause, lang)
    last = bisect_left([t[0] for t in toks], e) - 1  # the trigger's last token
    at = next((c for c in cancels if c > last), None)
    if last < 0 or at is None or at - last > _LONG_CANCEL:
        return False
    if any(ch in ".!?;" for ch in clause[e:toks[at][0]]):
        return False
    # another event between them is what the verb calls off
    for t in find_triggers(clause, lang):
        if t.type not in _NO_BARRIER and e <= t.start and t.end <= toks[at][0]:
            return False
    open_clause = False
    for i in range(last + 1, at + 1):
        gap = clause[toks[i - 1][1]:toks[i][0]]
        if "," in gap and open_clause:
            open_clause = False
        if i in bounds:
            if "," not in gap:
                return False  # a clause of its own ("Putin met Tokayev, who cancelled his trip")
            open_clause = True
    return not open_clause
