"""Actors (countries, people, organisations) and places named in a text.

    from timeline.events.actors import gazetteer
    gz = gazetteer()                       # or gazetteer("my_names.tsv")
    gz.find(text, "ru")                    # -> [ActorMatch, ...] sorted by start
    gz.provisional(text, "ru", near=[(s, e)])
    gz.get("KAZ"), gz.version

How a name is found.  The text is normalised into a copy of the same length
(morph.normalise) and cut into words.  Every alias of the gazetteer is a
sequence of lemma words; each lemma word is cut to a stem by the stem rules
of each language that writes its script (timeline/lang/<code>/morphology.toml)
and accepts the endings of that rule's class.  A text word therefore names
a lemma word when some prefix of it is a registered stem and the rest is one
of that stem's endings: a handful of dictionary look-ups a word, linear in
the text, no regular expression over names.  Sequences of words are then
matched against a trie of aliases, leftmost-longest, across gaps of spaces,
dashes or quotes only (a full name beats its surname, "Gazprom Export"
beats Gazprom).  A capitalised alias word needs a capitalised text word, an
acronym an upper-case one; a country name from CLDR at the start of a
Russian sentence must not be an ordinary word (Togo, Chad) by pymorphy3.

A text in language L accepts a stem registered under L or under a language
in which the lemma word is written in the gazetteer (a Russian alias Putin
takes Kazakh endings in a Kazakh text: Putin-ning).  A text in a language
the gazetteer has no morphology for accepts every language's endings.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from timeline import langdata
from timeline.events import morph
from timeline.events.morph import Token, norm_word, tokens
from timeline.model import ActorMatch

ENV = "TIMELINE_GAZETTEER"
DATA_FILES = ("countries.tsv", "country_forms.tsv", "people.tsv", "organisations.tsv", "places.tsv")
GENERATED = "countries.tsv"
KINDS = ("country", "person", "organisation", "place")
ENGINE_REVISION = "1"  # bump when matching changes, so the version (and re-extraction) follows

# priorities: a user's file beats hand data, which beats forms made by the loader
P_USER, P_HAND, P_GENERATED = 3, 2, 1
# the default language whose endings a script-neutral alias (lang "*") takes
SCRIPT_DEFAULT = {"Cyrl": "ru", "Latn": "en", "Grek": "el"}
GAP_CHARS = frozenset(' -"\t')
MAX_GAP = 5
PROPER_TAGS = ("Geox", "Name", "Surn", "Patr", "Orgn", "Trad")
CACHE_MAX = 200_000  # words remembered per gazetteer before the cache starts afresh


class GazetteerError(ValueError):
    """A bad line in a gazetteer file: names the file, the line and the problem."""

    def __init__(self, path: Path | str, line: int, problem: str, hint: str = ""):
        self.path, self.line, self.problem, self.hint = str(path), line, problem, hint
        super().__init__(f"{path}:{line}: {problem}" + (f" ({hint})" if hint else ""))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entity."""
    id: str
    name: str  # canonical English name
    kind: str  # country | person | organisation | place
    subkind: str | None = None  # media, city, facility, route, field, region, ... (after "/" in the kind column)
    country: str | None = None  # ISO alpha-3


@dataclass(frozen=True, slots=True)
class AliasRow:
    id: str
    lang: str  # a language code or "*"
    text: str
    priority: int
    origin: str  # file:line


# ------------------------------------------------------------------ reading

