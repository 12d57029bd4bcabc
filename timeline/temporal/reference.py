"""A document's own date (spec, "Dates"), from its text: a header line
`date 2025-11-12`, else a dateline ("<City>, 7 <month>, 2023, 16:50 -"),
else the narrative (how='inferred'), else none.  Metadata, the strongest
source, is the caller's: it passes the date as `ref`."""
from __future__ import annotations

import re
from datetime import date

HEADER_RE = re.compile(r"\A[ \t\ufeff]*date[ \t:]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)")
# a dateline: a place (a few words, no sentence punctuation) and a comma before the date ...
_DATELINE_PLACE = re.compile(r"[ \t]*[^\W\d_][^\n,;:.!?]{0,40},[ \t]*\Z")
# ... and after it an optional year (and its word: 2025 year), time, an agency in brackets or
# slashes ("(Reuters)", "/TASS/"), then a dash, a full stop, or the end of the line
_DATELINE_TAIL = re.compile(r"(?:,?[ \t]*\d{4})?(?:[ \t]+\w{1,6}\.?)?(?:,?[ \t]*\d{1,2}[:.]\d{2})?[ \t]*"
                            r"(?:\([^)\n]{1,40}\)|/[^/\n]{1,40}/)?[ \t]*"
                            r"(?:[\u2014\u2013-]{1,2}[ \t]|\.[ \t]|\.?[ \t]*(?:\n|\Z))")


def header_date(text: str) -> tuple[date, int] | None:
    m = HEADER_RE.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.end()
    except ValueError:
        return None


def dateline_spans(text: str, exprs) -> list[tuple[int, int, object]]:
    """Datelines in the first lines of a text ("MOSCOW, Nov 29 (Reuters) -",
    "Astana, 7 October, 2023, 16:50 -", "Baku, 12 May 2025."; a headline may stand
    above): a short place
    (a few words, no sentence punctuation) and a comma, a date, then an optional year
    and time, an agency in brackets, and a dash. Returns (start, end, expression):
    their dates date the document, not an event of it."""
    spans = []
    for e in exprs:
        if e.start > 600:
            break
        line_start = text.rfind("\n", 0, e.start) + 1
        if _DATELINE_PLACE.match(text, line_start, e.start):
            tail = _DATELINE_TAIL.match(text, e.end)
            if tail:
                spans.append((line_start, tail.end(), e))
    return spans


def dateline(text: str, exprs) -> date | None:
    """The date of the first dateline, when it is a whole day: with its year, or
    with one inferred (from the metadata's date, else from the narrative's dates:
    "Ashgabat, 20 October (agency)." after "in March 2025").  A dateline whose year
    cannot be inferred gives no date."""
    for _, _, e in dateline_spans(text, exprs):
        if e.basis in ("explicit", "inferred_year") and e.precision == "day" and e.date_start is not None \
                and e.date_start == e.date_end:
            return e.date_start
    return None
