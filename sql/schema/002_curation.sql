-- Schema version 2: curation. Corrections people make (kept and re-applied after every merge),
-- events removed with their sources, MinHash signatures for finding copies of one article, and
-- the event ids carried across a re-extraction. Applied by timeline/store/db.py to databases at
-- version 1, in one transaction with the version row.

CREATE SEQUENCE IF NOT EXISTS correction_ids START 1;

-- One correction of one event by one person (spec, "One event per happening"; issue 12).
CREATE TABLE IF NOT EXISTS corrections (
    id          INTEGER PRIMARY KEY DEFAULT nextval('correction_ids'),
    event_id    VARCHAR NOT NULL,      -- the event corrected (resolved through event_aliases when made)
    given_id    VARCHAR NOT NULL,      -- the id as its author gave it
    kind        VARCHAR NOT NULL CHECK (kind IN ('date', 'type', 'status', 'actor_add', 'actor_remove',
                    'reject', 'merge_into', 'split_off')),
    payload     VARCHAR NOT NULL,      -- JSON: {"date": "2023-10-07"}, {"actor": "KAZ", "role": "agent"},
                                       -- {"into": "ev_…"}, {"doc": "…", "start": 12, "new_id": "ev_…"}, {}
    author      VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    created_at  TIMESTAMP NOT NULL DEFAULT current_timestamp,
    -- written by every application (timeline/curation/apply.py):
    state       VARCHAR NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'applied', 'orphaned')),
    applied_to  VARCHAR,               -- the living event it applies to; NULL when its event is gone
    was         VARCHAR,               -- the value it replaced, as text, when it last changed something
    problem     VARCHAR,               -- why it is orphaned: its event (or mention, or target) is gone
    checked_at  TIMESTAMP
);

-- The mentions a correction was made about: how it finds its event again when ids change
-- (a re-extraction that moved offsets, a re-ingested document). role: event (the corrected
-- event's mentions), into (a merge's target's mentions), split (the mention split off).
CREATE TABLE IF NOT EXISTS correction_anchors (
    correction_id INTEGER NOT NULL,
    role          VARCHAR NOT NULL CHECK (role IN ('event', 'into', 'split')),
    mention_id    VARCHAR NOT NULL,
    doc_id        VARCHAR NOT NULL,
    type          VARCHAR NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    PRIMARY KEY (correction_id, role, mention_id)
);

-- Events whose every source was removed: their permalinks say so.
CREATE TABLE IF NOT EXISTS removed_events (
    id         VARCHAR PRIMARY KEY,
    removed_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    reason     VARCHAR NOT NULL
);

-- MinHash of each document's 5-word shingles (timeline/curation/mirrors.py), for its text as stored.
CREATE TABLE IF NOT EXISTS document_signatures (
    doc_id  VARCHAR PRIMARY KEY,
    sha256  VARCHAR NOT NULL,
    minhash UBIGINT[] NOT NULL
);

-- Event ids of mentions being re-extracted, kept until the new mentions have them back.
CREATE TABLE IF NOT EXISTS reextract_carry (
    mention_id VARCHAR NOT NULL,
    doc_id     VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    event_id   VARCHAR NOT NULL,
    mirror_of  VARCHAR
);