def read_tsv(path: Path, priority: int) -> tuple[list[tuple[str, str, str | None, str | None, str]], list[AliasRow]]:
    """Rows of one gazetteer file: (id, kind, subkind, country, origin) and its aliases."""
    entities, aliases = [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) not in (4, 5):
                raise GazetteerError(path, n, f"{len(cols)} columns",
                                     "want: id<TAB>kind<TAB>lang<TAB>alias|alias...[<TAB>country]")
            id_, kind, lang, names = (c.strip() for c in cols[:4])
            country = cols[4].strip() if len(cols) == 5 and cols[4].strip() else None
            base, _, sub = kind.partition("/")
            if not id_:
                raise GazetteerError(path, n, "empty id")
            if base not in KINDS:
                raise GazetteerError(path, n, f"unknown kind {kind!r}", f"one of {', '.join(KINDS)}")
            if country is not None and (len(country) != 3 or not country.isupper()):
                raise GazetteerError(path, n, f"country {country!r} is not an ISO alpha-3 code")
            if not lang or not (lang == "*" or lang.isalpha() and lang.islower()):
                raise GazetteerError(path, n, f"bad language {lang!r}", "a code such as ru, kk, el, en, or *")
            entities.append((id_, base, sub or None, country, f"{path.name}:{n}"))
            for alias in names.split("|"):
                alias = alias.strip()
                if alias:
                    aliases.append(AliasRow(id_, lang, alias, priority, f"{path.name}:{n}"))
    return entities, aliases


def data_files() -> list[Path]:
    return [langdata.GAZETTEER_DIR / name for name in DATA_FILES if (langdata.GAZETTEER_DIR / name).exists()]


@cache
def _base() -> tuple[tuple, tuple]:
    ents, als = [], []
    for path in data_files():
        e, a = read_tsv(path, P_HAND)
        ents += e
        als += a
    return tuple(ents), tuple(als)


# ------------------------------------------------------------------ index

@dataclass(slots=True)
class _Node:
    children: dict = field(default_factory=dict)  # (lemma, capmode) -> _Node
    entry: int = -1  # index into Gazetteer._entries
    priority: int = 0
    check_initial: bool = False  # an ordinary word at a sentence start must not match
    langs: frozenset[str] | None = None  # the only text languages it matches in (None: any)


class _NameWords(NamedTuple):
    morphs: list[morph.Morphology]
    stop: frozenset[str]  # stopwords, month and weekday names
    particles: frozenset[str]
    org_words: frozenset[str]


def _capmode(tok: Token) -> int:
    if tok.upper and any(ch.isalpha() for ch in tok.key):
        return 2
    return 1 if tok.cap else 0


