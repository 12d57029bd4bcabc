"""The site's pictures of time. Per page, the numbers the one SVG timeline macro
(templates/_timeline.html) draws from the page's chronology rows: the lanes, the time
scale and the ticks (no markup is made here). Once per build, the chart of events per
month by type above the chronology: Vega-Lite through altair, rendered to SVG offline by
vl-convert."""
from __future__ import annotations

from datetime import date


# past this many events a page's timeline draws counts per month, not one mark per event
MARKS_MAX = 600
# in counts mode, at most about this many bins in all (months, else quarters, else years): the
# drawing of a page of 100,000 events stays under 100 KB
BINS_MAX = 320
# lanes on a type page (one per actor): the most frequent, then "other actors"
ACTOR_LANES = 8
WIDTH = 1000  # the strips' viewBox width

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# a day or a week is a point; a month, part of it or a quarter a bar; coarser a long faint bar
SHAPE = {"day": "point", "week": "bar", "part_of_month": "bar", "month": "bar", "quarter": "bar",
         "season": "bar", "half": "long", "part_of_year": "long", "year": "long"}
TYPE_COLOURS = {"meeting": "#2f5fd0", "signing": "#15803d", "agreement": "#0f766e", "supply_start": "#4d7c0f",
                "supply_halt": "#c2410c", "drone_strike": "#b91c1c", "statement": "#475569", "plan": "#6d28d9",
                "volume": "#a16207"}


def _ticks(t0: int, t1: int) -> list[dict]:
    """Tick positions (percent of the axis) and labels: years, or months within two years."""
    d0, d1 = date.fromordinal(t0), date.fromordinal(t1)
    span = t1 - t0
    out = []
    if span > 800:
        step = max(1, round((d1.year - d0.year + 1) / 6))
        for y in range(d0.year + (0 if d0 == date(d0.year, 1, 1) else 1), d1.year + 1, step):
            out.append((date(y, 1, 1).toordinal(), str(y)))
    else:
        step = 1 if span <= 130 else 2 if span <= 250 else 3 if span <= 450 else 6
        y, m = d0.year, d0.month
        while True:
            d = date(y, m, 1)
            if d > d1:
                break
            if d >= d0 and (m - 1) % step == 0:
                out.append((d.toordinal(), f"{_MONTHS[m - 1]} {y}" if m == 1 or not out else _MONTHS[m - 1]))
            m += 1
            if m > 12:
                y, m = y + 1, 1
    return [{"x": round((o - t0) * WIDTH / span, 1), "pct": round((o - t0) * 100 / span, 2), "label": label}
            for o, label in out]


