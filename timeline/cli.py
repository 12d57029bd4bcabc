"""The `timeline` command: each command parses its arguments, makes one library call
and turns the outcome into output and an exit code.

Exit codes: 0 done; 1 failure; 2 some input was skipped (the rest was stored);
3 the database is in use by another process; 4 the database cannot be used.
"""
from __future__ import annotations

import json
import sys
from datetime import date

import click

from .errors import TimelineError

DB_OPTION = click.option("--db", default="timeline.duckdb", show_default=True, type=click.Path(dir_okay=False),
                         help="The DuckDB database file.")


def _filters(f):
    for opt in reversed([
        click.option("--type", "type_", help="Only events of this type (meeting, signing, ...)."),
        click.option("--actor", help="Only events with this actor id or name (KAZ, Vladimir Putin)."),
        click.option("--lang", help="Only events with a source in this language."),
        click.option("--from", "date_from", help="Only events ending on or after this date (YYYY-MM-DD)."),
        click.option("--to", "date_to", help="Only events starting on or before this date (YYYY-MM-DD)."),
    ]):
        f = opt(f)
    return f


def _fail(e: TimelineError):
    click.echo(f"timeline: {e}", err=True)
    sys.exit(e.exit_code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="timeline")
def main():
    """A multilingual event chronology database: news articles in, dated and sourced events out.

    \b
    Example:
      timeline build seeds/          # ingest the seeds, then build the site into site/
    """


def _ingest(db: str, paths, progress, gazetteer) -> int:
    import timeline

    try:
        with timeline.open(db) as tl:
            report = tl.ingest(paths, progress=progress, gazetteer=gazetteer)
    except TimelineError as e:
        _fail(e)
    for err in report.errors:
        click.echo(f"timeline: skipped {err}", err=True)
    click.echo(report.line(), err=True)
    return 0 if report.ok else 2


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), envvar="TIMELINE_GAZETTEER",
              help="A gazetteer file of your own (TSV, see timeline/gazetteer/README.md).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
def ingest(paths, db, gazetteer, progress):
    """Read documents (.txt, .md, .jsonl, .html; files or folders) into the database.

    Unchanged documents are left alone; a changed one replaces its own events.
    Bad inputs are reported one per line and skipped (exit code 2); the rest is stored.

    \b
    Example:
      timeline ingest seeds/ more/article.md --db news.duckdb
    """
    sys.exit(_ingest(db, paths, progress, gazetteer))


@main.command("build-site")
@DB_OPTION
@click.option("--out", default="site", show_default=True, type=click.Path(file_okay=False), help="Output folder.")
def build_site_cmd(db, out):
    """Render the static site from the database's views.

    \b
    Example:
      timeline build-site --db timeline.duckdb --out site/
    """
    from .site import build_site

    try:
        pages = build_site(db, out)
    except TimelineError as e:
        _fail(e)
    click.echo(f"{pages} pages written to {out}/", err=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--out", default="site", show_default=True, type=click.Path(file_okay=False), help="Site folder.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: on a terminal).")
@click.pass_context
def build(ctx, paths, db, out, progress):
    """Ingest documents, then build the site: the main job.

    \b
    Example:
      timeline build seeds/
    """
    code = _ingest(db, paths, progress, None)
    ctx.invoke(build_site_cmd, db=db, out=out)
    sys.exit(code)


@main.command()
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file (default: standard output).")
@_filters
def export(db, fmt, output, type_, actor, lang, date_from, date_to):
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
                          filters=(type_, actor, lang, date_from, date_to))
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
            df = tl.sql(query)
    except TimelineError as e:
        _fail(e)
    except duckdb.Error as e:
        click.echo(f"timeline: query failed: {str(e).splitlines()[0]}", err=True)
        sys.exit(1)
    if fmt == "csv":
        click.echo(df.write_csv(), nl=False)
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
    from .temporal import dates_records

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


if __name__ == "__main__":
    main()