class Gazetteer:
    """The index over every alias; build with gazetteer()."""

    def __init__(self, extra: Path | None = None):
        self.extra = extra
        self.morph = morph.morphologies()
        self._lang_index = {code: i for i, code in enumerate(self.morph)}
        self._script_langs: dict[str, list[str]] = {}
        for code, m in self.morph.items():
            for s in m.scripts:
                self._script_langs.setdefault(s, []).append(code)
        ents, als = _base()
        ents, als = list(ents), list(als)
        if extra is not None:
            e, a = read_tsv(extra, P_USER)
            ents += e
            als += a
        self._entries: list[Entry] = []
        self._by_id: dict[str, int] = {}
        self._collect(ents, als)
        self._root = _Node()
        # stem -> list of (lemma, lang, endings)
        self._forms: dict[str, list[tuple[str, str, frozenset[str]]]] = {}
        self._lemma_langs: dict[str, set[str]] = {}
        self.aliases_per_lang: dict[str, int] = {}
        self.warnings: list[str] = []
        for row in self._expand(als):
            self._add(row)
        self._max_ending = max(m.max_ending for m in self.morph.values())
        self._lemma_cache: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self._name_words_cache: dict[str | None, _NameWords] = {}
        self.version = self._hash()

    # -- entities
    def _collect(self, ents, als) -> None:
        first_en: dict[str, str] = {}
        for a in als:
            if a.lang == "en" and a.id not in first_en:
                first_en[a.id] = a.text.lstrip("=")
        info: dict[str, dict] = {}
        for id_, kind, sub, country, origin in ents:
            cur = info.setdefault(id_, {"kind": kind, "sub": sub, "country": country, "origin": origin})
            if cur["kind"] != kind:
                path, _, line = origin.rpartition(":")
                raise GazetteerError(path, int(line), f"{id_!r} is a {kind} here but a {cur['kind']} at {cur['origin']}")
            if country and cur["country"] and country != cur["country"]:
                path, _, line = origin.rpartition(":")
                raise GazetteerError(path, int(line), f"{id_!r} has country {country} here but {cur['country']} "
                                     f"at {cur['origin']}")
            cur["country"] = cur["country"] or country
            cur["sub"] = cur["sub"] or sub
        for id_, cur in info.items():
            name = first_en.get(id_, id_) if cur["kind"] == "country" else id_
            country = id_ if cur["kind"] == "country" else cur["country"]
            self._by_id[id_] = len(self._entries)
            self._entries.append(Entry(id_, name, cur["kind"], cur["sub"], country))

    def _expand(self, als: list[AliasRow]) -> list[AliasRow]:
        """The aliases as written, plus a person's surname alone and "Surname Given"."""
        out = list(als)
        surnames: dict[str, set[str]] = {}
        made = []
        for a in als:
            if a.text.startswith("=") or self._entries[self._by_id[a.id]].kind != "person":
                continue
            words = a.text.split()
            if len(words) < 2:
                continue
            last = words[-1]
            if len(last) >= 4 and last[0].isupper():
                surnames.setdefault(norm_word(last), set()).add(a.id)
                made.append(AliasRow(a.id, a.lang, last, P_GENERATED, a.origin))
            if len(words) == 2:
                made.append(AliasRow(a.id, a.lang, f"{words[1]} {words[0]}", P_GENERATED, a.origin))
        for m in made:
            if " " in m.text or len(surnames.get(norm_word(m.text), ())) == 1:
                out.append(m)
        return out

    # -- aliases
    def _add(self, row: AliasRow) -> None:
        literal = row.text.startswith("=")
        text = row.text[1:] if literal else row.text
        toks = tokens(text)
        if not toks:
            return
        entry = self._by_id[row.id]
        node = self._root
        script = morph.word_script("".join(t.key for t in toks))
        for t in toks:
            self._register(t, row.lang, script, literal)
            node = node.children.setdefault((t.key, _capmode(t)), _Node())
        generated = row.origin.startswith(GENERATED + ":")
        # a name (a capitalised word in it) matches in a text of any language; a
        # lower-case word (rossiyskiy) or an acronym (AB, RF) only in its own
        bound = row.lang != "*" and not any(_capmode(t) == 1 for t in toks)
        if node.entry == -1 or row.priority > node.priority:
            fresh = node.entry != entry
            node.entry, node.priority, node.check_initial = entry, row.priority, generated
            if fresh:
                node.langs = frozenset({row.lang}) if bound else None
        elif node.entry != entry and row.priority == node.priority:
            other = self._entries[node.entry].id
            self.warnings.append(f"{row.origin}: alias {row.text!r} of {row.id!r} is already {other!r}; kept {other!r}")
        if node.entry == entry:
            if not generated:
                node.check_initial = False  # hand data vouches for this name
            if not bound:
                node.langs = None
            elif node.langs is not None:
                node.langs = node.langs | {row.lang}
        self.aliases_per_lang[row.lang] = self.aliases_per_lang.get(row.lang, 0) + 1

    def _register(self, tok: Token, lang: str, script: str, literal: bool) -> None:
        key = tok.key
        langs = self._lemma_langs.setdefault(key, set())
        if lang == "*":
            langs.add(SCRIPT_DEFAULT.get(script, "en"))
        else:
            langs.add(lang)
        fixed = literal or _capmode(tok) == 2 or any(ch.isdigit() for ch in key) or len(key) == 1
        codes = set(self._script_langs.get(morph.word_script(key), ()))
        if lang in self.morph:
            codes.add(lang)
        for code in codes or {lang}:
            if fixed or code not in self.morph:
                stem, endings = key, frozenset({""})
            else:
                m = self.morph[code]
                stem, cls = m.stem(key)
                endings = m.classes[cls]
            bucket = self._forms.setdefault(stem, [])
            item = (key, code, endings)
            if item not in bucket:
                bucket.append(item)

    def _hash(self) -> str:
        h = hashlib.sha256(ENGINE_REVISION.encode())
        files = data_files() + morph.morphology_files() + ([self.extra] if self.extra else [])
        for path in files:
            h.update(path.name.encode())
            h.update(path.read_bytes())
        return h.hexdigest()[:16]

    # ------------------------------------------------------------------ API

    def get(self, id_: str) -> Entry | None:
        i = self._by_id.get(id_)
        return None if i is None else self._entries[i]

    def country(self, iso3: str) -> ActorMatch:
        """A country as an actor that the text does not name itself (a person's country):
        start and end are -1, text is empty."""
        e = self.get(iso3)
        return ActorMatch(id=iso3, name=e.name if e else iso3, kind="country", start=-1, end=-1, text="",
                          country=iso3)

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def stats(self) -> dict:
        kinds: dict[str, int] = {}
        for e in self._entries:
            kinds[e.kind] = kinds.get(e.kind, 0) + 1
        return {"entities": kinds, "aliases_per_lang": dict(sorted(self.aliases_per_lang.items())),
                "stems": len(self._forms)}

    def lemmas(self, tok: Token, lang: str | None) -> tuple[str, ...]:
        """The gazetteer lemma words that this text word can be an inflected form of
        (cached by word and language: news repeats its words)."""
        key = (tok.key, lang)
        hit = self._lemma_cache.get(key)
        if hit is None:
            if len(self._lemma_cache) > CACHE_MAX:
                self._lemma_cache.clear()
            hit = self._lemma_cache[key] = self._lemmas(tok.key, lang)
        return hit

    def _lemmas(self, key: str, lang: str | None) -> tuple[str, ...]:
        known = lang in self.morph
        out: list[str] = []
        n = len(key)
        for k in range(0, min(self._max_ending, n - 1) + 1):
            stem = key[:n - k] if k else key
            bucket = self._forms.get(stem)
            if not bucket:
                continue
            ending = key[n - k:] if k else ""
            for lemma, code, endings in bucket:
                if ending not in endings or lemma in out:
                    continue
                if k and len(stem) < (self.morph[code].min_stem if code in self.morph else 3):
                    continue
                if known and code != lang and code not in self._lemma_langs[lemma]:
                    continue
                out.append(lemma)
        return tuple(out)

    def find(self, text: str, lang: str | None, norm: str | None = None,
             toks: list[Token] | None = None) -> list[ActorMatch]:
        """Every actor and place named in `text`: non-overlapping, longest first, by start.
        `norm` and `toks` may pass the text's normalised copy and tokens to save a pass."""
        if toks is None:
            norm = morph.normalise(text)
            toks = tokens(text, norm)
        n = len(toks)
        if not n:
            return []
        cands = [self.lemmas(t, lang) for t in toks]
        gap_ok = [self._gap_ok(norm, toks[i], toks[i + 1]) for i in range(n - 1)] + [False]
        out = []
        i = 0
        while i < n:
            best = self._longest(toks, cands, gap_ok, i, text, lang)
            if best is None:
                i += 1
                continue
            j, node = best
            out.append(self._match(text, norm, toks, i, j, node, lang))
            i = j
        return out

    def _gap_ok(self, norm: str, a: Token, b: Token) -> bool:
        gap = norm[a.end:b.start]
        if len(gap) > MAX_GAP:
            return False
        if all(ch in GAP_CHARS for ch in gap):
            return True
        # after an initial or a short form: "V. Putin", "K.-Zh. Tokayev", "St. Petersburg", "U.S."
        return a.end - a.start <= 2 and gap.count(".") == 1 and all(ch in GAP_CHARS for ch in gap.replace(".", ""))

    def _longest(self, toks, cands, gap_ok, i, text, lang):
        best = None
        stack = [(self._root, i)]
        while stack:
            node, j = stack.pop()
            tok = toks[j]
            for lemma in cands[j]:
                for mode in (0, 1, 2):
                    if mode == 1 and not tok.cap or mode == 2 and not tok.upper:
                        continue
                    child = node.children.get((lemma, mode))
                    if child is None:
                        continue
                    if child.entry >= 0 and (child.langs is None or lang not in self.morph or
                                             lang in child.langs) and (best is None or j + 1 > best[0] or
                                             j + 1 == best[0] and child.priority > best[1].priority):
                        if not (j == i and child.check_initial and tok.initial and
                                self._ordinary_word(text[tok.start:tok.end], lang)):
                            best = (j + 1, child)
                    if child.children and j + 1 < len(toks) and gap_ok[j]:
                        stack.append((child, j + 1))
        return best

    def _ordinary_word(self, word: str, lang: str | None) -> bool:
        """A capitalised sentence-initial word that is a common Russian word (Togo, Chad)."""
        return lang in ("ru", None) and morph.word_script(word) == "Cyrl" and _common_ru_word(word.lower())

    def _match(self, text, norm, toks, i, j, node, lang) -> ActorMatch:
        e = self._entries[node.entry]
        start, end = toks[i].start, toks[j - 1].end
        if e.kind == "organisation" and i > 0:
            prev = toks[i - 1]
            gap = norm[prev.end:start]
            if gap.strip(' "') == "" and len(gap) <= 3 and self._legal_form(prev.key, lang):
                start = prev.start
                if '"' in gap and end < len(norm) and norm[end] == '"':
                    end += 1
        inner = norm[start:end]
        if inner.count('"') % 2 and end < len(norm) and norm[end] == '"':
            end += 1  # NPS <<Kropotkinskaya>>: close the quote the name opened
        return ActorMatch(id=e.id, name=e.name, kind=e.kind, start=start, end=end, text=text[start:end],
                          country=e.country)

    def _legal_form(self, key: str, lang: str | None) -> bool:
        ms = [self.morph[lang]] if lang in self.morph else self.morph.values()
        return any(key in m.legal_forms for m in ms)

    # ------------------------------------------------------------ provisional

    def _name_words(self, lang: str | None) -> _NameWords:
        """The morphologies a text in `lang` reads with and their word sets, made once a language."""
        hit = self._name_words_cache.get(lang)
        if hit is None:
            ms = [self.morph[lang]] if lang in self.morph else list(self.morph.values())
            hit = self._name_words_cache[lang] = _NameWords(
                ms, frozenset().union(*(m.stopwords for m in ms)) | _calendar_words(lang),
                frozenset().union(*(m.name_particles for m in ms)), frozenset().union(*(m.org_words for m in ms)))
        return hit

    def provisional(self, text: str, lang: str | None, near: list[tuple[int, int]] | None = None,
                    found: list[ActorMatch] | None = None, norm: str | None = None,
                    toks: list[Token] | None = None) -> list[ActorMatch]:
        """Capitalised names of people and organisations near `near` spans that the gazetteer lacks.

        Each span of `near` widens to its sentence; `near` None reads the whole
        text.  `found` may pass find()'s result for the same text to save a pass.
        Kept: a name in quotes (<<Uzgastrade>>, AO <<...>>), a run of two to four
        capitalised words (Yerlan Akkenzhenov), a Latin name in a text of another
        script (Spot), an acronym, a Russian surname pymorphy3 knows.  The id is
        the name as written, lemmatised (pymorphy3 for Russian, the lemma_strip
        endings elsewhere).  Never sentence-initial ordinary words, stopwords,
        month or weekday names, or words of a known entry.  `norm` and `toks`, as for find().
        """
        if toks is None:
            norm = morph.normalise(text)
            toks = tokens(text, norm)
        if found is None:
            found = self.find(text, lang)
        windows = _windows(norm, near)
        if not toks or not windows:
            return []
        spans = sorted((a.start, a.end) for a in found)
        known = _overlap_flags(spans, toks)
        ms, stop, particles, org_words = self._name_words(lang)
        doc_script = morph.word_script(norm[:2000])
        out: list[ActorMatch] = []
        i, n = 0, len(toks)
        while i < n:
            t = toks[i]
            if known[i] or not any(a <= t.start < b for a, b in windows) or not t.cap or t.key in stop:
                i += 1
                continue
            # a name in quotation marks, perhaps after a legal form: AO <<Uzgastrade>>
            if t.start and norm[t.start - 1] == '"' and (t.start < 2 or norm[t.start - 2] in ' (\n\t'):
                j = i
                while (j + 1 < n and j - i < 4 and not known[j + 1] and
                       norm[toks[j].end:toks[j + 1].start] in (" ", "-")):
                    j += 1
                    if norm[toks[j].end:toks[j].end + 1] == '"':
                        break
                if norm[toks[j].end:toks[j].end + 1] == '"' and not any(known[i:j + 1]):
                    start = t.start - 1
                    prev = toks[i - 1] if i else None
                    legal = prev is not None and self._legal_form(prev.key, lang) and \
                        norm[prev.end:start].strip() == ""
                    if legal or j > i or not t.initial:
                        name = text[t.start:toks[j].end]
                        out.append(_prov(name, "organisation", prev.start if legal else start, toks[j].end + 1, text))
                        i = j + 1
                        continue
            # a run of capitalised words (name particles allowed inside)
            j = i
            while j + 1 < n and j - i < 3 and not known[j + 1] and \
                    norm[toks[j].end:toks[j + 1].start] in (" ", "-") and \
                    morph.word_script(toks[j + 1].key) == morph.word_script(t.key) and \
                    (toks[j + 1].cap and toks[j + 1].key not in stop or
                     toks[j + 1].key in particles and j + 2 < n and toks[j + 2].cap):
                j += 1
            run = toks[i:j + 1]
            if len(run) >= 2 and all(r.upper for r in run):
                i = j + 1  # a line in capitals (a heading, a banner), not a name
                continue
            if i > 0 and known[i - 1] and norm[toks[i - 1].end:t.start] == " ":
                i = j + 1  # the tail of a known name (Kazenergy Week)
                continue
            if t.initial and (self._ordinary_word(text[t.start:t.end], lang) or len(run) == 1 and
                              morph.word_script(t.key) == doc_script):
                i += 1
                continue
            if any(ch.isdigit() for r in run for ch in r.key) or len(t.key) < 2:
                i = j + 1
                continue
            script = morph.word_script(t.key)
            latin_in_other = script == "Latn" and doc_script not in ("Latn", "")
            prev_org = i > 0 and toks[i - 1].key in org_words and toks[i - 1].end + 1 == t.start
            kind = None
            if len(run) >= 2:
                orgish = run[-1].key in org_words or any(r.upper for r in run) or latin_in_other
                kind = "organisation" if orgish or prev_org else "person"
            elif latin_in_other and len(t.key) >= 3 or t.upper and len(t.key) >= 3 or prev_org:
                kind = "organisation"
            elif lang in ("ru", None) and script == "Cyrl" and _is_surname(t.key):
                kind = "person"
            if kind:
                start, end = run[0].start, run[-1].end
                name = _lemma_name(text, run, lang, kind, ms)
                out.append(_prov(name, kind, start, end, text))
            i = j + 1
        return out


