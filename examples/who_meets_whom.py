"""Who meets whom most often, by year.

    python examples/who_meets_whom.py [timeline.duckdb] [--out chart.svg] [--kind person ...] [--top 20]

Takes the meeting events (talks, visits, negotiations, summits, calls), pairs every two
actors each names, and counts the meetings of each pair in each year. Prints one row per
pair, the pairs that met most often first, with a column per year and the total; writes
a heat map of the top pairs by year as SVG (beside the database unless --out says where).

By default only people and organisations count (`--kind person --kind organisation`):
nearly every meeting also names the countries of its parties, which would pair each
person with their own country. `--kind country` asks which countries meet.

Copy it and adapt: swap "meeting" for "signing" to see who signs with whom, or keep
only the agent and counterpart roles (`role` in each actor struct).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import altair as alt
import polars as pl

import timeline
from timeline.errors import TimelineError

UNDATED = "undated"  # the year column of meetings without a date


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", nargs="?", default="timeline.duckdb", help="the timeline database (default: %(default)s)")
    ap.add_argument("--out", type=Path, help="the SVG chart (default: who_meets_whom.svg beside the database)")
    ap.add_argument("--kind", action="append", choices=["person", "organisation", "country"],
                    help="the kinds of actor to pair (repeatable; default: person and organisation)")
    ap.add_argument("--top", type=int, default=20, help="how many pairs to print and draw (default: %(default)s)")
    args = ap.parse_args()
    kinds = args.kind or ["person", "organisation"]
    out = args.out or Path(args.db).with_name("who_meets_whom.svg")

    try:
        with timeline.open(args.db, read_only=True) as db:
            meetings = db.events(type="meeting")
    except TimelineError as e:  # no such database, or one in use by a writer
        sys.exit(f"who_meets_whom.py: {e}")

    # One row per meeting and actor of the chosen kinds, with the meeting's year.
    parties = (
        meetings.select(
            "id",
            pl.col("date_start").dt.year().cast(pl.String).fill_null(UNDATED).alias("year"),
            "actors",
        )
        .explode("actors")
        .filter(pl.col("actors").struct.field("kind").is_in(kinds))
        .select("id", "year", pl.col("actors").struct.field("name").alias("actor"))
    )
    # ...paired with every other actor of the same meeting, each unordered pair once (a < b).
    pairs = (
        parties.join(parties, on=["id", "year"], suffix="_b")
        .filter(pl.col("actor") < pl.col("actor_b"))
        .rename({"actor": "actor_a"})
    )
    if pairs.is_empty():
        sys.exit(f"No meeting in {args.db} names two actors of kind {' or '.join(kinds)}.")

    # Meetings per pair and year (the chart reads this), and per pair over all years.
    per_year = pairs.group_by("actor_a", "actor_b", "year").agg(meetings=pl.len()).sort("actor_a", "actor_b", "year")
    years = sorted(per_year["year"].unique(), key=lambda y: (y == UNDATED, y))
    table = (
        per_year.pivot(on="year", index=["actor_a", "actor_b"], values="meetings", on_columns=years)
        .fill_null(0)
        .with_columns(total=pl.sum_horizontal(years))
        .sort("total", "actor_a", "actor_b", descending=[True, False, False])
        .head(args.top)
    )
    with pl.Config(tbl_formatting="ASCII_MARKDOWN", tbl_hide_column_data_types=True,
                   tbl_hide_dataframe_shape=True, tbl_rows=-1, tbl_cols=-1, tbl_width_chars=250,
                   fmt_str_lengths=100):
        print(table)
    print(f"\n{pairs.height} pairings from {meetings.height} meetings; actors of kind {', '.join(kinds)}.")

    # The chart: a heat map, one row per pair (most meetings on top), one column per year.
    top = table.select(pl.concat_str("actor_a", pl.lit(" – "), "actor_b").alias("pair"), "actor_a", "actor_b")
    cells = per_year.join(top, on=["actor_a", "actor_b"])
    most = max(1, cells["meetings"].max() or 0)
    chart = (
        alt.Chart(cells)
        .mark_rect()
        .encode(
            x=alt.X("year:O", sort=years, title=None),
            y=alt.Y("pair:N", sort=top["pair"].to_list(), title=None, axis=alt.Axis(labelLimit=400)),
            color=alt.Color("meetings:Q", scale=alt.Scale(scheme="blues", domain=[0, most]),
                            legend=alt.Legend(values=sorted({0, most // 2, most}), format="d")),
            tooltip=["pair:N", "year:O", "meetings:Q"],
        )
        .properties(title="Who meets whom, by year", width=max(120, 60 * len(years)))
    )
    # the count in each cell, white on the darker half of the scale
    text = chart.mark_text().encode(
        text="meetings:Q",
        color=alt.condition(alt.datum.meetings > most / 2, alt.value("white"), alt.value("black")),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    (chart + text).save(out)
    print(f"chart: {out}")


if __name__ == "__main__":
    main()
