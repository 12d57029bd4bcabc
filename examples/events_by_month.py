"""Events per month, by type and by country.

    python examples/events_by_month.py [timeline.duckdb] [--out chart.svg]

Prints one row per month and country (the actors of kind `country` an event names),
with a column per event type, and writes a stacked bar chart of events per month by
type, one panel per country, as SVG (beside the database unless --out says where).

An event that names two countries counts once for each, so the country rows add up to
more than the events; the "all" rows count each event once. Events dated only to a
quarter, a season or a year, and undated events, have no month: they are counted and
left out (the line under the table says how many).

Copy it and adapt: change MONTH_PRECISIONS, group by `place` instead of country, or
filter with db.events(type=..., actor=..., lang=..., date_from=..., date_to=...).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import altair as alt
import polars as pl

import timeline
from timeline.errors import TimelineError

# Precisions at which an event lies within one month (a week is counted in the month it starts).
MONTH_PRECISIONS = ["day", "week", "part_of_month", "month"]
ALL = "all"  # the country label of the rows that count every event once
CHART_COUNTRIES = 8  # the chart draws a panel for this many countries, those with most events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", nargs="?", default="timeline.duckdb", help="the timeline database (default: %(default)s)")
    ap.add_argument("--out", type=Path, help="the SVG chart (default: events_by_month.svg beside the database)")
    args = ap.parse_args()
    out = args.out or Path(args.db).with_name("events_by_month.svg")

    # One row per canonical event; `actors` is a list of structs {id, name, kind, role, provisional}.
    try:
        with timeline.open(args.db, read_only=True) as db:
            events = db.events()
    except TimelineError as e:  # no such database, or one in use by a writer
        sys.exit(f"events_by_month.py: {e}")

    dated = events.filter(pl.col("precision").is_in(MONTH_PRECISIONS))
    left_out = events.height - dated.height
    if dated.is_empty():
        sys.exit(f"No events dated to a month or finer in {args.db} ({left_out} events in all).")

    # The month each event falls in, and the country actors it names (an empty list when none).
    dated = dated.select(
        "id",
        "type",
        pl.col("date_start").dt.truncate("1mo").alias("month"),
        pl.col("actors")
        .list.filter(pl.element().struct.field("kind") == "country")
        .list.eval(pl.element().struct.field("name"))
        .alias("countries"),
    )

    # One row per event and country it names; events naming no country appear under "(none)".
    by_country = (
        dated.with_columns(
            pl.when(pl.col("countries").list.len() > 0)
            .then(pl.col("countries"))
            .otherwise(pl.lit(["(none)"]))
        )
        .explode("countries")
        .rename({"countries": "country"})
    )
    every_event = dated.drop("countries").with_columns(country=pl.lit(ALL))

    # The long table the chart reads: month, country, type, events.
    counts = (
        pl.concat([every_event, by_country], how="diagonal")
        .group_by("month", "country", "type")
        .agg(events=pl.len())
        .sort("month", "country", "type")  # group_by does not keep an order
    )

    # The printed table: one row per month and country, one column per type, and the total.
    types = sorted(counts["type"].unique())
    table = (
        counts.pivot(on="type", index=["month", "country"], values="events", on_columns=types)
        .fill_null(0)
        .with_columns(total=pl.sum_horizontal(types))
        .with_columns(month=pl.col("month").dt.strftime("%Y-%m"))
        .sort("month", pl.col("country") != ALL, "country")
    )
    with pl.Config(tbl_formatting="ASCII_MARKDOWN", tbl_hide_column_data_types=True,
                   tbl_hide_dataframe_shape=True, tbl_rows=-1, tbl_cols=-1, tbl_width_chars=250,
                   fmt_str_lengths=100):
        print(table)
    print(f"\n{dated.height} events by month; {left_out} left out (dated more coarsely than a month, or undated).")

    # The chart: stacked bars of events per month by type, a panel for "all" and for each of the
    # countries with most events (the table above has them all).
    top = (
        by_country.group_by("country").agg(events=pl.len())
        .sort(pl.col("events"), pl.col("country"), descending=[True, False])
        .head(CHART_COUNTRIES)["country"].sort()
    )
    countries = [ALL, *top]
    chart = (
        alt.Chart(counts.filter(pl.col("country").is_in(countries)))
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title="month"),
            y=alt.Y("sum(events):Q", title="events"),
            color=alt.Color("type:N", sort=types),
            tooltip=["yearmonth(month):T", "country:N", "type:N", "sum(events):Q"],
        )
        .properties(width=560, height=70)
        .facet(row=alt.Row("country:N", sort=countries, title=None))
        .properties(title="Events per month by type and country")
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    chart.save(out)
    print(f"chart: {out}")


if __name__ == "__main__":
    main()
