"""Curation on real text (the seeds): corrections that survive re-extraction, re-ingest and new
sources; reject, merge-into, split-off; removal; the migration from a schema-1 file; copies of
one article. Counts are checked before and after each operation: nothing is lost."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

import timeline
from conftest import ROOT, SEEDS, run_cli
from timeline.errors import SchemaError

GOLDEN_V1 = ROOT / "tests" / "golden" / "schema_v1.duckdb"
NEW_SOURCE = ("date 2023-10-08\n\nVladimir Putin and Shavkat Mirziyoyev held talks in the Kremlin on 7 October, "
              "the Uzbek president's office said.\n")


@pytest.fixture
def db(seeds_db, tmp_path) -> Path:
    """A writable copy of the seeds database."""
    dst = tmp_path / "t.duckdb"
    shutil.copy(seeds_db, dst)
    return dst


def counts(tl) -> dict[str, int]:
    return {t: tl.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("documents", "mentions", "events", "event_actors", "event_aliases", "corrections")}


def exported(tl, include_rejected: bool = False) -> dict[str, dict]:
    df = tl.events(include_rejected=include_rejected)
    return {r["id"]: r for r in df.iter_rows(named=True)}


def one_event(tl, where: str, params=None) -> str:
    rows = tl.sql(f"SELECT id FROM events WHERE {where} ORDER BY id", params)["id"].to_list()
    assert len(rows) == 1, rows
    return rows[0]


def talks_6_october(tl) -> str:
    """Putin and Mirziyoyev's talks in the Kremlin, 6 October 2023 (seed 000)."""
    return one_event(tl, "type = 'meeting' AND date_start = DATE '2023-10-06'")


def make_stale(tl) -> None:
    tl.con.execute("UPDATE documents SET extractor = 'an-older-extractor'").fetchall()


# ---------------------------------------------------------------------- corrections


def test_correction_survives_reextract_and_a_disagreeing_source(db, tmp_path):
    with timeline.open(db) as tl:
        ev = talks_6_october(tl)
        rep = tl.correct(ev, by="A. Analyst", why="the Kremlin readout dates the talks 5 October", date="2023-10-05")
        assert rep.recorded and rep.applied == 1 and not rep.warnings
        e = exported(tl)[ev]  # at once, in the export
        assert (str(e["date_start"]), e["precision"], e["edtf"]) == ("2023-10-05", "day", "2023-10-05")
        [c] = e["corrections"]
        assert (c["kind"], c["value"], c["was"], c["by"], c["why"]) == (
            "date", "2023-10-05", "2023-10-06", "A. Analyst", "the Kremlin readout dates the talks 5 October")
        assert c["at"] is not None
        before = counts(tl)
        ids_before = set(exported(tl, True))
        # a rule fix: every stored document is stale; re-extract them all
        make_stale(tl)
        r = tl.reextract()
        assert r.ok and r.stale == 5 and r.reextracted == 5
        assert counts(tl) == before and set(exported(tl, True)) == ids_before and not r.ids_lost
        e = exported(tl)[ev]
        assert str(e["date_start"]) == "2023-10-05" and len(e["corrections"]) == 1
        # a new source tells the talks on 7 October: it joins the event, disagrees, and the correction holds
        new = tmp_path / "new"
        new.mkdir()
        (new / "uz_readout.txt").write_text(NEW_SOURCE, encoding="utf-8")
        tl.ingest([new], progress=False)
        e = exported(tl)[ev]
        assert "uz_readout" in [s["doc"] for s in e["sources"]]
        assert {str(c["date_start"]) for c in e["claims"]} == {"2023-10-06", "2023-10-07"}
        assert [d["field"] for d in e["disagreements"]] == ["date"]
        assert str(e["date_start"]) == "2023-10-05" and e["corrections"][0]["kind"] == "date"
        after = counts(tl)
        assert after["documents"] == before["documents"] + 1 and after["events"] == before["events"]
        assert tl.corrections()["state"].to_list() == ["applied"]


