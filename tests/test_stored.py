"""Stored views (sql/stored/): the rows the site and ad hoc queries read most are tables computed
at the end of every write, in its transaction, and again whenever sql/ changes."""
from __future__ import annotations

import shutil

import duckdb

import timeline
from timeline.store import stored

STORED = [name for name, _ in stored.files()]


def _live(con, name: str) -> list[str]:
    """The view's rows computed now from the tables, bypassing the stored table."""
    return [str(r) for r in con.execute(dict(stored.files())[name].read_text(encoding="utf-8")).fetchall()]


def _read(con, name: str) -> list[str]:
    return [str(r) for r in con.execute(f"SELECT * FROM {name}").fetchall()]


def _ordered(name: str) -> bool:
    """The stored query gives an order (its last line), which reading the view keeps."""
    return dict(stored.files())[name].read_text(encoding="utf-8").rstrip().splitlines()[-1].startswith("ORDER BY")


def test_every_stored_view_holds_what_its_query_gives(seeds_db):
    assert STORED == ["plan_outcomes", "export_events", "site_event", "site_chronology", "site_actors",
                      "site_actor_events", "site_documents", "site_document_spans"]
    assert [n for n in STORED if _ordered(n)] == STORED[1:]
    con = duckdb.connect(str(seeds_db), read_only=True)
    try:
        for name in STORED:
            rows, live = _read(con, name), _live(con, name)
            assert rows, name
            assert (rows if _ordered(name) else sorted(rows)) == (live if _ordered(name) else sorted(live)), name
    finally:
        con.close()


def test_a_correction_is_in_the_stored_views_when_it_commits(seeds_db, tmp_path):
    path = tmp_path / "c.duckdb"
    shutil.copy(seeds_db, path)
    with timeline.open(path) as tl:
        victim = tl.sql("SELECT id FROM site_event ORDER BY id LIMIT 1")["id"][0]
        tl.correct(victim, by="A", why="not an event", reject=True)
        assert victim not in tl.sql("SELECT id FROM site_event")["id"].to_list()
        assert victim not in tl.sql("SELECT id FROM site_chronology")["id"].to_list()
        assert tl.sql("SELECT rejected FROM export_events WHERE id = ?", [victim])["rejected"][0]
        for name in STORED:
            assert sorted(_read(tl.con, name)) == sorted(_live(tl.con, name)), name


def test_a_changed_sql_folder_computes_them_again(seeds_db, tmp_path):
    path = tmp_path / "s.duckdb"
    shutil.copy(seeds_db, path)
    con = duckdb.connect(str(path))
    n = con.execute("SELECT count(*) FROM site_event").fetchall()[0][0]
    # as if written by a timeline whose views differed: stale rows under another fingerprint
    con.execute("DELETE FROM stored_site_event").fetchall()
    con.execute("UPDATE stored_state SET sql_sha256 = 'older'").fetchall()
    con.close()
    with timeline.open(path, read_only=True) as tl:  # a reader reads what is there
        assert len(tl.sql("SELECT * FROM site_event")) == 0
    with timeline.open(path) as tl:  # a writer computes them again
        assert len(tl.sql("SELECT * FROM site_event")) == n
        assert tl.sql("SELECT sql_sha256 FROM stored_state")["sql_sha256"].to_list() == [stored.fingerprint()]


def test_memory_limit_from_the_environment(seeds_db, monkeypatch):
    from conftest import run_cli

    monkeypatch.setenv("TIMELINE_MEMORY_LIMIT", "1GB")
    with timeline.open(seeds_db, read_only=True) as tl:
        assert tl.sql("SELECT current_setting('memory_limit') AS m")["m"][0] == "953.6 MiB"
    monkeypatch.setenv("TIMELINE_MEMORY_LIMIT", "lots")
    out = run_cli("export", "--db", str(seeds_db))
    assert out.returncode == 4 and "TIMELINE_MEMORY_LIMIT='lots'" in out.stderr and "Traceback" not in out.stderr


def test_date_ordered_views_read_in_date_order(seeds_db):
    """The calendar, TimelineJS and download views take their order from the stored tables."""
    con = duckdb.connect(str(seeds_db), read_only=True)
    try:
        for view in ("site_calendar", "site_timelinejs", "site_download_events"):
            keys = con.execute(f"SELECT date_start IS NULL, date_start, id FROM {view}").fetchall()
            assert len(keys) > 10 and keys == sorted(keys, key=lambda k: (k[0], k[1] or 0, k[2])), view
    finally:
        con.close()


def test_out_of_memory_is_one_line_and_a_rerun_finishes(tmp_path, monkeypatch):
    """DuckDB running out of its memory in a write: one line, exit 1, the merge rolled back whole;
    the same command with more memory finishes it (the documents were stored)."""
    from conftest import SEEDS, run_cli

    db = tmp_path / "m.duckdb"
    monkeypatch.setenv("TIMELINE_MEMORY_LIMIT", "16MB")
    out = run_cli("ingest", str(SEEDS), "--db", str(db))
    assert out.returncode == 1, out.stderr
    assert "DuckDB ran out of memory" in out.stderr and "TIMELINE_MEMORY_LIMIT" in out.stderr
    assert "Traceback" not in out.stderr
    monkeypatch.delenv("TIMELINE_MEMORY_LIMIT")
    out = run_cli("ingest", str(SEEDS), "--db", str(db))
    assert out.returncode == 0 and "31 events" in out.stderr, out.stderr
