"""The extraction of one document, a pure function from a Document to rows.

Nothing here touches the store: a process pool or a Dask cluster can map it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from . import langdata, sentences
from .errors import InputError
from .events.actors import gazetteer
from .events.extract import DocumentExtractor
from .ingest.language import detect
from .model import Document, Mention, RefDate
from .temporal import reference_date

_PKG = Path(__file__).parent
# What extraction depends on: a change to any of these makes stored documents stale.
_EXTRACTOR_PARTS = ("temporal", "events", "lang", "gazetteer", "sentences.py", "pipeline.py")


@dataclass(slots=True)
class Extraction:
    document: Document
    lang: str
    lang_detected: bool
    ref: RefDate
    mentions: list[Mention]
    extractor: str


@cache
def extractor_version(user_gazetteer: str | None = None) -> str:
    """Content hash of the extractor's code and data (and the user's gazetteer file)."""
    h = hashlib.sha256()
    for part in _EXTRACTOR_PARTS:
        p = _PKG / part
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".py", ".toml", ".tsv")) if p.is_dir() else [p]
        for f in files:
            h.update(str(f.relative_to(_PKG)).encode())
            h.update(f.read_bytes())
    if user_gazetteer:
        h.update(Path(user_gazetteer).read_bytes())
    return h.hexdigest()[:16]


def published_date(doc: Document) -> date | None:
    """The local date of a `published` value: the date as written, in the source's own zone."""
    if not doc.published:
        return None
    value = doc.published.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    import dateparser  # other spellings of a date ("7 Oct 2023 16:50 +0300")

    parsed = dateparser.parse(value, settings={"RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        raise InputError(doc.origin or doc.id, f"published: cannot read {value!r} as a date")
    return parsed.date()


@cache
def _known(lang: str) -> bool:
    """A language with a data folder of its own or one CLDR knows (its month names)."""
    from babel import Locale, UnknownLocaleError

    if langdata.data_language(lang) or (langdata.LANG_DIR / lang).is_dir():
        return True
    try:
        Locale.parse(lang)
        return True
    except (UnknownLocaleError, ValueError):
        return False


def language(given: str | None, text: str) -> str:
    """The language a text is read in: the given tag's language (ru-RU, EN -> ru, en) when it is
    one we can read, else the one detected in the text."""
    lang = re.split(r"[-_]", (given or "").strip(), maxsplit=1)[0].lower()
    return lang if lang and _known(lang) else detect(text)


def extract_document(doc: Document, user_gazetteer: str | None = None) -> Extraction:
    lang = language(doc.lang, doc.text)
    published = published_date(doc)
    ref = RefDate(published, "metadata") if published else reference_date(doc.text, lang)
    extractor = DocumentExtractor(doc.id, doc.text, lang, ref, gazetteer(user_gazetteer))
    mentions = extractor.run(sentences.split(doc.text))
    detected = not doc.lang or not doc.lang.strip().lower().startswith(lang)
    return Extraction(doc, lang, detected, ref, mentions, extractor_version(user_gazetteer))


def dates(text: str, lang: str, ref: date | None = None) -> list[dict]:
    """What `timeline dates` prints for one document: its temporal expressions, each read
    forward where the text plans the event that owns it ("supplies will start on
    1 January" in December is next January). Without `ref`, the document's header line or
    dateline gives it, else the narrative anchors year-less dates (spec, "Dates")."""
    lang = language(lang, text)
    if ref is None:
        found = reference_date(text, lang)
        ref = found.date if found.how in ("header", "dateline") else None
    how = "metadata" if ref else None
    extractor = DocumentExtractor("", text, lang, RefDate(ref, how))
    return [t.record() for t in extractor.forward_times(sentences.split(text))]