def test_reject_is_left_out_unless_asked_and_survives_reingest(db, seeds_copy):
    with timeline.open(db) as tl:
        ev = one_event(tl, "type = 'supply_halt' AND date_start IS NULL")
        n = len(exported(tl))
        tl.correct(ev, by="A. Analyst", why="a forecast, not a halt", reject=True)
        assert ev not in exported(tl) and len(exported(tl)) == n - 1
        assert exported(tl, True)[ev]["rejected"] is True
        tl.ingest([seeds_copy], progress=False)
        assert ev not in exported(tl) and exported(tl, True)[ev]["rejected"]
    out = run_cli("export", "--db", str(db), "--include-rejected")
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["rejected"] for r in rows if r["id"] == ev] == [True] and len(rows) == n


def test_type_status_and_actors_with_summary(db):
    with timeline.open(db) as tl:
        ev = talks_6_october(tl)
        tl.correct(ev, by="A", why="the text says so", type="signing", status="planned", actors=["+KAZ", "-Vladimir Putin"])
        e = exported(tl)[ev]
        assert (e["type"], e["status"]) == ("signing", "planned")
        ids = [a["id"] for a in e["actors"]]
        assert "KAZ" in ids and "Vladimir Putin" not in ids
        assert "Kazakhstan" in e["summary"] and "Putin" not in e["summary"] and "are to sign" in e["summary"]
        with pytest.raises(timeline.curation.corrections.CorrectionError, match="neither in the database nor"):
            tl.correct(ev, by="A", why="x", actors=["+NOT_AN_ACTOR_ID"])
        with pytest.raises(timeline.curation.corrections.CorrectionError, match="no event"):
            tl.correct("ev_000000000000", by="A", why="x", reject=True)
        assert len(tl.corrections()) == 4  # nothing of the refused ones was stored


def test_merge_into_keeps_the_named_id_and_the_alias_resolves(db, seeds_copy):
    with timeline.open(db) as tl:
        a = one_event(tl, "type = 'meeting' AND date_start = DATE '2023-01-10'")   # Novak and Sklyar
        b = one_event(tl, "type = 'meeting' AND date_start = DATE '2023-01-18'")   # Akchulakov and Sklyar
        before = counts(tl)
        sa, sb = len(exported(tl)[a]["sources"]), len(exported(tl)[b]["sources"])
        tl.correct(a, by="A", why="one visit told twice", merge_into=b)
        ev = exported(tl)
        assert a not in ev and len(ev[b]["sources"]) == sa + sb
        after = counts(tl)
        assert after["mentions"] == before["mentions"] and after["events"] == before["events"] - 1
        assert tl.sql("SELECT event_id FROM event_aliases WHERE alias = ?", [a])["event_id"].to_list() == [b]
        # survives a re-merge (the merge alone would part them again) and a re-extraction
        tl.ingest([seeds_copy], progress=False)
        make_stale(tl)
        tl.reextract()
        ev = exported(tl)
        assert a not in ev and len(ev[b]["sources"]) == sa + sb and counts(tl)["events"] == before["events"] - 1
        assert dict(tl.sql("SELECT alias, event_id FROM event_aliases").iter_rows()) == {a: b}
        # the old id still names the event
        tl.correct(a, by="A", why="talks in Saint Petersburg", date="2023-01-18")
        assert [c["kind"] for c in exported(tl)[b]["corrections"]] == ["merge_into", "date"]


def test_split_off_makes_its_own_event_and_stays(db, seeds_copy):
    with timeline.open(db) as tl:
        ev = one_event(tl, "type = 'signing' AND date_start = DATE '2023-10-06'")
        src = sorted(exported(tl)[ev]["sources"], key=lambda s: s["start"])
        assert len(src) == 2
        part = src[-1]
        before = counts(tl)
        rep = tl.correct(ev, by="A", why="the agreement is a separate happening", split_off=f"{part['doc']}:{part['start']}")
        new_id = tl.sql("SELECT applied_to FROM corrections WHERE id = ?", [rep.recorded[0]])["applied_to"][0]
        ex = exported(tl)
        assert new_id != ev and [s["start"] for s in ex[new_id]["sources"]] == [part["start"]]
        assert [s["start"] for s in ex[ev]["sources"]] == [src[0]["start"]]
        assert counts(tl)["events"] == before["events"] + 1 and counts(tl)["mentions"] == before["mentions"]
        tl.ingest([seeds_copy], progress=False)
        make_stale(tl)
        tl.reextract()
        ex = exported(tl)
        assert [s["start"] for s in ex[new_id]["sources"]] == [part["start"]] and ev in ex
        assert new_id not in tl.sql("SELECT alias FROM event_aliases")["alias"].to_list()


