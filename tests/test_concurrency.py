"""Concurrent use of one database file.

DuckDB lets one process write a file at a time, and a process that writes it
locks out every other, readers too.  So:

- a second writer (ingest, build, reextract, remove, correct, upgrade) gets exit
  code 3 and "database is in use by another process", and changes nothing;
- a reader (`timeline sql`, `timeline export`, `timeline.open(path, read_only=True)`)
  gets the same message while a writer holds the file, and works when nothing
  writes, alongside other readers;
- `timeline sql` cannot change the database (it opens it read-only);
- the listing filters (--type, --actor, --lang, --from, --to) are bound
  parameters: an injection string finds nothing or is refused, never runs.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli

BUSY = "database is in use by another process"

HOLD = textwrap.dedent("""
    import sys, time
    import timeline
    tl = timeline.open(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("ready", flush=True)
    sys.stdin.read()  # until the test closes our stdin
    tl.close()
""")


class Holder:
    """A process that keeps the database open (writer or reader) until stopped."""

    def __init__(self, db: Path, mode: str):
        self.p = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode], cwd=ROOT,
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.p.stdout.readline()
        if line.strip() != "ready":
            self.stop()
            raise AssertionError(f"holder did not open {db}: {self.p.stderr.read()[-2000:]}")

    def stop(self) -> None:
        if self.p.poll() is None:
            self.p.stdin.close()
            self.p.wait(timeout=60)


@pytest.fixture
def db(seeds_db, tmp_path) -> Path:
    """A private copy of the seed database (holders lock it)."""
    path = tmp_path / "db.duckdb"
    shutil.copy(seeds_db, path)
    return path


def counts(db: Path) -> tuple:
    import timeline

    with timeline.open(db, read_only=True) as tl:
        return tuple(tl.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                     for t in ("documents", "mentions", "events"))


def an_event(db: Path) -> str:
    import timeline

    with timeline.open(db, read_only=True) as tl:
        return tl.con.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchall()[0][0]


def writing_commands(db: Path, seeds: Path, event: str) -> dict[str, list[str]]:
    d = str(db)
    return {
        "ingest": ["ingest", str(seeds), "--db", d, "--no-progress"],
        "build": ["build", str(seeds), "--db", d, "--out", str(db.parent / "site"), "--no-progress"],
        "reextract": ["reextract", "--all", "--db", d, "--no-progress"],
        "remove": ["remove", "000_ad14549d1161be81", "--db", d, "--by", "t", "--why", "t"],
        "correct": ["correct", event, "--date", "2023-10-07", "--db", d, "--by", "t", "--why", "t"],
        "upgrade": ["upgrade", "--db", d],
    }


def test_second_writer_is_refused(db, seeds_copy, tmp_path):
    before = counts(db)
    event = an_event(db)
    (seeds_copy / "new.txt").write_text("Москва, 1 марта 2024. Путин встретился с Токаевым.", encoding="utf-8")
    holder = Holder(db, "rw")
    try:
        for name, args in writing_commands(db, seeds_copy, event).items():
            r = run_cli(*args)
            assert r.returncode == 3, f"{name}: exit {r.returncode}: {r.stderr[-1000:]}"
            assert BUSY in r.stderr, f"{name}: {r.stderr[-1000:]}"
            assert "Traceback" not in r.stderr, f"{name}: {r.stderr[-2000:]}"
            assert len(r.stderr.strip().splitlines()) == 1, f"{name}: one line, not {r.stderr!r}"
        # while a writer holds the file, readers are told the same (DuckDB's file lock)
        for args in (["sql", "SELECT 1", "--db", str(db)], ["export", "--db", str(db)]):
            r = run_cli(*args)
            assert r.returncode == 3 and BUSY in r.stderr, (args, r.returncode, r.stderr[-1000:])
    finally:
        holder.stop()
    assert counts(db) == before  # nothing half-done by the refused commands


def test_busy_from_python(db):
    import timeline
    from timeline.errors import DatabaseBusy

    holder = Holder(db, "rw")
    try:
        for ro in (False, True):
            with pytest.raises(DatabaseBusy, match=BUSY):
                timeline.open(db, read_only=ro)
    finally:
        holder.stop()


def test_readers_together(db):
    """Two reader processes and this one, at once, while nothing writes."""
    import timeline

    a, b = Holder(db, "ro"), Holder(db, "ro")
    try:
        r = run_cli("sql", "SELECT count(*) AS n FROM events", "--db", str(db), "--format", "json")
        assert r.returncode == 0, r.stderr
        n = json.loads(r.stdout.splitlines()[0])["n"]
        assert n == counts(db)[2] > 0
        with timeline.open(db, read_only=True) as t1, timeline.open(db, read_only=True) as t2:
            assert len(t1.events()) == len(t2.events()) == n
        r = run_cli("export", "--db", str(db))
        assert r.returncode == 0 and len(r.stdout.splitlines()) == n
    finally:
        a.stop()
        b.stop()
    # and a writer can open it again once the readers are gone
    with timeline.open(db) as tl:
        assert tl.con.execute("SELECT count(*) FROM events").fetchall()[0][0] == n


WRITES = [
    "CREATE TABLE evil (a INT)",
    "INSERT INTO documents (id) VALUES ('x')",
    "DELETE FROM events",
    "UPDATE events SET type = 'x'",
    "DROP VIEW export_events",
    "DROP TABLE documents",
    "CREATE OR REPLACE VIEW export_events AS SELECT 1",
    "ALTER TABLE documents ADD COLUMN x INT",
    "SELECT 1; DELETE FROM events",
    "ATTACH 'other.duckdb' AS o",
]


def test_sql_is_read_only(db, tmp_path):
    """Through the command (the first few) and the read-only Python API (all): refused, nothing changed."""
    import duckdb

    import timeline

    before = counts(db)
    for query in WRITES[:3]:
        r = run_cli("sql", query, "--db", str(db), cwd=tmp_path)
        assert r.returncode == 1, f"{query!r} ran: {r.stdout[-500:]}"
        assert r.stderr.startswith("timeline: query failed: "), r.stderr[-1000:]
        assert len(r.stderr.strip().splitlines()) == 1, r.stderr[-1000:]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with timeline.open(db, read_only=True) as tl:
            for query in WRITES:
                with pytest.raises(duckdb.Error):
                    tl.sql(query)
    finally:
        os.chdir(cwd)
    assert counts(db) == before
    assert not (tmp_path / "other.duckdb").exists()


INJECTIONS = [
    "' OR 1=1 --",
    "meeting' OR '1'='1",
    "x'); DROP TABLE documents; --",
    "meeting; DELETE FROM events",
    "%",
    "*",
    "' UNION SELECT * FROM documents --",
    "\\'; SELECT 1; --",
]


@pytest.mark.parametrize("option,value", [("--type", INJECTIONS[0]), ("--actor", INJECTIONS[1]),
                                          ("--lang", INJECTIONS[2]), ("--from", INJECTIONS[2]),
                                          ("--to", "2023-01-01' OR '1'='1")])
def test_filters_are_bound(db, option, value):
    """Through the command: no events, nothing changed (the Python API test below tries them all)."""
    before = counts(db)
    r = run_cli("export", "--db", str(db), option, value)
    assert r.stdout == "", f"{option} {value!r} matched events: {r.stdout[:300]}"
    if option in ("--type", "--actor", "--lang"):
        assert r.returncode == 0, r.stderr[-1000:]
    assert counts(db) == before


@pytest.mark.parametrize("value", ["yesterday", "2023-13-01", "' OR 1=1 --"])
def test_bad_date_filter_is_a_usage_error(db, value):
    r = run_cli("export", "--db", str(db), "--from", value)
    assert r.returncode == 2, r.returncode
    assert "Traceback" not in r.stderr and "is not a date YYYY-MM-DD" in r.stderr, r.stderr[-2000:]


def test_sql_reads_the_database_and_nothing_else(db, tmp_path):
    for query in ("SELECT * FROM read_text('/etc/hostname')", f"COPY (SELECT 1) TO '{tmp_path / 'x.csv'}'",
                  "SET enable_external_access = true"):
        r = run_cli("sql", query, "--db", str(db))
        assert r.returncode == 1 and "Traceback" not in r.stderr, (query, r.stderr[-1000:])
    assert not (tmp_path / "x.csv").exists()


def test_python_api_filters_are_bound(db):
    import duckdb

    import timeline

    with timeline.open(db, read_only=True) as tl:
        total = len(tl.events())
        assert total > 0
        for value in INJECTIONS:
            assert len(tl.events(type=value)) == 0
            assert len(tl.events(actor=value)) == 0
            assert len(tl.events(lang=value)) == 0
            for key in ("date_from", "date_to"):
                try:
                    got = tl.events(**{key: value})
                except duckdb.ConversionException:
                    continue  # refused as no date
                assert len(got) == 0
        assert len(tl.events()) == total
