"""examples/ and docs/analysis.md: each example script run as a user runs it, on the seeds'
database built by the real pipeline, its printed table checked against the database (and
against what the seeds say), its chart valid SVG; the ad hoc queries of the docs run both
ways; and the docs' generated columns section up to date with sql/views/."""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import polars as pl
import pytest

import timeline
from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
MONTH_PRECISIONS = ("day", "week", "part_of_month", "month")



def _gen():
    """docs/gen_analysis.py as a module."""
    spec = importlib.util.spec_from_file_location("gen_analysis", ROOT / "docs" / "gen_analysis.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_example(name: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, str(EXAMPLES / f"{name}.py"), *args], cwd=cwd or ROOT,
                       capture_output=True, text=True, timeout=300, env=env)
    assert p.returncode == 0, p.stderr
    return p


def tables(stdout: str) -> list[list[dict[str, str]]]:
    """The markdown tables a script printed, as lists of rows (column name -> cell text)."""
    found, block = [], []
    for line in stdout.splitlines() + [""]:
        if line.startswith("|"):
            block.append([c.strip() for c in line.strip().strip("|").split("|")])
        elif block:
            head, _rule, *rows = block
            found.append([dict(zip(head, r)) for r in rows])
            block = []
    return found


def assert_svg(path: Path) -> None:
    assert path.is_file() and path.stat().st_size > 1000, path
    root = ET.parse(path).getroot()  # raises on anything but well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find(".//{http://www.w3.org/2000/svg}text") is not None  # axes and titles drawn


def query(db: Path, sql: str, params: list | None = None) -> pl.DataFrame:
    with timeline.open(db, read_only=True) as tl:
        return tl.sql(sql, params)


# ---------------------------------------------------------------- events_by_month.py

def test_events_by_month(seeds_db, tmp_path):
    out = tmp_path / "charts" / "by_month.svg"
    p = run_example("events_by_month", str(seeds_db), "--out", str(out))
    [rows] = tables(p.stdout)
    assert_svg(out)

    # Every month-dated event once under "all", by type: as SQL counts them.
    expect = query(seeds_db, f"""
        SELECT strftime(date_start, '%Y-%m') AS month, type, count(*) AS n FROM events
        WHERE precision IN {MONTH_PRECISIONS} GROUP BY ALL""")
    got = {(r["month"], t): int(r[t]) for r in rows if r["country"] == "all" for t in r
           if t not in ("month", "country", "total") and int(r[t])}
    assert got == {(m, t): n for m, t, n in expect.iter_rows()}
    assert sum(int(r["total"]) for r in rows if r["country"] == "all") == expect["n"].sum()

    # Per country: the events naming each country actor.
    expect = query(seeds_db, f"""
        SELECT strftime(e.date_start, '%Y-%m') AS month, a.name AS country, count(*) AS n
        FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
        WHERE a.kind = 'country' AND e.precision IN {MONTH_PRECISIONS} GROUP BY ALL""")
    got = {(r["month"], r["country"]): int(r["total"]) for r in rows if r["country"] not in ("all", "(none)")}
    assert got == {(m, c): n for m, c, n in expect.iter_rows()}

    # The seeds: October 2023 has the Putin–Tokayev talks and the gas supply start, with Russia.
    oct23 = {r["country"]: r for r in rows if r["month"] == "2023-10"}
    assert int(oct23["all"]["meeting"]) >= 1 and int(oct23["all"]["supply_start"]) >= 1
    assert int(oct23["Russia"]["total"]) >= 1
    assert "left out" in p.stdout


