"""How long plans take to come true, by event type.

    python examples/plan_lag.py [timeline.duckdb] [--out chart.svg]

Reads the view `plan_outcomes` (one row per plan: its window, its state, the event that
fulfilled it and the lag; the rules are in sql/macros/plan_links.sql), prints every plan,
then one row per type: how many plans, in which state, and the lag of the fulfilled ones.
Writes a chart (plans by state, and each fulfilled plan's lag) as SVG, beside the
database unless --out says where.

lag_days is the outcome's start minus the end of the window the plan named: 0 on the
last day of the window, 6 six days after it, negative when the outcome came early. A
plan that named no window has no lag. plan_state is one of fulfilled, pending (its
window is not over yet, or it named none), overdue, rescheduled (a later plan names
another window).

Copy it and adapt: `events_as_of(DATE '2024-01-01')` gives the plans as the sources told
them on that day (plan_state, fulfilled_by, lag_days), to see what was overdue back then.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import altair as alt
import polars as pl

import timeline
from timeline.errors import TimelineError

STATES = ["fulfilled", "pending", "overdue", "rescheduled"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", nargs="?", default="timeline.duckdb", help="the timeline database (default: %(default)s)")
    ap.add_argument("--out", type=Path, help="the SVG chart (default: plan_lag.svg beside the database)")
    args = ap.parse_args()
    out = args.out or Path(args.db).with_name("plan_lag.svg")

    try:
        with timeline.open(args.db, read_only=True) as db:
            plans = db.sql("SELECT * FROM plan_outcomes ORDER BY type, window_start NULLS LAST, plan_id")
    except TimelineError as e:  # no such database, or one in use by a writer
        sys.exit(f"plan_lag.py: {e}")

    # Every plan, as one line: what was planned for when, and what came of it.
    listing = plans.select(
        "type",
        pl.concat_str(
            pl.col("window_start").dt.to_string("%Y-%m-%d"),
            pl.when(pl.col("window_end") != pl.col("window_start")).then(pl.col("window_end").dt.to_string(" – %Y-%m-%d")),
            ignore_nulls=True,
        ).replace("", "none").alias("window"),  # a plan may name no target time
        "plan_state",
        pl.col("outcome_date").alias("outcome"),
        "lag_days",
        pl.col("plan_summary").alias("plan"),
    )

    # One row per type: plans in each state, and the lag of the fulfilled ones.
    by_type = (
        plans.group_by("type")
        .agg(
            pl.len().alias("plans"),
            *[(pl.col("plan_state") == s).sum().alias(s) for s in STATES],
            median_lag=pl.col("lag_days").median(),
            min_lag=pl.col("lag_days").min(),
            max_lag=pl.col("lag_days").max(),
        )
        .sort("plans", "type", descending=[True, False])
    )

    with pl.Config(tbl_formatting="ASCII_MARKDOWN", tbl_hide_column_data_types=True,
                   tbl_hide_dataframe_shape=True, tbl_rows=-1, tbl_cols=-1, tbl_width_chars=250,
                   fmt_str_lengths=80):
        print(listing)
        print()
        print(by_type)

    # The chart: left, plans by type and state; right, each fulfilled plan's lag in days
    # (the rule at 0 is the last day of the plan's window).
    states = alt.Chart(plans).mark_bar().encode(
        y=alt.Y("type:N", title=None),
        x=alt.X("count():Q", title="plans", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("plan_state:N", scale=alt.Scale(domain=STATES), title="state"),
        tooltip=["type:N", "plan_state:N", "count():Q"],
    ).properties(title="Plans by state", width=260)
    fulfilled = plans.filter(pl.col("lag_days").is_not_null())
    lags = alt.Chart(fulfilled).mark_circle(size=80).encode(
        y=alt.Y("type:N", title=None),
        x=alt.X("lag_days:Q", title="days after the window's end"),
        tooltip=["plan_summary:N", "window_end:T", "outcome_date:T", "lag_days:Q"],
    ).properties(title="Lag of fulfilled plans", width=260)
    zero = alt.Chart(pl.DataFrame({"x": [0]})).mark_rule(strokeDash=[4, 3]).encode(x="x:Q")
    chart = alt.hconcat(states, lags + zero).properties(title="From plan to outcome, by type")
    out.parent.mkdir(parents=True, exist_ok=True)
    chart.save(out)
    print(f"\nchart: {out}")


if __name__ == "__main__":
    main()
