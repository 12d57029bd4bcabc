"""Regenerate the marked sections of docs/analysis.md.

    python docs/gen_analysis.py            # every section: columns, and outputs on the seeds
    python docs/gen_analysis.py --columns  # only the columns (no ingest; under a second)
    python docs/gen_analysis.py --check    # exit 1 when the columns section is out of date

Sections sit between `<!-- BEGIN generated: NAME -->` and `<!-- END generated: NAME -->`;
the text around them is written by hand and left alone.

- `columns`: the columns of `db.events()` and of every view in sql/views/, from the
  view's header comment (its purpose, and one entry per column) and DESCRIBE of the view
  in a fresh database. tests/test_examples.py fails when this section is out of date, so
  a new or changed view means running this script.
- `script:NAME`: each example's command, source and output on a database built from
  seeds/ by the real pipeline; its chart goes to docs/img/NAME.svg.
- `query:NAME`: the ad hoc queries in QUERIES below, as `timeline sql "…"` and as Python,
  with the command's output on the seeds. tests/test_examples.py runs both forms and
  checks that they agree.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "analysis.md"
IMG = ROOT / "docs" / "img"
SCRIPTS = ["events_by_month", "plan_lag", "who_meets_whom"]

# The ad hoc queries: `sql` runs as `timeline sql "…"` (so no double quotes or `$` in it);
# `python` is the same question asked through the API; it leaves its answer in `result`,
# which must hold the same rows as the SQL's (tests/test_examples.py).
QUERIES = [
    {
        "name": "actor_by_month",
        "sql": """\
SELECT strftime(e.date_start, '%Y-%m') AS month, count(*) AS events,
       string_agg(e.type, ', ' ORDER BY e.date_start, e.type) AS types
FROM events e
JOIN event_actors ea ON ea.event_id = e.id
WHERE ea.actor_id = 'Kassym-Jomart Tokayev'
GROUP BY month
ORDER BY month NULLS LAST""",
        "python": """\
import polars as pl
import timeline

with timeline.open("timeline.duckdb", read_only=True) as db:
    # actor= matches an actor's id or name, case-insensitively
    events = db.events(actor="Kassym-Jomart Tokayev")
result = (
    events.sort("date_start", "type")
    .group_by(pl.col("date_start").dt.strftime("%Y-%m").alias("month"), maintain_order=True)
    .agg(events=pl.len(), types=pl.col("type").str.join(", "))
    .sort("month", nulls_last=True)
)
print(result)""",
    },
    {
        "name": "week",
        "sql": """\
SELECT id, date_start, date_end, precision, type, status, summary
FROM events
WHERE date_start >= DATE '2023-10-02' AND date_end <= DATE '2023-10-08'
ORDER BY date_start, type, id""",
        "python": """\
from datetime import date

import polars as pl
import timeline

monday, sunday = date(2023, 10, 2), date(2023, 10, 8)
with timeline.open("timeline.duckdb", read_only=True) as db:
    # date_from/date_to keep the events that overlap the week (a year-dated one too) ...
    events = db.events(date_from=str(monday), date_to=str(sunday))
# ... of which these lie within it
result = (
    events.filter(pl.col("date_start") >= monday, pl.col("date_end") <= sunday)
    .select("id", "date_start", "date_end", "precision", "type", "status", "summary")
    .sort("date_start", "type", "id")
)
print(result)""",
    },
    {
        "name": "one_language",
        "sql": """\
SELECT sources[1].lang AS lang, id, date_start, type, len(sources) AS sources, summary
FROM export_events
WHERE len(list_distinct([s.lang FOR s IN sources])) = 1
ORDER BY lang, date_start NULLS LAST, id""",
        "python": """\
import polars as pl
import timeline

with timeline.open("timeline.duckdb", read_only=True) as db:
    events = db.events()
