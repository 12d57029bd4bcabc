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
    """The first expression of one of the first three lines (a headline may stand
    above the dateline), when it is a whole day with its year and only a short
    prefix (a place name, an agency) stands before it on its line."""
    starts = [0]
    for _ in range(2):
        nl = text.find("\n", starts[-1])
        if nl < 0:
            break
        starts.append(nl + 1)
    for line_start in starts:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        first = next((e for e in exprs if line_start <= e.start < line_end), None)
        if first is None or first.start - line_start > 120:
            continue
        prefix = text[line_start:first.start]
        if first.basis == "explicit" and first.precision == "day" and first.date_start == first.date_end \
                and _DATELINE_PREFIX.match(prefix) and len(prefix.split()) <= 6:
            return first.date_start
    return None
