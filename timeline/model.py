"""The typed records that pass between pipeline stages.

document -> sentences -> temporal expressions -> event mentions -> actors and
places -> canonical events.  Each stage takes and returns these plain records,
so stages grow without touching the store or the site.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

EVENT_TYPES = ("meeting", "signing", "agreement", "supply_start", "supply_halt",
               "drone_strike", "statement", "plan", "volume")
STATUSES = ("occurred", "planned")
PRECISIONS = ("day", "week", "part_of_month", "month", "quarter", "half", "season",
              "part_of_year", "year")
BASES = ("explicit", "inferred_year", "relative", "named_event", "document_date", "undated")
ACTOR_KINDS = ("country", "person", "organisation")
ROLES = ("agent", "counterpart", "target", "mentioned")
# how a document's reference date was found (spec, "Dates"), strongest first
REF_SOURCES = ("metadata", "header", "dateline", "inferred")


@dataclass(slots=True)
class Document:
    id: str
    text: str
    lang: str | None = None
    url: str | None = None
    published: str | None = None  # as given: ISO date or datetime with zone
    source: str | None = None
    title: str | None = None
    origin: str = ""  # file (and line) it was read from, for messages

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class RefDate:
    """A document's reference date and how it was found (one of REF_SOURCES)."""
    date: date | None
    how: str | None


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression found in a text and resolved to an inclusive interval.

    `future` is the interval read forward from the reference date, for an
    expression whose year was inferred: what the text reports as planned takes
    it instead of the backward reading in date_start/date_end.
    """
    text: str
    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: str | None
    basis: str
    edtf: str | None
    rule: str
    future: tuple[date, date] | None = None
    future_edtf: str | None = None
    planned: bool = False  # words beside it say it is to come ("will be held", "is scheduled for")

    def record(self) -> dict:
        """The fields of `timeline dates` (spec, last section)."""
        return {"text": self.text, "start": self.start, "end": self.end,
                "date_start": self.date_start.isoformat() if self.date_start else None,
                "date_end": self.date_end.isoformat() if self.date_end else None,
                "precision": self.precision, "edtf": self.edtf, "basis": self.basis}


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A name in the text resolved to a gazetteer entry (or kept as provisional)."""
    id: str
    name: str  # canonical English name
    kind: str  # country | person | organisation | place
    start: int
    end: int
    text: str
    country: str | None = None  # ISO alpha-3 of a person's or body's country
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # t, m3, bbl, GW, ...
    period: str | None  # day | month | year | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that signals an event of `type`."""
    type: str
    start: int
    end: int
    text: str
    rule: str


@dataclass(slots=True)
class Mention:
    """One event as one sentence of one document tells it: a claim."""
    doc: str
    type: str
    status: str
    start: int  # the quote's offsets in the document text
    end: int
    quote: str
    lang: str
    date_start: date | None
    date_end: date | None
    precision: str | None
    basis: str
    edtf: str | None
    date_text: str | None
    actors: list[tuple[ActorMatch, str]] = field(default_factory=list)  # (actor, role)
    place: ActorMatch | None = None
    quantity: Quantity | None = None
    plan_window: tuple[date, date] | None = None
    confidence: float = 0.5
    rule: str = ""
    trigger: str = ""
    cancelled: bool = False  # the text reports it called off
    id: str = ""