langs = pl.col("sources").list.eval(pl.element().struct.field("lang")).list.unique()
result = (
    events.filter(langs.list.len() == 1)
    .select(langs.list.first().alias("lang"), "id", "date_start", "type",
            pl.col("sources").list.len().alias("sources"), "summary")
    .sort("lang", "date_start", "id", nulls_last=True)
)
print(result)""",
    },
]


# ---------------------------------------------------------------- view headers

# What a column means where the view's header gives it no words: "view.column" first, then
# "column" (the terms of the schema, sql/schema/, and the spec). The header always wins.
GLOSSARY = {
    "event_id": "the canonical event's id (`ev_…`)",
    "type": "meeting, signing, agreement, supply_start, supply_halt, drone_strike, statement, plan or volume",
    "status": "occurred or planned",
    "date_start": "first day of the date's interval (null: undated)",
    "date_end": "last day of the date's interval (null: undated)",
    "precision": "day, week, part_of_month, month, quarter, half, season, part_of_year or year (null: undated)",
    "edtf": "the date in EDTF (ISO 8601-2)",
    "basis": "where the date comes from: explicit, relative, inferred_year, named_event, document_date or undated",
    "date_text": "the words that gave the date",
    "place": "the place's English name",
    "summary": "one English sentence: the parties, a verb for the type and status, the place",
    "confidence": "0–1; ranks events, not a calibrated probability (ARCHITECTURE.md, \"Confidence\")",
    "mention_id": "the mention's id: one sentence of one document telling the event",
    "doc": "the document's id",
    "lang": "the source's language (ISO 639-1)",
    "quote": "the source's words",
    "reported": "the document's reference date",
    "mirror_of": "the document this one repeats (a syndicated copy)",
    "cancelled": "the source reports it called off",
    "seq": "the mention's order within its document",
    "year": "year of date_start (null: undated)",
    "month": "month (1–12) of date_start (null: undated)",
    "plan_state": "fulfilled, pending, overdue or rescheduled (plans only)",
    "fulfilled_by": "the occurred event that fulfilled the plan",
    "rescheduled_by": "the later plan that names another window",
    "lag_days": "the outcome's start minus the end of the plan's window, in days",
    "window_start": "first day of the target window the plan names",
    "window_end": "last day of the target window the plan names",
    "plan_id": "the plan's event id",
    "outcome_date": "the fulfilling event's date_start",
    "slug": "the file name of its page on the site",
    "actor_id": "the actor's id: ISO alpha-3 for a country, the English Wikipedia title otherwise",
    "actor_slug": "the actor page's file name",
    "role": "agent, counterpart, target or mentioned",
    "provisional": "named by the text but not in the gazetteer",
    "country": "ISO alpha-3 of a person's or body's country",
    "first_date": "the earliest date_start of its events",
    "last_date": "the latest date_end of its events",
    # names that mean different things in different views
    "event_sources.start": "the quote's first code point in documents.text",
    "event_sources.end": "the code point after the quote in documents.text",
    "site_document_spans.start": "the span's first code point in documents.text",
    "site_document_spans.end": "the code point after the span in documents.text",
    "event_sources.url": "the document's URL",
    "event_sources.source": "the document's publisher",
    "event_sources.title": "the document's title",
    "site_documents.url": "the document's URL",
    "site_documents.source": "the document's publisher",
    "site_documents.title": "the document's title",
    "event_sources.value": "the quantity the mention reports",
    "event_sources.unit": "the quantity's unit",
    "event_sources.period": "the period the quantity is per: day, week, month, quarter or year",
    "export_events.id": "the event's id (`ev_…`); permalinks of merged-away ids are in event_aliases",
    "site_event.id": "the event's id",
    "site_actors.id": "the actor's id: ISO alpha-3 for a country, the English Wikipedia title otherwise",
    "site_actors.name": "the actor's English name",
    "site_actors.kind": "country, person or organisation",
    "site_actors.events": "how many events name it",
    "site_documents.id": "the document's id",
    "site_documents.lang": "the document's language (ISO 639-1)",
}

def _split_top(text: str) -> list[str]:
    """Split at commas outside (), {} and []."""
    items, depth, cur = [], 0, []
    for ch in text:
        if ch in "({[":
            depth += 1
        elif ch in ")}]":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        items.append("".join(cur).strip())
    return items


def parse_header(sql: str) -> dict:
    """A view file's leading comment: its purpose, the column entries and any notes.

    The column block is the first run of lines indented three or more spaces after `--`
    (`--   id, slug (file name of its page), ...`, continued on deeper-indented lines);
    comment lines before it are the purpose, those after it notes. A note line of the
    form `word   text` starts a definition (`date  two claims ...`)."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:])
    purpose, notes, block = [], [], []
    state = "purpose"
    for body in lines:
        columnish = re.match(r" {3,}\S", body) is not None
        if state == "purpose" and columnish:
            state = "block"
        elif state == "block" and not columnish:
            state = "notes"
        {"purpose": purpose, "block": block, "notes": notes}[state].append(body.strip())
    columns: dict[str, str] = {}
    strays: list[str] = []
    for item in _split_top(" ".join(block)):
        m = re.fullmatch(r'"?([A-Za-z_][A-Za-z0-9_]*)"?\s*(?:\((.*)\))?', item, re.S)
        if m:
            columns[m.group(1)] = " ".join((m.group(2) or "").split())
        else:
            strays.append(item)
    return {"purpose": " ".join(purpose), "columns": columns, "strays": strays, "notes": notes}