def test_corrections_file_and_cli(db, tmp_path):
    with timeline.open(db) as tl:
        ev = talks_6_october(tl)
    f = tmp_path / "fixes.toml"
    f.write_text(f'by = "A. Analyst"\n\n[[correction]]\nevent = "{ev}"\ndate = "2023-10-01/2023-10-07"\n'
                 f'why = "the week of the visit"\n\n[[correction]]\nevent = "{ev}"\nactor = ["+KAZ"]\n'
                 'why = "Tokayev took part"\n', encoding="utf-8")
    out = run_cli("correct", "--file", str(f), "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert "2 corrections recorded" in out.stderr
    again = run_cli("correct", "--file", str(f), "--db", str(db))  # applying a file twice adds nothing
    assert "0 corrections recorded (2 already recorded" in again.stderr
    rows = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    [e] = [r for r in rows if r["id"] == ev]
    assert (e["date_start"], e["date_end"], e["precision"], e["edtf"]) == ("2023-10-01", "2023-10-07", "week", "2023-10-01/2023-10-07")
    assert [(c["kind"], c["by"]) for c in e["corrections"]] == [("date", "A. Analyst"), ("actor_add", "A. Analyst")]
    bad = run_cli("correct", ev, "--date", "2023-13-01", "--by", "A", "--why", "x", "--db", str(db))
    assert bad.returncode == 1 and "2023-13-01" in bad.stderr


# ---------------------------------------------------------------------- removal


def test_remove_documents(db, seeds_copy):
    doc = "003_906239780a42e28d"
    with timeline.open(db) as tl:
        own = set(tl.sql("SELECT DISTINCT event_id FROM mentions WHERE doc_id = ?", [doc])["event_id"].to_list())
        shared = set(tl.sql("SELECT DISTINCT event_id FROM mentions WHERE doc_id <> ? AND event_id IN "
                            "(SELECT event_id FROM mentions WHERE doc_id = ?)", [doc, doc])["event_id"].to_list())
        only = own - shared
        assert only
        gone = sorted(only)[0]
        tl.correct(gone, by="A", why="a test", status="planned")
        before = counts(tl)
        n_doc = tl.sql("SELECT count(*) AS n FROM mentions WHERE doc_id = ?", [doc])["n"][0]
        rep = tl.remove([doc, "no_such_doc"], by="A", why="retracted")
        assert rep.removed == [doc] and rep.unknown == ["no_such_doc"]
        assert sorted(rep.events_removed) == sorted(only) and set(rep.events_rechosen) == shared
        after = counts(tl)
        assert after["documents"] == before["documents"] - 1 and after["mentions"] == before["mentions"] - n_doc
        assert after["events"] == before["events"] - len(only)
        assert after["corrections"] == before["corrections"]  # kept, orphaned
        pages = tl.sql("SELECT id, reason FROM removed_event_pages")
        assert set(pages["id"].to_list()) == only and "retracted" in pages["reason"][0]
        [w] = tl.correction_warnings()
        assert gone in w and "is not applied" in w
    # every ingest says so
    out = run_cli("ingest", str(SEEDS / "000_ad14549d1161be81.txt"), "--db", str(db))
    assert f"correction 1 on {gone}" in out.stderr
    # the document comes back: its events live again, the correction applies again
    with timeline.open(db) as tl:
        tl.ingest([seeds_copy], progress=False)
        assert counts(tl)["events"] == before["events"] and not tl.correction_warnings()
        assert exported(tl)[gone]["status"] == "planned"
        assert not len(tl.sql("SELECT * FROM removed_event_pages"))


# ---------------------------------------------------------------------- migrations


def test_migration_from_a_schema_1_file(tmp_path):
    path = tmp_path / "v1.duckdb"
    shutil.copy(GOLDEN_V1, path)
    con = duckdb.connect(str(path), read_only=True)
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
              for t in ("documents", "mentions", "events", "event_actors", "actors")}
    ids = sorted(r[0] for r in con.execute("SELECT id FROM events").fetchall())
    con.close()
    with pytest.raises(SchemaError, match="schema 1.*timeline upgrade"):
        timeline.open(path, read_only=True)
    out = run_cli("upgrade", "--db", str(path))
    assert out.returncode == 0, out.stderr
    with timeline.open(path) as tl:
        assert tl.sql("SELECT version FROM schema_version ORDER BY version")["version"].to_list() == [1, 2, 3, 4]
        assert {t: tl.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in before} == before
        assert sorted(exported(tl)) == ids
        # the stored views were computed by the upgrade
        assert sorted(tl.sql("SELECT id FROM site_event")["id"].to_list()) == ids
        tl.correct(ids[0], by="A", why="after the upgrade", reject=True)
        assert ids[0] not in exported(tl)