def timeline(rows: list[dict], by: str = "type", labels: dict[str, str] | None = None,
             year: int | None = None, counts_href=None) -> dict | None:
    """What one page's timeline draws: rows are site_chronology rows (all the page's events,
    not one listing page's). by: 'type' (one lane per type) or 'actor' (per actor, on a type
    page). Returns None when there is nothing to draw."""
    labels = labels or {}
    if not rows:
        return None
    dated = [r for r in rows if r["date_start"] is not None]
    if year is not None:
        t0, t1 = date(year, 1, 1).toordinal(), date(year + 1, 1, 1).toordinal()
    elif dated:
        lo = min(r["disputed_start"] or r["date_start"] for r in dated)
        hi = max(max(r["date_end"] or r["date_start"], r["disputed_end"] or r["date_start"]) for r in dated)
        t0, t1 = date(lo.year, 1, 1).toordinal(), date(hi.year + 1, 1, 1).toordinal()
    else:
        t0, t1 = date(2000, 1, 1).toordinal(), date(2001, 1, 1).toordinal()
    k = WIDTH / (t1 - t0)

    # lanes
    if by == "actor":
        freq: dict[str, int] = {}
        names: dict[str, str] = {}
        for r in rows:
            for a in r["actors"]:
                freq[a["slug"]] = freq.get(a["slug"], 0) + 1
                names[a["slug"]] = a["name"]
        top = sorted(freq, key=lambda s: (-freq[s], names[s].lower()))[:ACTOR_LANES]
        top_set = set(top)
        keys = top + ["_other"]
        lane_label = {**names, "_other": "Other actors or none"}

        def lanes_of(r):
            return [a["slug"] for a in r["actors"] if a["slug"] in top_set] or ["_other"]
    else:
        order = list(labels) or sorted({r["type"] for r in rows})
        keys = [t for t in order if any(r["type"] == t for r in rows)]
        lane_label = labels

        def lanes_of(r):
            return [r["type"]]

    members: dict[str, list[dict]] = {key: [] for key in keys}
    for r in rows:
        for key in lanes_of(r):
            members[key].append(r)
    lanes = []
    counts = len(dated) > MARKS_MAX
    n_lanes = sum(1 for key in keys if members[key])
    span_months = (date.fromordinal(t1 - 1).year - date.fromordinal(t0).year + 1) * 12
    months_per_bin = next((m for m in (1, 3) if n_lanes * span_months / m <= BINS_MAX), 12)
    for key in keys:
        rs = members[key]
        if not rs:
            continue
        lane = {"key": key, "label": lane_label.get(key, key), "n": len(rs),
                "colour": TYPE_COLOURS.get(key, "#2f5fd0") if by == "type" else "#2f5fd0",
                "marks": [], "bins": [], "undated": [r for r in rs if r["date_start"] is None]}
        if counts:
            bins: dict[tuple[int, int], int] = {}
            for r in rs:
                if r["date_start"] is not None:
                    ym = (r["date_start"].year, (r["date_start"].month - 1) // months_per_bin * months_per_bin + 1)
                    bins[ym] = bins.get(ym, 0) + 1
            for (y, m), n in sorted(bins.items()):
                x0 = date(y, m, 1).toordinal()
                m1 = m + months_per_bin
                x1 = date(y + (m1 > 12), (m1 - 1) % 12 + 1, 1).toordinal()
                when = (f"{_MONTHS[m - 1]} {y}" if months_per_bin == 1 else
                        f"Q{(m - 1) // 3 + 1} {y}" if months_per_bin == 3 else str(y))
                lane["bins"].append({"x": round((x0 - t0) * k, 1), "w": round((x1 - x0) * k, 1), "n": n, "year": y,
                                     "label": f"{lane['label']}, {when}: {n}"})
        else:
            lane["marks"] = [r for r in rs if r["date_start"] is not None]
        lanes.append(lane)
    if counts:
        top_n = max((b["n"] for lane in lanes for b in lane["bins"]), default=1)
        for lane in lanes:
            for b in lane["bins"]:
                b["h"] = max(2.0, round(22 * b["n"] / top_n, 1))
    # the table beside the drawing: events per lane and year (counts; undated apart)
    years = sorted({r["date_start"].year for r in dated})
    table_rows = []
    for lane in lanes:
        per_year: dict[int, int] = {}
        for r in members[lane["key"]]:
            if r["date_start"] is not None:
                per_year[r["date_start"].year] = per_year.get(r["date_start"].year, 0) + 1
        table_rows.append({"label": lane["label"], "by_year": [per_year.get(y, 0) for y in years],
                           "undated": len(lane["undated"]), "n": lane["n"]})
    table = {"years": years, "rows": table_rows}
    return {"t0": t0, "k": k, "bin": {1: "month", 3: "quarter", 12: "year"}[months_per_bin], "width": WIDTH, "ticks": _ticks(t0, t1), "lanes": lanes, "counts": counts,
            "by": by, "n": len(rows), "n_dated": len(dated), "table": table, "shape": SHAPE,
            "first": date.fromordinal(t0), "last": date.fromordinal(t1 - 1)}


def month_chart(rows: list[dict], labels: dict[str, str]) -> tuple[str, str] | None:
    """The chart of events per month (per quarter past five years) by type (site_event_months rows)
    as (SVG text, 'month' or 'quarter'), or None when there are no dated events."""
    if not rows:
        return None
    import altair as alt  # Vega-Lite, rendered offline by vl-convert: a second or so, once a build
    import vl_convert as vlc
    order = [t for t in labels if any(r["type"] == t for r in rows)]
    first, last = min(r["month"] for r in rows), max(r["month"] for r in rows)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    unit = "yearmonth" if months <= 60 else "yearquarter"  # past five years, a bar per quarter
    data = [{"month": r["month"].isoformat(), "type": labels.get(r["type"], r["type"]), "events": r["events"]}
            for r in rows]
    chart = alt.Chart(alt.Data(values=data)).mark_bar(
        width={"band": 0.9}).encode(
        x=alt.X("month:T", title=None, timeUnit=unit,
                # past two years a tick a year (else every tick would repeat its year)
                axis=alt.Axis(format="%b %Y" if months <= 24 else "%Y", labelAngle=0, labelOverlap=True,
                              tickCount=min(8, months) if months <= 24 else {"interval": "year", "step": 1})),
        y=alt.Y("sum(events):Q", title="events", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("type:N", title=None,
                        scale=alt.Scale(domain=[labels[t] for t in order], range=[TYPE_COLOURS[t] for t in order]),
                        legend=alt.Legend(orient="bottom", columns=5, symbolType="square")),
        order=alt.Order("type:N"),
    ).properties(width=640, height=150, background="#ffffff",
                 padding={"left": 4, "right": 12, "top": 8, "bottom": 4}).configure_axis(
        labelFont="sans-serif", titleFont="sans-serif", labelColor="#374151", titleColor="#374151", gridColor="#eef0f3"
    ).configure_legend(labelFont="sans-serif", labelColor="#1b1f24", labelFontSize=12).configure_view(stroke=None)
    return vlc.vegalite_to_svg(chart.to_dict()), "month" if unit == "yearmonth" else "quarter"