def test_chart_goes_beside_the_database_by_default(seeds_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(seeds_db, db)
    run_example("events_by_month", str(db), cwd=tmp_path)
    assert_svg(tmp_path / "events_by_month.svg")


def test_missing_database_is_one_line(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    p = subprocess.run([sys.executable, str(EXAMPLES / "plan_lag.py"), str(tmp_path / "none.duckdb")],
                       capture_output=True, text=True, timeout=120, env=env)
    assert p.returncode == 1
    assert "no such database" in p.stderr and "Traceback" not in p.stderr


# ---------------------------------------------------------------- plan_lag.py

def test_plan_lag(seeds_db, tmp_path):
    out = tmp_path / "lag.svg"
    p = run_example("plan_lag", str(seeds_db), "--out", str(out))
    listing, by_type = tables(p.stdout)
    assert_svg(out)

    plans = query(seeds_db, "SELECT * FROM plan_outcomes")
    assert len(listing) == plans.height
    got = sorted((r["type"], r["plan_state"], r["lag_days"]) for r in listing)
    assert got == sorted((t, s, "null" if lag is None else str(lag))
                         for t, s, lag in plans.select("type", "plan_state", "lag_days").iter_rows())

    # The seeds: gas imports planned to start on 1 October 2023 started on 7 October: lag 6.
    gas = [r for r in listing if r["type"] == "supply_start" and r["window"] == "2023-10-01"]
    assert gas and gas[0]["plan_state"] == "fulfilled"
    assert gas[0]["outcome"] == "2023-10-07" and gas[0]["lag_days"] == "6"

    # The summary adds up, per type and state.
    for r in by_type:
        of_type = plans.filter(pl.col("type") == r["type"])
        assert int(r["plans"]) == of_type.height
        for state in ("fulfilled", "pending", "overdue", "rescheduled"):
            assert int(r[state]) == of_type.filter(pl.col("plan_state") == state).height
    supply = next(r for r in by_type if r["type"] == "supply_start")
    assert int(supply["fulfilled"]) >= 1 and supply["min_lag"] != "null"


# ---------------------------------------------------------------- who_meets_whom.py

def test_who_meets_whom(seeds_db, tmp_path):
    out = tmp_path / "pairs.svg"
    p = run_example("who_meets_whom", str(seeds_db), "--out", str(out), "--top", "1000")
    [rows] = tables(p.stdout)
    assert_svg(out)

    # Each pair's meetings per year, as SQL counts them from event_actors.
    expect = query(seeds_db, """
        WITH m AS (SELECT e.id, coalesce(CAST(year(e.date_start) AS VARCHAR), 'undated') AS year, a.name
                   FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
                   WHERE e.type = 'meeting' AND a.kind IN ('person', 'organisation'))
        SELECT x.name AS a, y.name AS b, x.year, count(*) AS n
        FROM m x JOIN m y ON x.id = y.id AND x.name < y.name GROUP BY ALL""")
    got = {(r["actor_a"], r["actor_b"], y): int(n) for r in rows for y, n in r.items()
           if y not in ("actor_a", "actor_b", "total") and int(n)}
    assert got == {(a, b, y): n for a, b, y, n in expect.iter_rows()}

    # The seeds: Putin and Tokayev met in 2023 and in 2025, the pair met most often.
    pt = next(r for r in rows if (r["actor_a"], r["actor_b"]) == ("Kassym-Jomart Tokayev", "Vladimir Putin"))
    assert pt["2023"] == "1" and pt["2025"] == "1" and pt["total"] == "2"
    assert int(rows[0]["total"]) == max(int(r["total"]) for r in rows)


def test_who_meets_whom_countries(seeds_db, tmp_path):
    p = run_example("who_meets_whom", str(seeds_db), "--kind", "country", "--out", str(tmp_path / "c.svg"))
    [rows] = tables(p.stdout)
    assert ("Kazakhstan", "Russia") in {(r["actor_a"], r["actor_b"]) for r in rows}


# ---------------------------------------------------------------- docs/analysis.md

def test_docs_columns_section_is_up_to_date():
    """Fails when a view was added or changed without `python docs/gen_analysis.py --columns`."""
    gen = _gen()
    text = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    assert gen.section(text, "columns") == gen.wrapped(gen.columns_section(warn=lambda msg: None)), (
        "docs/analysis.md is out of date with sql/views/: run python docs/gen_analysis.py"
    )


def test_docs_cover_every_view():
    text = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    for view in sorted((ROOT / "sql" / "views").glob("*.sql")):
        assert f"#### `{view.stem}`" in text, view.name


def test_docs_has_every_generated_section():
    gen = _gen()
    text = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    names = [f"script:{s}" for s in gen.SCRIPTS] + [f"query:{q['name']}" for q in gen.QUERIES]
    for name in names:
        assert gen.section(text, name).strip(), name
    for script in gen.SCRIPTS:
        assert (ROOT / "docs" / "img" / f"{script}.svg").is_file()
        assert (EXAMPLES / f"{script}.py").is_file()


def test_header_parser():
    gen = _gen()
    h = gen.parse_header(
        "-- What it is for,\n-- over two lines.\n"
        "--   id, slug (its page), period (0 the year, 1-12 a month),\n"
        "--     actors (list of {slug, name}), \"end\"\n"
        "-- date      two claims\n--           that differ\n"
        "CREATE VIEW x AS SELECT 1;\n-- not the header\n")
    assert h["purpose"] == "What it is for, over two lines."
    assert h["columns"] == {"id": "", "slug": "its page", "period": "0 the year, 1-12 a month",
                            "actors": "list of {slug, name}", "end": ""}
    assert h["notes"] == ["date      two claims", "that differ"]


@pytest.mark.parametrize("name", ["actor_by_month", "week", "one_language"])
def test_docs_queries_agree(seeds_db, name):
    """Each ad hoc query of the docs: the SQL runs as `timeline sql`, and the Python version
    gives the same rows."""
    q = next(q for q in _gen().QUERIES if q["name"] == name)
    p = run_cli("sql", q["sql"], "--db", str(seeds_db), "--format", "csv")
    assert p.returncode == 0, p.stderr

    expect = query(seeds_db, q["sql"])
    assert expect.height > 0
    scope: dict = {}
    code = q["python"].replace('"timeline.duckdb"', repr(str(seeds_db))).replace("print(result)", "")
    exec(compile(code, f"<docs query {name}>", "exec"), scope)
    result = scope["result"]
    assert result.columns == expect.columns

    def rows(df):
        return df.select(pl.all().cast(pl.String)).rows()

    assert rows(result) == rows(expect)
