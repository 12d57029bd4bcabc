"""Ingestion on real text: the seeds, re-ingest, changed documents, every kind of bad input."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from datetime import date

import duckdb
import pytest

import timeline
from conftest import ROOT, SEEDS, run_cli


def counts(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("documents", "mentions", "events", "event_actors", "mention_actors")}
    finally:
        con.close()


UNINDEXED_KEYS = {"mention_actors": "mention_id, actor_id", "events": "id", "event_actors": "event_id, actor_id"}


def assert_keys_unique(con) -> None:
    """The tables schema 4 keeps without a primary-key index hold their keys once, by construction."""
    for table, key in UNINDEXED_KEYS.items():
        dupes = con.execute(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL HAVING count(*) > 1)")
        assert dupes.fetchall()[0][0] == 0, table
        assert con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] > 0, table


def test_the_largest_tables_have_no_index_and_unique_keys(seeds_db):
    con = duckdb.connect(str(seeds_db), read_only=True)
    try:
        indexed = {r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchall()}
        assert not indexed & set(UNINDEXED_KEYS) and {"documents", "mentions"} <= indexed
        assert_keys_unique(con)
    finally:
        con.close()


def test_seeds_are_stored_with_language_reference_date_and_hash(seeds_db):
    con = duckdb.connect(str(seeds_db), read_only=True)
    docs = {r[0]: r[1:] for r in con.execute(
        "SELECT id, lang, lang_detected, ref_date, ref_how, sha256, length(text) FROM documents").fetchall()}
    con.close()
    assert len(docs) == 5
    assert docs["000_ad14549d1161be81"][:4] == ("ru", True, date(2023, 10, 7), "dateline")
    assert docs["004_61b56274b32916f2"][:4] == ("el", True, date(2025, 11, 12), "header")
    assert docs["002_b9e3d547ae675392"][0] == "kk"
    text = (SEEDS / "000_ad14549d1161be81.txt").read_text(encoding="utf-8")
    import hashlib
    assert docs["000_ad14549d1161be81"][4] == hashlib.sha256(text.encode()).hexdigest()
    assert docs["000_ad14549d1161be81"][5] == len(text)


def test_reingest_changes_nothing(tmp_path, seeds_copy):
    db = tmp_path / "t.duckdb"
    with timeline.open(db) as tl:
        tl.ingest([seeds_copy], progress=False)
        ids_before = tl.sql("SELECT id FROM events ORDER BY id")["id"].to_list()
    before = counts(db)
    with timeline.open(db) as tl:
        report = tl.ingest([seeds_copy], progress=False)
        ids_after = tl.sql("SELECT id FROM events ORDER BY id")["id"].to_list()
    assert report.unchanged == 5 and report.added == report.replaced == 0
    assert counts(db) == before
    assert ids_after == ids_before


def test_ingest_in_two_runs_stores_what_one_run_stores(tmp_path):
    """The merge writes only the rows that changed: events that gain a source in the second run,
    their roles and aliases must come out as one ingest of everything makes them."""
    dev = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.md"))
    runs = {"first": [p for p in dev if p.stem[:2] in ("ru", "kk")],
            "later": [p for p in dev if p.stem[:2] not in ("ru", "kk")], "all": dev}
    for name, files in runs.items():
        (tmp_path / name).mkdir()
        for p in files:
            shutil.copy(p, tmp_path / name / p.name)
    with timeline.open(tmp_path / "two.duckdb") as tl:
        tl.ingest([tmp_path / "first"], progress=False)
        first = tl.sql("SELECT * EXCLUDE (created_at) FROM events")
        tl.ingest([tmp_path / "later"], progress=False)
        changed = tl.sql("SELECT * EXCLUDE (created_at) FROM events").join(first, on=first.columns, how="anti")
        grew = changed.join(first.select("id"), on="id").height
    with timeline.open(tmp_path / "one.duckdb") as tl:
        tl.ingest([tmp_path / "all"], progress=False)
    queries = {"events": "SELECT * EXCLUDE (created_at) FROM events ORDER BY id",
               "event_actors": "SELECT * FROM event_actors ORDER BY ALL",
               "event_aliases": "SELECT * FROM event_aliases ORDER BY ALL",
               "mentions": "SELECT id, event_id FROM mentions ORDER BY id"}
    two, one = (duckdb.connect(str(tmp_path / f), read_only=True) for f in ("two.duckdb", "one.duckdb"))
    try:
        for name, q in queries.items():
            assert two.execute(q).fetchall() == one.execute(q).fetchall(), name
        assert_keys_unique(two)
    finally:
        two.close()
        one.close()
    assert grew > 0  # the second run changed events of the first (new sources), not only added some


def test_changed_document_replaces_only_its_own_events(tmp_path, seeds_copy):
    db = tmp_path / "t.duckdb"
    with timeline.open(db) as tl:
        tl.ingest([seeds_copy], progress=False)
        others_before = tl.sql("SELECT id, event_id FROM mentions WHERE doc_id <> '003_906239780a42e28d' ORDER BY id")
        own_before = tl.sql("SELECT id FROM mentions WHERE doc_id = '003_906239780a42e28d'")["id"].to_list()
    f = seeds_copy / "003_906239780a42e28d.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("1,06 миллиона тонн", "1,16 миллиона тонн"), encoding="utf-8")
    with timeline.open(db) as tl:
        report = tl.ingest([seeds_copy], progress=False)
        others_after = tl.sql("SELECT id, event_id FROM mentions WHERE doc_id <> '003_906239780a42e28d' ORDER BY id")
        value = tl.sql("SELECT q.value FROM quantities q JOIN mentions m ON m.id = q.mention_id "
                       "WHERE m.doc_id = '003_906239780a42e28d' AND m.status = 'occurred'")["value"].to_list()
        own_after = tl.sql("SELECT id FROM mentions WHERE doc_id = '003_906239780a42e28d'")["id"].to_list()
    assert report.replaced == 1 and report.unchanged == 4
    assert others_after.equals(others_before)
    assert value == [pytest.approx(1.16e6)]
    assert len(own_after) == len(own_before)


def test_markdown_front_matter_jsonl_and_html(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "note.md").write_text(textwrap.dedent("""\
        ---
        id: kz-ru-talks
        url: https://example.org/a
        published: 2024-03-05T10:00:00+05:00
        lang: ru
        source: Example News
        ---
        Вчера в Астане Касым-Жомарт Токаев провёл переговоры с Владимиром Путиным.
        """), encoding="utf-8")
    (src / "batch.jsonl").write_text(
        json.dumps({"id": "gr1", "text": "Η Ρωσία και το Καζακστάν υπέγραψαν συμφωνία στις 12 Νοεμβρίου 2025.", "lang": "el"},
                   ensure_ascii=False) + "\n"
        + json.dumps({"text": "On 3 March 2024 Kazakhstan and Azerbaijan signed an agreement on oil transit."}) + "\n",
        encoding="utf-8")
    (src / "page.html").write_text(
        "<html><head><title>Drone attack</title></head><body><nav>Home | News</nav><article>"
        "<h1>Drones hit a pumping station</h1><p>On 17 February 2025 drones struck the Kropotkinskaya pumping "
        "station of the Caspian Pipeline Consortium, the operator said on Monday.</p></article></body></html>",
        encoding="utf-8")
    db = tmp_path / "t.duckdb"
    with timeline.open(db) as tl:
        report = tl.ingest([src], progress=False)
        docs = {r["id"]: r for r in tl.sql("SELECT * FROM documents").iter_rows(named=True)}
    assert report.ok and report.added == 4
    assert set(docs) == {"kz-ru-talks", "gr1", "batch:2", "page"}
    md = docs["kz-ru-talks"]
    assert md["text"].startswith("Вчера в Астане") and md["url"] == "https://example.org/a"
    assert (md["ref_date"], md["ref_how"], md["lang_detected"]) == (date(2024, 3, 5), "metadata", False)
    assert docs["batch:2"]["lang"] == "en" and docs["batch:2"]["lang_detected"]
    assert "Kropotkinskaya" in docs["page"]["text"] and "Home | News" not in docs["page"]["text"]


BAD_INPUTS = {
    "latin1.txt": ("Caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
    "blob.txt": (b"\x00\x01\x02binary\x00", "binary"),
    "empty.txt": (b"   \n", "empty file"),
    "lines.jsonl": (b'{"id": "ok1", "text": "On 7 October 2023 gas supplies to Uzbekistan began."}\n{not json\n', "lines.jsonl:2: malformed JSON"),
    # read line by line: a line that is not UTF-8 is skipped, its neighbours kept; U+2028 inside a
    # JSON string is no line end; control characters leave the text
    "mixed.jsonl": ('{"text": "On 9 October 2023 Kazakhstan halted oil exports."}\n'.encode()
                    + '{"text": "Caf\xe9"}\n'.encode("latin-1")
                    + '{"text": "On 10 October 2023\u2028 gas \x7f supplies\u0085 to Uzbekistan began."}\n'.encode(),
                    "mixed.jsonl:2: not UTF-8"),
}


def test_bad_inputs_are_named_and_the_good_ones_kept(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, (raw, _) in BAD_INPUTS.items():
        (src / name).write_bytes(raw)
    (src / "good.txt").write_text((SEEDS / "000_ad14549d1161be81.txt").read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "t.duckdb"
    # a file named on the command line must be readable; a folder's other files are not documents
    (tmp_path / "data.csv").write_bytes(b"a,b\n1,2\n")
    (src / "photo.png").write_bytes(b"\x89PNG")
    r = run_cli("ingest", str(src), str(tmp_path / "missing.txt"), str(tmp_path / "data.csv"), "--db", str(db))
    assert r.returncode == 2
    errors = [line for line in r.stderr.splitlines() if line.startswith("timeline: skipped")]
    assert len(errors) == len(BAD_INPUTS) + 2, r.stderr
    assert any("data.csv" in e and "unknown extension" in e for e in errors)
    for name, (_, problem) in BAD_INPUTS.items():
        assert any(name in e and problem in e for e in errors), (name, r.stderr)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
    c = counts(db)
    assert c["documents"] == 4  # good.txt, the good line of lines.jsonl, the two of mixed.jsonl
    assert c["events"] > 0
    con = duckdb.connect(str(db), read_only=True)
    text = con.execute("SELECT text FROM documents WHERE id = 'mixed:3'").fetchall()[0][0]
    con.close()
    assert text == "On 10 October 2023\u2028 gas  supplies to Uzbekistan began."


def test_duplicate_id_in_one_run_is_an_error_naming_both(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "same.txt").write_text("On 7 October 2023 gas supplies to Uzbekistan began.", encoding="utf-8")
    (b / "same.txt").write_text("On 8 October 2023 Kazakhstan halted oil exports.", encoding="utf-8")
    r = run_cli("ingest", str(a), str(b), "--db", str(tmp_path / "t.duckdb"))
    assert r.returncode == 2
    assert str(a / "same.txt") in r.stderr and str(b / "same.txt") in r.stderr


def test_a_busy_database_is_reported_not_traced(tmp_path):
    db = tmp_path / "t.duckdb"
    timeline.open(db).close()
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = run_cli("ingest", str(SEEDS / "000_ad14549d1161be81.txt"), "--db", str(db))
        assert r.returncode == 3
        assert "database is in use by another process" in r.stderr
        assert "Traceback" not in r.stderr
    finally:
        holder.kill()
        holder.wait()


def test_hard_wrapped_lines_stay_one_sentence():
    from timeline.sentences import split

    text = ("Беспилотники атаковали НПС\n\n29 ноября беспилотники атаковали станцию, сообщили в КТК. "
            "В 2024 году было\nпрокачано 1,06 млн тонн нефти.\nВторой абзац.\nHeadline without a stop\nNext one.")
    got = [(s.paragraph, s.text) for s in split(text)]
    assert got == [(0, "Беспилотники атаковали НПС"),
                   (1, "29 ноября беспилотники атаковали станцию, сообщили в КТК."),
                   (1, "В 2024 году было\nпрокачано 1,06 млн тонн нефти."),
                   (2, "Второй абзац."), (3, "Headline without a stop"), (4, "Next one.")]
    assert all(text[s.start:s.end] == s.text for s in split(text))


def test_a_days_ordinal_dot_ends_no_sentence():
    from timeline.sentences import split

    text = "Die Vereinbarung wurde am 11. September unterzeichnet. Ab dem 1. Januar sollen 2 Mrd. Kubikmeter fließen."
    assert [s.text for s in split(text)] == ["Die Vereinbarung wurde am 11. September unterzeichnet.",
                                             "Ab dem 1. Januar sollen 2 Mrd. Kubikmeter fließen."]


def test_progress_shows_the_merge_steps(tmp_path):
    """The merge takes minutes at millions of mentions: the bar names each step as it begins."""
    p = run_cli("ingest", str(SEEDS), "--db", str(tmp_path / "t.duckdb"), "--progress")
    assert p.returncode == 0, p.stderr
    shown = re.findall(r"merge: ([a-z ]+?) \(\d/\d done\)", p.stderr)
    assert list(dict.fromkeys(shown)) == ["keys", "pairs", "cluster", "ids", "write", "curation and stored views"]
    assert "(6/6 done)" in p.stderr


def test_a_new_id_already_taken_gets_the_next_suffix(tmp_path, seeds_copy, seeds_db):
    """An event's new id is a SHA-1 prefix of its founding mention: when an alias (or another
    event) already holds it, the event takes base_2, and nothing else changes."""
    later = tmp_path / "later"
    later.mkdir()
    moved = sorted(seeds_copy.glob("*.txt"))[-1]
    moved.rename(later / moved.name)
    one = duckdb.connect(str(seeds_db), read_only=True)
    try:
        taken = one.execute("SELECT min(event_id) FROM mentions WHERE doc_id = ?", [moved.stem]).fetchall()[0][0]
        everything = one.execute("SELECT id, type, date_start FROM events ORDER BY id").fetchall()
    finally:
        one.close()
    db = tmp_path / "t.duckdb"
    with timeline.open(db) as tl:
        tl.ingest([seeds_copy], progress=False)
        holder = tl.sql("SELECT min(id) AS id FROM events")["id"][0]
        tl.con.execute("INSERT INTO event_aliases VALUES (?, ?)", [taken, holder])
        tl.ingest([later], progress=False)
        got = tl.sql("SELECT id, type, date_start FROM events ORDER BY id").rows()
        alias = tl.sql("SELECT event_id FROM event_aliases WHERE alias = ?", [taken])["event_id"].to_list()
    assert alias == [holder]
    renamed = [(f"{taken}_2" if i == taken else i, t, d) for i, t, d in everything]
    assert sorted(got) == sorted(renamed)