def _notes_md(notes: list[str]) -> str:
    out: list[str] = []
    for line in notes:
        m = re.match(r"([a-z_]+)\s{2,}(.*)", line)
        if m:
            out.append(f"- `{m.group(1)}`: {m.group(2)}")
        elif out and out[-1].startswith("- ") and not re.match(r"[A-Z]", line):
            out[-1] += " " + line
        else:
            out.append(("\n" if out and out[-1].startswith("- ") else "") + line)
    return "\n".join(out).replace("\n\n\n", "\n\n")


def _glossary(view: str, column: str) -> str:
    return GLOSSARY.get(f"{view}.{column}", GLOSSARY.get(column, "") if "." not in column else "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(rows: list[tuple[str, str, str]], type_head: str) -> str:
    lines = [f"| column | {type_head} | meaning |", "|---|---|---|"]
    lines += [f"| `{_cell(c)}` | `{_cell(t)}` | {_cell(d)} |" for c, t, d in rows]
    return "\n".join(lines)


def columns_section(warn=lambda msg: print(msg, file=sys.stderr)) -> str:
    """The `columns` section, from the views as sql/ defines them now."""
    import timeline
    from timeline.resources import sql_dir

    views = sorted((sql_dir() / "views").glob("*.sql"))
    with tempfile.TemporaryDirectory() as tmp:
        with timeline.open(Path(tmp) / "empty.duckdb") as db:  # a writer applies sql/
            events_schema = db.events().schema
            described = {
                v.stem: db.con.execute(f'DESCRIBE "{v.stem}"').fetchall() for v in views
            }
    headers = {v.stem: parse_header(v.read_text(encoding="utf-8")) for v in views}

    parts = [
        "### `db.events()`",
        "",
        "A polars DataFrame, one row per canonical event: the rows of the view `export_events` "
        "(below), narrowed by the method's filters (`type`, `actor`, `lang`, `date_from`, "
        "`date_to`). Lists and structs stay nested: explode `actors` for one row per actor, "
        "`pl.col(\"actors\").list.eval(pl.element().struct.field(\"name\"))` for their names.",
        "",
        _table([(name, str(dtype), headers["export_events"]["columns"].get(name) or _glossary("export_events", name))
                for name, dtype in events_schema.items()], "polars dtype"),
        "",
    ]
    groups = [("Views for analysis", [v for v in views if not v.stem.startswith("site_")]),
              ("Views behind the site", [v for v in views if v.stem.startswith("site_")])]
    for title, group in groups:
        parts += [f"### {title}", ""]
        for v in group:
            h, cols = headers[v.stem], described[v.stem]
            names = [c[0] for c in cols]
            parts += [f"#### `{v.stem}`", "", f"{h['purpose']} ([sql/views/{v.name}](../sql/views/{v.name}))", ""]
            rows = []
            for name, ctype, *_ in cols:
                if name in h["columns"]:
                    rows.append((name, ctype, h["columns"][name] or _glossary(v.stem, name)))
                else:
                    rows.append((name, ctype, " ".join(filter(None, [
                        _glossary(v.stem, name), "*(not in the view's header comment)*"]))))
                    warn(f"gen_analysis: {v.name}: column {name} is not in the header comment")
            parts += [_table(rows, "DuckDB type"), ""]
            missing = [c for c in h["columns"] if c not in names] + h["strays"]
            if missing:
                warn(f"gen_analysis: {v.name}: the header names {', '.join(missing)}, which the view has no column for")
                parts += ["The header comment also names " + ", ".join(f"`{m}`" for m in missing)
                          + ", which the view has no column for.", ""]
            if h["notes"]:
                parts += [_notes_md(h["notes"]), ""]
    return "\n".join(parts).rstrip() + "\n"


# ---------------------------------------------------------------- outputs on the seeds

def _run(args: list[str]) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TZ": "UTC"}
    p = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    if p.returncode != 0:
        raise SystemExit(f"gen_analysis: {' '.join(args[:3])} … failed:\n{p.stderr}")
    return p.stdout


def script_section(name: str, db: Path) -> str:
    IMG.mkdir(exist_ok=True)
    out = _run([sys.executable, f"examples/{name}.py", str(db), "--out", f"docs/img/{name}.svg"])
    source = (ROOT / "examples" / f"{name}.py").read_text(encoding="utf-8")
    return (
        f"```console\n$ python examples/{name}.py timeline.duckdb --out docs/img/{name}.svg\n```\n\n"
        f"{out.strip()}\n\n"
        f"![{name} on the seeds](img/{name}.svg)\n\n"
        f"<details><summary>examples/{name}.py</summary>\n\n```python\n{source.strip()}\n```\n\n</details>\n"
    )


def query_section(q: dict, db: Path) -> str:
    out = _run([sys.executable, "-m", "timeline.cli", "sql", q["sql"], "--db", str(db)])
    return (
        f'```console\n$ timeline sql "{q["sql"]}"\n{out.rstrip()}\n```\n\n'
        f"In Python:\n\n```python\n{q['python']}\n```\n"
    )


def seeds_db(folder: Path) -> Path:
    """A database built from seeds/ by the real pipeline."""
    import timeline

    path = folder / "timeline.duckdb"
    with timeline.open(path) as db:
        report = db.ingest([ROOT / "seeds"], progress=False)
    if not report.ok:
        raise SystemExit(f"gen_analysis: ingest of seeds/ failed: {report.errors}")
    return path


# ---------------------------------------------------------------- the document

def _marker(name: str) -> re.Pattern:
    n = re.escape(name)
    return re.compile(rf"(<!-- BEGIN generated: {n} -->\n)(.*?)(<!-- END generated: {n} -->)", re.S)


def section(text: str, name: str) -> str:
    m = _marker(name).search(text)
    if not m:
        raise SystemExit(f"gen_analysis: {DOC.name} has no section {name!r}")
    return m.group(2)


def replace(text: str, name: str, body: str) -> str:
    section(text, name)  # fails when the markers are missing
    return _marker(name).sub(lambda m: m.group(1) + "\n" + body.strip() + "\n\n" + m.group(3), text)


def wrapped(body: str) -> str:
    """A section's body as replace() writes it between its markers."""
    return "\n" + body.strip() + "\n\n"


def main() -> None:
    ap = argparse.ArgumentParser(description="Regenerate the marked sections of docs/analysis.md.")
    ap.add_argument("--columns", action="store_true", help="only the columns section")
    ap.add_argument("--check", action="store_true", help="exit 1 when the columns section is out of date")
    ap.add_argument("--db", type=Path, help="a seeds database to run the examples on (default: build one)")
    args = ap.parse_args()

    text = DOC.read_text(encoding="utf-8")
    columns = columns_section()
    if args.check:
        if section(text, "columns") != wrapped(columns):
            sys.exit("docs/analysis.md: the columns section is out of date; run python docs/gen_analysis.py --columns")
        return
    text = replace(text, "columns", columns)
    if not args.columns:
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db or seeds_db(Path(tmp))
            for name in SCRIPTS:
                text = replace(text, f"script:{name}", script_section(name, db))
            for q in QUERIES:
                text = replace(text, f"query:{q['name']}", query_section(q, db))
    DOC.write_text(text, encoding="utf-8")
    print(f"gen_analysis: wrote {DOC.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
