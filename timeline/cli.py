"""The `timeline` command: each command parses its arguments, makes one library call
and turns the outcome into output and an exit code.

Exit codes: 0 done; 1 failure; 2 some input was skipped (the rest was stored);
3 the database is in use by another process; 4 the database cannot be used.
"""
from __future__ import annotations

import json
import os
import sys
from datetime import date

import click

from .errors import SchemaError, TimelineError

DB_OPTION = click.option("--db", default="timeline.duckdb", show_default=True, type=click.Path(dir_okay=False),
                         help="The DuckDB database file.")


WORKERS_OPTION = click.option("--workers", type=click.IntRange(min=0), default=1, show_default=True,
                              help="Extract in this many worker processes (0: one per core).")


def _workers(n: int) -> int:
    from .ingest.parallel import default_workers

    return n or default_workers()


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


def _filters(f):
    for opt in reversed([
        click.option("--type", "type_", help="Only events of this type (meeting, signing, ...)."),
        click.option("--actor", help="Only events with this actor id or name (KAZ, Vladimir Putin)."),
        click.option("--lang", help="Only events with a source in this language."),
        click.option("--from", "date_from", callback=_iso_date,
                     help="Only events ending on or after this date (YYYY-MM-DD)."),
        click.option("--to", "date_to", callback=_iso_date,
                     help="Only events starting on or before this date (YYYY-MM-DD)."),
    ]):
        f = opt(f)
    return f


def _fail(e: TimelineError):
    click.echo(f"timeline: {e}", err=True)
    sys.exit(e.exit_code)


class _Commands(click.Group):
    """DuckDB running out of its memory, in any command, is one line and exit 1, not a trace:
    the write it was in is rolled back whole, so running it again with more memory is safe."""

    def invoke(self, ctx):
        import duckdb

        from .store.db import MEMORY_ENV

        try:
            return super().invoke(ctx)
        except duckdb.OutOfMemoryException as e:
            click.echo(f"timeline: DuckDB ran out of memory ({str(e).splitlines()[0]}); nothing of the "
                       f"step it was in was kept: set {MEMORY_ENV} higher (now "
                       f"{os.environ.get(MEMORY_ENV) or 'DuckDB default, 80% of RAM'}) and run it again", err=True)
            sys.exit(1)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline")
def main():
    """A multilingual event chronology database: news articles in, dated and sourced events out.

    \b
    Example:
      timeline build seeds/          # ingest the seeds, then build the site into site/
    """


def _ingest(db: str, paths, progress, gazetteer, workers: int = 1, from_parquet: str | None = None) -> int:
    import timeline

    try:
        with timeline.open(db) as tl:
            if from_parquet:
                report = tl.ingest_parquet(from_parquet, progress)
            if paths:
                report = tl.ingest(paths, progress=progress, gazetteer=gazetteer, workers=workers)
            warnings = tl.correction_warnings()
    except TimelineError as e:
        _fail(e)
    return _report(report, [str(e) for e in report.errors], warnings)


@main.command()
@click.argument("paths", nargs=-1)
@DB_OPTION
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), envvar="TIMELINE_GAZETTEER",
              help="A gazetteer file of your own (TSV, see timeline/gazetteer/README.md).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@WORKERS_OPTION
@click.option("--from-parquet", "from_parquet", type=click.Path(exists=True, file_okay=False),
              help="Load a folder written by `timeline extract --to-parquet`, then merge.")
def ingest(paths, db, gazetteer, progress, workers, from_parquet):
    """Read documents (.txt, .md, .jsonl, .html; files or folders) into the database.

    Unchanged documents are left alone; a changed one replaces its own events.
    Bad inputs are reported one per line and skipped (exit code 2); the rest is stored.

    \b
    Examples:
      timeline ingest seeds/ more/article.md --db news.duckdb
      timeline ingest corpus.jsonl --workers 4
      timeline ingest --from-parquet extracted/ --db news.duckdb
    """
    if not paths and not from_parquet:
        raise click.UsageError("give documents to read, or --from-parquet DIR")
    sys.exit(_ingest(db, paths, progress, gazetteer, _workers(workers), from_parquet))


