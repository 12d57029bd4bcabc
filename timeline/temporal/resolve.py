"""From candidates to dated expressions: explicit years, year inference
against a reference date, narrative anchoring without one, relative words.

Spec, "Dates": with a reference date, a year-less date is the nearest such
date on or before it (the `future` reading: on or after it, for what the
text reports as planned).  Without one, the latest explicit year-carrying
date that is not a target ("by 2025") anchors the text, and
every year-less date falls at its first occurrence on or after the anchor.
"""
from __future__ import annotations

from datetime import date, timedelta

from timeline.model import TimeExpr

from .calendar import Spec, edtf_point, interval, month_shift, week_of
from .scan import Cand

_DAY_SHIFT = {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "tomorrow": 1,
              "day_after_tomorrow": 2, "eve": -1}
_SHIFT = {"this": 0, "last": -1, "next": 1, "before_last": -2}
# relative words resolved after the others, from the expressions around them
_CONTEXTUAL = ("same_day", "recently")


def _unit_shift(rel: str) -> tuple[int, str]:
    which, unit = rel.rsplit("_", 1)
    return _SHIFT[which], unit


def shifted(spec: Spec, shift: int, ref: date) -> Iv | None:
    """A month or season named with last/this/next: the latest one ended before
    the reference date, the one holding it (else the one begun in its year), the
    first one begun after it."""
    ivs = [iv for iv in (interval(spec, y) for y in range(ref.year - 2, ref.year + 3)) if iv]
    if shift < 0:
        past = [iv for iv in ivs if iv[1] < ref]
        return past[-1] if past else None
    if shift > 0:
        return next((iv for iv in ivs if iv[0] > ref), None)
    return next((iv for iv in ivs if iv[0] <= ref <= iv[1]), None) or \
        next((iv for iv in ivs if iv[0].year == ref.year), None)

Iv = tuple  # (start, end, precision, edtf)
DATELINE_REACH = 600  # a dateline stands in the first lines (reference.dateline_spans)


def _range(a: Iv | None, b: Iv | None) -> Iv | None:
    if a is None or b is None or b[1] < a[0]:
        return None
    prec = a[2] if a[2] == b[2] else b[2]
    return a[0], b[1], prec, f"{edtf_point(a[0], prec)}/{edtf_point(b[1], prec, True)}"


def at_year(c: Cand, y: int) -> Iv | None:
    """The interval of a year-less calendar candidate placed in year `y`."""
    s = c.spec
    if c.kind == "range":
        s2 = c.spec2
        y2 = y if (s2.month or 0, s2.day or 0) >= (s.month or 0, s.day or 0) else y + 1
        a = interval(s, s.year if s.year is not None else y)
        b = interval(s2, s2.year if s2.year is not None else y2)
        return _range(a, b)
    return interval(s, y)


def has_year(c: Cand) -> bool:
    if c.kind == "named":
        return True
    if c.kind not in ("cal", "range"):
        return False
    return c.spec.year is not None and (c.spec2 is None or c.spec2.year is not None)


def explicit(c: Cand) -> Iv | None:
    if c.kind == "named":
        return c.named
    if c.kind == "range":
        return _range(interval(c.spec, c.spec.year), interval(c.spec2, c.spec2.year))
    return interval(c.spec, c.spec.year)


def backward(c: Cand, ref: date) -> Iv | None:
    for y in range(ref.year + 1, ref.year - 9, -1):
        iv = at_year(c, y)
        if iv is not None and iv[0] <= ref:
            return iv
    return None


def forward(c: Cand, ref: date) -> Iv | None:
    for y in range(ref.year - 1, ref.year + 9):
        iv = at_year(c, y)
        if iv is not None and iv[1] >= ref:
            return iv
    return None


def after_anchor(c: Cand, anchor: date) -> Iv | None:
    for y in range(anchor.year - 1, anchor.year + 9):
        iv = at_year(c, y)
        if iv is not None and iv[0] >= anchor:
            return iv
    return None


def relative(c: Cand, ref: date) -> tuple[Iv, Iv | None]:
    """(reading, future reading or None) of a relative candidate."""
    if c.kind == "weekday":
        if c.shift is not None:  # last Friday: strictly before; next Tuesday: strictly after
            if c.shift < 0:
                d = ref - timedelta(days=(ref.weekday() - c.weekday - 1) % 7 + 1)
            elif c.shift > 0:
                d = ref + timedelta(days=(c.weekday - ref.weekday() - 1) % 7 + 1)
            else:  # this Wednesday: the one of the reference date's week
                d = ref + timedelta(days=c.weekday - ref.weekday())
            iv = (d, d, "day", d.isoformat())
            return iv, iv
        past = ref - timedelta(days=(ref.weekday() - c.weekday) % 7)
        fut = ref + timedelta(days=(c.weekday - ref.weekday()) % 7)
        return (past, past, "day", past.isoformat()), (fut, fut, "day", fut.isoformat())
    if c.kind == "shifted":
        iv = shifted(c.spec, c.shift, ref)
        return iv, iv
    rel = c.rel
    if c.kind == "rel_cal":
        y = ref.year + _unit_shift(rel)[0]
        iv = interval(c.spec, y)
        return iv, iv
    if c.kind == "part_relative":
        k, unit = _unit_shift(rel)
        if unit == "year":
            y = ref.year + k
            return interval(Spec("part_of_year", y, part=c.spec.part), y), None
        y, m = month_shift(ref, k)
        return interval(Spec("part_of_month", y, m, part=c.spec.part), y), None
    if rel in _DAY_SHIFT:
        d = ref + timedelta(days=_DAY_SHIFT[rel])
        return (d, d, "day", d.isoformat()), None
    if rel == "year_to_date":
        st = date(ref.year, 1, 1)
        return (st, ref, "day", f"{st.isoformat()}/{ref.isoformat()}"), None
    k, unit = _unit_shift(rel)
    if unit == "week":
        st, en = week_of(ref, k)
        return (st, en, "week", f"{st.isoformat()}/{en.isoformat()}"), None
    if unit == "month":
        y, m = month_shift(ref, k)
        return interval(Spec("month", y, m), y), None
    y = ref.year + k
    return interval(Spec("year", y), y), None


