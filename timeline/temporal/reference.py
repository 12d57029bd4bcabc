"""A document's own date (spec, "Dates"), from its text: a header line
`date 2025-11-12`, else a dateline ("<City>, 7 <month>, 2023, 16:50 -"),
else the narrative (how='inferred'), else none.  Metadata, the strongest
source, is the caller's: it passes the date as `ref`."""
from __future__ import annotations

import re
from datetime import date

HEADER_RE = re.compile(r"\A[ \t\ufeff]*date[ \t:]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)")
# a dateline: at most a few words (a place, an agency) before the date
_DATELINE_PREFIX = re.compile(r"\A[^\n\d]{0,60}\Z")


def header_date(text: str) -> tuple[date, int] | None:
    m = HEADER_RE.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.end()
    except ValueError:
        return None


def dateline(text: str, exprs) -> date | None:
    """The first expression of the first line, when it is a whole day with its
    year and only a short prefix (a place name) stands before it."""
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    for e in exprs:
        if e.start > min(line_end, 120):
            return None
        if e.basis == "explicit" and e.precision == "day" and e.date_start == e.date_end:
            if _DATELINE_PREFIX.match(text[:e.start]) and len(text[:e.start].split()) <= 6:
                return e.date_start
        return None
    return None