@main.command("build-site")
@DB_OPTION
@click.option("--out", default="site", show_default=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--as-of", "as_of", metavar="DATE",
              help="Build the record as its sources told it on DATE (YYYY-MM-DD): events_as_of(DATE).")
@click.option("--text", "text", type=click.Choice(["full", "quotes"]), default="full", show_default=True,
              help="full: publish each document's text; quotes: only the quotes, with offsets and a link to the source.")
def build_site_cmd(db, out, as_of=None, text="full"):
    """Render the static site from the database's views.

    \b
    Examples:
      timeline build-site --db timeline.duckdb --out site/
      timeline build-site --as-of 2023-10-05 --out site-2023-10-05/
      timeline build-site --text quotes --out public/
    """
    from .site import build_site

    try:
        pages = build_site(db, out, as_of=as_of, text=text)
    except TimelineError as e:
        _fail(e)
    click.echo(f"{pages} pages written to {out}/", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--out", default="site", show_default=True, type=click.Path(file_okay=False), help="Site folder.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@WORKERS_OPTION
@click.pass_context
def build(ctx, paths, db, out, progress, workers):
    """Ingest documents, then build the site: the main job.

    \b
    Example:
      timeline build seeds/
    """
    code = _ingest(db, paths, progress, None, _workers(workers))
    ctx.invoke(build_site_cmd, db=db, out=out)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--to-parquet", "to_parquet", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet datasets (documents, mentions, ...; partitioned by lang and year).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool here; dask: dask.distributed workers.")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786); default: a LocalCluster.")
@WORKERS_OPTION
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), envvar="TIMELINE_GAZETTEER",
              help="A gazetteer file of your own (TSV, see timeline/gazetteer/README.md).")
def extract(paths, to_parquet, engine, scheduler, workers, gazetteer):
    """Extract documents into partitioned Parquet, without a database (load it with `ingest --from-parquet`).

    \b
    Examples:
      timeline extract corpus/ --to-parquet out/ --workers 0
      timeline extract corpus/ --to-parquet /shared/out --engine dask --scheduler tcp://head:8786
    """
    from .distributed import extract as run

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")
    try:
        report = run(paths, to_parquet, engine=engine, scheduler=scheduler, workers=_workers(workers),
                     user_gazetteer=gazetteer)
    except TimelineError as e:
        _fail(e)
    for err in report.errors:
        click.echo(f"timeline: skipped {err}", err=True)
    click.echo(f"{report.line()} to {to_parquet}/", err=True)
    sys.exit(0 if report.ok else 2)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file (default: standard output).")