def test_failed_upgrade_changes_nothing(tmp_path, monkeypatch):
    from timeline.store import db as store_db

    path = tmp_path / "v1.duckdb"
    shutil.copy(GOLDEN_V1, path)
    broken = tmp_path / "005_broken.sql"
    broken.write_text("CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;", encoding="utf-8")
    files = store_db.schema_files()
    monkeypatch.setattr(store_db, "schema_files", lambda: files + [(5, broken)])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", 5)
    with pytest.raises(SchemaError, match="from schema 1 to 5.*nothing was changed"):
        timeline.open(path)
    con = duckdb.connect(str(path), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] == 1
    assert "corrections" not in tables and "half_done" not in tables
    con.close()


def test_a_newer_database_is_refused(db):
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version (version) VALUES (99)").fetchall()
    con.close()
    for args in (["export"], ["ingest", str(SEEDS)]):
        out = run_cli(*args, "--db", str(db))
        assert out.returncode == 4, (args, out.stderr)
        assert "newer timeline (schema 99" in out.stderr and "Traceback" not in out.stderr


# ---------------------------------------------------------------------- copies of one article


def test_copies_count_once_and_raise_no_disagreement(seeds_db, tmp_path, seeds_copy):
    """Copies in a later run than their original, and in the same run; an original removed and back."""
    original = "003_906239780a42e28d"
    text = (SEEDS / f"{original}.txt").read_text(encoding="utf-8")
    with timeline.open(seeds_db, read_only=True) as ref:
        plain = exported(ref)
        plain_counts = counts(ref)
    path = tmp_path / "m.duckdb"
    shutil.copy(seeds_db, path)
    with timeline.open(path) as tl:
        # one copy comes in a later run than its original, the other in the same run as a new original
        (seeds_copy / "zz_syndicated.txt").write_text(text.rstrip("\n") + "\n\nИсточник: Kazinform\n", encoding="utf-8")
        tl.ingest([seeds_copy / "zz_syndicated.txt"], progress=False)
        tl.remove([original])
        (seeds_copy / "zz_exact.txt").write_text(text, encoding="utf-8")
        tl.ingest([seeds_copy], progress=False)
        mirrors = dict(tl.sql("SELECT id, mirror_of FROM documents WHERE mirror_of IS NOT NULL").iter_rows())
        assert mirrors == {"zz_syndicated": original, "zz_exact": original}
        c = counts(tl)
        assert c["documents"] == plain_counts["documents"] + 2 and c["events"] == plain_counts["events"]
        ev = exported(tl)
        assert set(ev) == set(plain)
        n_orig = tl.sql("SELECT count(*) AS n FROM mentions WHERE doc_id = ?", [original])["n"][0]
        for eid, e in ev.items():
            docs = [s["doc"] for s in e["sources"]]
            if original in docs:
                assert docs.count("zz_syndicated") == docs.count(original) == docs.count("zz_exact")
                assert {s["mirror_of"] for s in e["sources"] if s["doc"].startswith("zz_")} == {original}
            assert e["confidence"] == plain[eid]["confidence"]
            assert e["disagreements"] == plain[eid]["disagreements"]
        assert c["mentions"] == plain_counts["mentions"] + 2 * n_orig
        # the copy outlives its original: it becomes the original of the other copy
        rep = tl.remove([original])
        assert not rep.events_removed
        assert dict(tl.sql("SELECT id, mirror_of FROM documents WHERE id LIKE 'zz_%'").iter_rows()) == {
            "zz_exact": None, "zz_syndicated": "zz_exact"}
        assert set(exported(tl)) == set(plain)