def _prov(name: str, kind: str, start: int, end: int, text: str) -> ActorMatch:
    return ActorMatch(id=name, name=name, kind=kind, start=start, end=end, text=text[start:end], provisional=True)


def _overlap_flags(spans: list[tuple[int, int]], toks) -> list[bool]:
    """For each token (in text order), whether it overlaps one of the sorted, non-overlapping
    spans: one sweep, linear in tokens and spans."""
    flags, j = [], 0
    for t in toks:
        while j < len(spans) and spans[j][1] <= t.start:
            j += 1
        flags.append(j < len(spans) and spans[j][0] < t.end)
    return flags


def _windows(norm: str, near: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    if near is None:
        return [(0, len(norm))]
    out = []
    for s, e in near:
        a = s
        while a > 0 and s - a < 400 and not (norm[a - 1] in ".!?\n" and (a >= len(norm) or norm[a] in " \n")):
            a -= 1
        b = e
        while b < len(norm) and b - e < 400 and not (norm[b] in ".!?\n" and (b + 1 >= len(norm) or norm[b + 1] in " \n")):
            b += 1
        out.append((a, b))
    return out


@cache
def _calendar_words(lang: str | None) -> frozenset[str]:
    """Month and weekday names (all widths, format and stand-alone) from Babel's CLDR data."""
    from babel import Locale
    out: set[str] = set()
    for code in ([lang] if lang else ["ru", "kk", "el", "en"]):
        try:
            loc = Locale.parse(code)
        except Exception:  # noqa: BLE001 - a language Babel lacks has no calendar words
            continue
        for table in (loc.months, loc.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    out.update(norm_word(w.strip(".")) for w in table[context][width].values())
    return frozenset(out)


# pymorphy3's analyses, cached by word: names and sentence openers recur across sentences

@lru_cache(maxsize=1 << 16)
def _common_ru_word(word: str) -> bool:
    parses = _morph_ru().parse(word)
    if not parses:
        return False
    top = parses[0]
    return top.is_known and top.score >= 0.4 and not any(t in top.tag for t in PROPER_TAGS)


@lru_cache(maxsize=1 << 16)
def _is_surname(key: str) -> bool:
    return any("Surn" in p.tag and p.score >= 0.1 for p in _morph_ru().parse(key))


def _lemma_name(text: str, run: list[Token], lang: str | None, kind: str, ms) -> str:
    words = [text[t.start:t.end] for t in run]
    seps = [text[run[k].end:run[k + 1].start] for k in range(len(run) - 1)]
    if kind == "person" and lang in ("ru", None) and all(morph.word_script(w) == "Cyrl" for w in words):
        words = [_ru_name_lemma(w, last=(k == len(words) - 1)) for k, w in enumerate(words)]
    else:
        last = words[-1]
        if "'" in last or "\u2019" in last:
            head, _, tail = last.replace("\u2019", "'").rpartition("'")
            if head and len(tail) <= 4 and tail.islower():
                last = head
        else:
            low = norm_word(last)
            for ending in (e for m in ms for e in m.lemma_strip if e and "'" not in e):
                if low.endswith(ending) and len(low) - len(ending) >= 4:
                    last = last[:len(last) - len(ending)]
                    break
        words[-1] = last
    return "".join(w + (seps[k] if k < len(seps) else "") for k, w in enumerate(words))


@lru_cache(maxsize=1 << 16)
def _ru_name_lemma(word: str, last: bool) -> str:
    """A Russian name word in the nominative: Akkenzhenovym -> Akkenzhenov, Yerlanom -> Yerlan."""
    parts = word.split("-")
    if len(parts) > 1:
        return "-".join(_ru_name_lemma(p, last) for p in parts)
    parses = _morph_ru().parse(word.lower())
    tag = "Surn" if last else "Name"
    named = [p for p in parses if (tag in p.tag or "Surn" in p.tag or "Name" in p.tag) and "sing" in p.tag]
    if any("nomn" in p.tag for p in named) or not parses:
        return word
    pick = named[0] if named else parses[0]
    if not named and "nomn" in pick.tag:
        return word
    lemma = pick.normal_form
    if not lemma or lemma[:3] != word.lower()[:3]:
        return word
    return lemma[:1].upper() + lemma[1:]


@cache
def _morph_ru():
    import pymorphy3
    return pymorphy3.MorphAnalyzer(lang="ru")



@lru_cache(maxsize=8)
def _build(extra: str | None, mtime: int) -> Gazetteer:
    return Gazetteer(Path(extra) if extra else None)


def gazetteer(extra: str | Path | None = None) -> Gazetteer:
    """The gazetteer, with a user's file (this argument, else $TIMELINE_GAZETTEER) on top.

    Built once per process for each user file (and rebuilt when that file changes).
    """
    path = extra if extra is not None else os.environ.get(ENV) or None
    if path is None:
        return _build(None, 0)
    p = Path(path).expanduser().resolve()
    if not p.exists():
        raise GazetteerError(p, 0, "no such gazetteer file", f"given by {'argument' if extra else ENV}")
    return _build(str(p), p.stat().st_mtime_ns)