def _expr(text: str, c: Cand, iv: Iv | None, basis: str, fut: Iv | None = None) -> TimeExpr:
    return TimeExpr(text=text[c.start:c.end], start=c.start, end=c.end,
                    date_start=iv[0] if iv else None, date_end=iv[1] if iv else None,
                    precision=iv[2] if iv else None, basis=basis,
                    edtf=iv[3] if iv else None, rule=c.rule,
                    future=(fut[0], fut[1]) if fut else None,
                    future_edtf=fut[3] if fut else None, planned=c.future_lead)


def _basis(c: Cand) -> str:
    return "named_event" if c.kind == "named" else "explicit"


def resolve_all(text: str, cands: list[Cand], ref: date | None,
                dateline_of=None) -> tuple[list[TimeExpr], date | None]:
    """TimeExprs for the selected candidates, and the reference date used
    (the given one, or the one the narrative gives: None if it gives none).
    Without `ref`, `dateline_of(text, first expressions)` may give the text's
    dateline date (its year placed by the narrative), which then serves as `ref`."""
    out: list[TimeExpr | None] = [None] * len(cands)
    year_less = []
    anchor: date | None = None
    for i, c in enumerate(cands):
        if has_year(c):
            iv = explicit(c)
            out[i] = _expr(text, c, iv, _basis(c), c.named_future if c.kind == "named" else None)
            if iv and not c.future_lead and (anchor is None or iv[0] > anchor):
                anchor = iv[0]
        elif c.kind in ("cal", "range"):
            year_less.append(i)
    used_ref = ref
    placed: dict[int, Iv | None] = {}
    if ref is None and dateline_of is not None:
        # a dateline (its year placed after the anchor) dates the text: the narrative never
        # places the reference date later
        head = []
        for i, c in enumerate(cands):
            if c.start > DATELINE_REACH:
                break
            e = out[i]
            if e is None:
                iv = after_anchor(c, anchor) if (anchor and c.kind in ("cal", "range")) else None
                e = _expr(text, c, iv, "inferred_year" if iv else "relative")
            head.append(e)
        ref = used_ref = dateline_of(text, head)
    if ref is None:
        placed_latest = None
        for i in year_less:
            c = cands[i]
            iv = after_anchor(c, anchor) if anchor else None
            placed[i] = iv
            # a plan or a target ("by the end of the year", "will meet in November") does not date the text
            if iv and not c.future_lead and (placed_latest is None or iv[0] > placed_latest):
                placed_latest = iv[0]
        used_ref = placed_latest
        if used_ref is None and anchor is not None:
            best = [e for e, c in zip(out, cands) if e is not None and e.date_start == anchor
                    and not c.future_lead and e.precision != "year"]
            used_ref = anchor if best else None
    if ref is not None:
        for i in year_less:
            c = cands[i]
            out[i] = _expr(text, c, backward(c, ref), "inferred_year", forward(c, ref))
    else:
        for i, iv in placed.items():  # the forward reading from the date the narrative gives
            fut = forward(cands[i], used_ref) if (iv and used_ref) else iv
            out[i] = _expr(text, cands[i], iv, "inferred_year", fut)
    for i, c in enumerate(cands):
        if out[i] is None and c.rel not in _CONTEXTUAL:
            if used_ref is None:
                out[i] = _expr(text, c, None, "relative")
            else:
                iv, fut = relative(c, used_ref)
                out[i] = _expr(text, c, iv, "relative", fut)
    for i, c in enumerate(cands):
        if c.rel == "eve" and i + 1 < len(cands) and _eve_of(text, c, cands[i + 1]):
            nxt = out[i + 1]
            if nxt is not None and nxt.date_start is not None:  # "on the eve of 9 May": the day before it
                d = nxt.date_start - timedelta(days=1)
                out[i] = _expr(text, c, (d, d, "day", d.isoformat()), "relative")
        elif c.rel == "same_day":  # the date of the expression before it
            prev = next((e for e in reversed(out[:i]) if e is not None and e.date_start is not None), None)
            if prev is None:
                out[i] = _expr(text, c, None, "undated")
            else:
                out[i] = TimeExpr(text=text[c.start:c.end], start=c.start, end=c.end,
                                  date_start=prev.date_start, date_end=prev.date_end,
                                  precision=prev.precision, basis=prev.basis, edtf=prev.edtf,
                                  rule=c.rule, future=prev.future, future_edtf=prev.future_edtf)
        elif c.rel == "recently":
            out[i] = _expr(text, c, None, "undated")
    return out, used_ref


def _eve_of(text: str, c: Cand, nxt: Cand) -> bool:
    """"The eve of <date or occasion>": at most two short words (articles) between,
    no punctuation."""
    gap = text[c.end:nxt.start]
    if len(gap) > 12 or any(ch in gap for ch in ",.;:!?()\n"):
        return False
    words = gap.split()
    return len(words) <= 2 and all(len(w) <= 4 for w in words)