@_filters
@click.option("--include-rejected", is_flag=True, help="Also the events a correction rejected (marked rejected).")
def export(db, fmt, output, type_, actor, lang, date_from, date_to, include_rejected):
    """Write the canonical events, one per line (JSONL), row (CSV) or Parquet row.

    \b
    Example:
      timeline export --format jsonl --type meeting --from 2023-01-01 > meetings.jsonl
    """
    import timeline

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FILE")
    try:
        with timeline.open(db, read_only=True) as tl:
            n = tl.export(fmt, out=None if output else sys.stdout, path=output,
                          filters=(type_, actor, lang, date_from, date_to), include_rejected=include_rejected)
    except TimelineError as e:
        _fail(e)
    if output:
        click.echo(f"{n} events written to {output}", err=True)


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def sql(query, db, fmt):
    """Run a query on a read-only connection.

    \b
    Example:
      timeline sql "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC"
    """
    import duckdb

    import timeline

    try:
        with timeline.open(db, read_only=True) as tl:
            # a query reads the database and nothing else: no files, no extensions, no settings
            tl.con.execute("SET enable_external_access = false")
            tl.con.execute("SET lock_configuration = true")
            df = tl.sql(query)
    except TimelineError as e:
        _fail(e)
    except duckdb.Error as e:
        click.echo(f"timeline: query failed: {str(e).splitlines()[0]}", err=True)
        sys.exit(1)
    if fmt == "csv":
        import csv

        # CSV holds no nested values: lists and structs go as JSON text (spec, "export")
        w = csv.writer(sys.stdout)
        w.writerow(df.columns)
        for row in df.iter_rows():
            w.writerow(json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, (list, dict)) else
                       ("" if v is None else v) for v in row)
    elif fmt == "json":
        for row in df.iter_rows(named=True):
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    else:
        import polars as pl

        with pl.Config(tbl_rows=200, tbl_cols=30, fmt_str_lengths=80, tbl_width_chars=200):
            click.echo(df)


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--lang", help="Language of the document (ru, kk, el, en, ...); detected when left out.")
@click.option("--ref", help="Reference date YYYY-MM-DD; found in the document when left out.")
@click.option("--jsonl", "many", is_flag=True, help="FILE holds many documents, one JSON object a line: id, text, lang, optional ref.")
def dates(file, lang, ref, many):
    """Print the temporal expressions found in a document, one JSON object a line.

    \b
    Examples:
      echo "7 октября 2023 года" | timeline dates --lang ru -
      timeline dates --jsonl phrases.jsonl
    """
    from .ingest.language import detect
    from .pipeline import dates as dates_records

    def parse_ref(value, where):
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{where}: ref {value!r} is not YYYY-MM-DD") from None

    if not many:
        text = file.read()
        for rec in dates_records(text, lang or detect(text), parse_ref(ref, "--ref")):
            click.echo(json.dumps(rec, ensure_ascii=False))
        return
    bad = 0
    out = sys.stdout
    for n, line in enumerate(file, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"]
            doc_ref = parse_ref(obj.get("ref"), f"{file.name}:{n}")
        except (json.JSONDecodeError, KeyError, TypeError, click.BadParameter) as e:
            click.echo(f"timeline: {file.name}:{n}: skipped: {e}", err=True)
            bad += 1
            continue
        for rec in dates_records(text, obj.get("lang") or detect(text), doc_ref):
            out.write(json.dumps({"id": obj.get("id"), **rec}, ensure_ascii=False) + "\n")
    sys.exit(2 if bad else 0)


# ---------------------------------------------------------------------- curation (issue 12)


def _report(report, skipped: list[str], warnings) -> int:
    """What a writing command says when done, on standard error: one line per input it
    skipped, its summary line, one line per warning; the exit code (2 when it skipped any)."""
    for line in skipped:
        click.echo(f"timeline: skipped {line}", err=True)
    click.echo(report.line(), err=True)
    for w in warnings:
        click.echo(f"timeline: {w}", err=True)
    return 2 if skipped else 0


@main.command()
@DB_OPTION
@click.option("--all", "all_", is_flag=True, help="Every stored document, not only the stale ones.")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), envvar="TIMELINE_GAZETTEER",
              help="A gazetteer file of your own (TSV, see timeline/gazetteer/README.md).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
def reextract(db, all_, gazetteer, progress):
    """Extract stored documents again with this extractor, its language data, gazetteer and
    occasions (and your gazetteer file), then re-merge. Event ids stay; corrections stay.

    A document is stale when it was extracted by another version; `timeline ingest` says how
    many are. Documents that fail are reported and keep their old rows (exit code 2).

    \b
    Examples:
      timeline reextract --db news.duckdb
      timeline reextract --all --gazetteer my_people.tsv
    """
    import timeline

    try:
        with timeline.open(db) as tl:
            report = tl.reextract(all=all_, gazetteer=gazetteer, progress=progress)
    except TimelineError as e:
        _fail(e)
    sys.exit(_report(report, [str(e) for e in report.errors], report.warnings))


@main.command()
@click.argument("event_id", required=False)
@DB_OPTION
@click.option("--date", "date_", metavar="DATE", help="The event's date: 2023-10-07, 2023-10, 2023, or an EDTF interval 2023-10-01/2023-10-07.")
@click.option("--type", "type_", help="The event's type (meeting, signing, agreement, supply_start, ...).")
@click.option("--status", type=click.Choice(["occurred", "planned"]), help="The event's status.")
@click.option("--actor", "actors", multiple=True, metavar="+ID|-ID",
              help="Add (+KAZ, +KAZ:counterpart) or remove (-RUS) an actor; repeat for more.")
@click.option("--reject", is_flag=True, help="Not a real event: left out of the export and the site unless asked for.")
@click.option("--merge-into", metavar="OTHER_ID", help="The same happening as OTHER_ID: join it, which keeps its id.")
@click.option("--split-off", metavar="DOC:START", help="The source at this document and offset tells another happening: make it its own event.")
@click.option("--by", "by", metavar="NAME", help="Who makes the correction (required).")
@click.option("--why", "why", metavar="TEXT", help="Why (required): the source or reasoning.")
@click.option("--file", "file_", type=click.Path(exists=True, dir_okay=False),
              help="A TOML file of corrections, one table per correction (keys: event, date, type, status, actor, reject, merge_into, split_off, by, why).")
@click.option("--list", "list_", is_flag=True, help="List the corrections stored, with where each applies now.")
def correct(event_id, db, date_, type_, status, actors, reject, merge_into, split_off, by, why, file_, list_):
    """Correct an event: its date, type, status or actors, reject it, join it to another or split
    a source off it. Corrections are stored with who, why and when, show in the export at once,
    and are applied again after every ingest, reextract and merge: nothing undoes them. Event ids
    that were joined into another still work.

    \b
    Examples:
      timeline correct ev_266fe42dd627 --date 2023-10-07 --by "A. Analyst" --why "Kremlin readout"
      timeline correct ev_266fe42dd627 --actor +UZB --actor -RUS --by A --why "misread"
      timeline correct ev_4bd0c4db627d --reject --by A --why "a forecast, not a halt"
      timeline correct ev_81f95bb65787 --merge-into ev_3f4ffff9e2c0 --by A --why "same talks"
      timeline correct --file corrections.toml
      timeline correct --list
    """
    import timeline

    options = dict(date=date_, type=type_, status=status, actors=list(actors), reject=reject,
                   merge_into=merge_into, split_off=split_off)
    if list_:
        if event_id or file_ or any(options.values()):
            raise click.UsageError("--list goes alone")
        try:
            with timeline.open(db, read_only=True) as tl:
                df = tl.corrections()
                warnings = tl.correction_warnings()
        except TimelineError as e:
            _fail(e)
        for row in df.iter_rows(named=True):
            click.echo(json.dumps({k: row[k] for k in ("id", "event_id", "kind", "what", "author", "reason", "created_at",
                                                     "state", "applied_to", "was", "problem")},
                                  ensure_ascii=False, default=str))
        for w in warnings:
            click.echo(f"timeline: {w}", err=True)
        return
    if file_ and (event_id or any(options.values())):
        raise click.UsageError("--file goes alone (with --db)")
    if not file_ and not event_id:
        raise click.UsageError("give EVENT_ID and what to correct, or --file FILE, or --list")
    try:
        with timeline.open(db) as tl:
            report = tl.correct_file(file_) if file_ else tl.correct(event_id, by=by, why=why, **options)
    except TimelineError as e:
        _fail(e)
    _report(report, [], report.warnings)


@main.command()
@click.argument("doc_ids", nargs=-1, required=True)
@DB_OPTION
@click.option("--by", metavar="NAME", help="Who removes them (kept with the removed events).")
@click.option("--why", metavar="TEXT", help="Why (kept with the removed events): retracted, a duplicate, ...")
def remove(doc_ids, db, by, why):
    """Delete documents with their mentions; re-merge. Events left without a source go (their
    pages say they were removed, and why); events with other sources are chosen again from them.
    Unknown ids are reported (exit code 2); the others are removed.

    \b
    Example:
      timeline remove 003_906239780a42e28d --by "A. Analyst" --why "retracted by the publisher"
    """
    import timeline

    try:
        with timeline.open(db) as tl:
            report = tl.remove(doc_ids, by=by, why=why)
    except TimelineError as e:
        _fail(e)
    sys.exit(_report(report, [f"{d}: no such document in {db}" for d in report.unknown], report.warnings))


@main.command()
@DB_OPTION
def upgrade(db):
    """Upgrade a database written by an earlier timeline to this one's schema (one transaction).

    Any writing command does this too; a database from a newer timeline is refused (exit code 4).

    \b
    Example:
      timeline upgrade --db last_year.duckdb
    """
    from pathlib import Path

    import timeline
    from .store.db import SCHEMA_VERSION

    if not Path(db).exists():
        _fail(SchemaError(f"{db}: no such database"))
    try:
        with timeline.open(db):
            pass
    except TimelineError as e:
        _fail(e)
    click.echo(f"{db}: schema {SCHEMA_VERSION}", err=True)

if __name__ == "__main__":
    main()
