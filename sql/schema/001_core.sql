-- Schema version 1: documents, mentions (claims), canonical events, actors, places, quantities.
-- Applied by timeline/store/schema.py in file order; the version row is written by the loader.

CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS documents (
    id            VARCHAR PRIMARY KEY,   -- file stem, given id, or stem:line for JSONL
    sha256        VARCHAR NOT NULL,      -- of text as stored
    text          VARCHAR NOT NULL,      -- as read: no front matter, header line and line ends kept
    lang          VARCHAR NOT NULL,
    lang_detected BOOLEAN NOT NULL,      -- true when detected, false when given
    url           VARCHAR,
    source        VARCHAR,
    title         VARCHAR,
    published     VARCHAR,               -- as given in metadata
    ref_date      DATE,                  -- reference date (spec, "Dates")
    ref_how       VARCHAR CHECK (ref_how IN ('metadata', 'header', 'dateline', 'inferred')),
    origin        VARCHAR,               -- file (and line) it was read from
    extractor     VARCHAR NOT NULL,      -- content hash of extractor code and data it was extracted with
    mirror_of     VARCHAR,               -- the document this one repeats (syndicated copy)
    ingested_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS actors (
    id          VARCHAR PRIMARY KEY,     -- ISO alpha-3 for countries, English Wikipedia title otherwise
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL CHECK (kind IN ('country', 'person', 'organisation')),
    country     VARCHAR,                 -- ISO alpha-3 of a person's or body's country
    provisional BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS places (
    id      VARCHAR PRIMARY KEY,         -- English name: Moscow, Kremlin, Aktau–Baku–Ceyhan
    name    VARCHAR NOT NULL,
    country VARCHAR
);

-- One event as one sentence of one document tells it: the source's claim.
CREATE TABLE IF NOT EXISTS mentions (
    id           VARCHAR PRIMARY KEY,    -- hash of doc, offsets and type: stable across re-ingest
    doc_id       VARCHAR NOT NULL,
    seq          INTEGER NOT NULL,       -- order within the document
    type         VARCHAR NOT NULL CHECK (type IN ('meeting', 'signing', 'agreement', 'supply_start',
                     'supply_halt', 'drone_strike', 'statement', 'plan', 'volume')),
    status       VARCHAR NOT NULL CHECK (status IN ('occurred', 'planned')),
    cancelled    BOOLEAN NOT NULL DEFAULT false,
    start        INTEGER NOT NULL,       -- quote offsets in code points of documents.text
    "end"        INTEGER NOT NULL,
    quote        VARCHAR NOT NULL,
    lang         VARCHAR NOT NULL,
    date_start   DATE,
    date_end     DATE,
    precision    VARCHAR CHECK (precision IN ('day', 'week', 'part_of_month', 'month', 'quarter',
                     'half', 'season', 'part_of_year', 'year')),
    basis        VARCHAR NOT NULL CHECK (basis IN ('explicit', 'inferred_year', 'relative',
                     'named_event', 'document_date', 'undated')),
    edtf         VARCHAR,
    date_text    VARCHAR,
    window_start DATE,                   -- a plan's window, when its text names one
    window_end   DATE,
    place_id     VARCHAR,
    reported     DATE,                   -- the document's reference date
    confidence   DOUBLE NOT NULL,
    rule         VARCHAR NOT NULL,       -- the rule that made it, for --explain
    trigger      VARCHAR NOT NULL,
    event_id     VARCHAR                 -- canonical event, set by the merge
);

CREATE TABLE IF NOT EXISTS mention_actors (
    mention_id VARCHAR NOT NULL,
    actor_id   VARCHAR NOT NULL,
    role       VARCHAR NOT NULL CHECK (role IN ('agent', 'counterpart', 'target', 'mentioned')),
    text       VARCHAR,                  -- the words that named it
    PRIMARY KEY (mention_id, actor_id)
);

CREATE TABLE IF NOT EXISTS quantities (
    mention_id VARCHAR PRIMARY KEY,
    value      DOUBLE NOT NULL,
    unit       VARCHAR NOT NULL,
    period     VARCHAR CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
    text       VARCHAR NOT NULL
);

-- Canonical events, chosen from their mentions by the merge (timeline/store/merge.py).
CREATE TABLE IF NOT EXISTS events (
    id           VARCHAR PRIMARY KEY,
    type         VARCHAR NOT NULL CHECK (type IN ('meeting', 'signing', 'agreement', 'supply_start',
                     'supply_halt', 'drone_strike', 'statement', 'plan', 'volume')),
    status       VARCHAR NOT NULL CHECK (status IN ('occurred', 'planned')),
    date_start   DATE,
    date_end     DATE,
    precision    VARCHAR CHECK (precision IN ('day', 'week', 'part_of_month', 'month', 'quarter',
                     'half', 'season', 'part_of_year', 'year')),
    basis        VARCHAR NOT NULL CHECK (basis IN ('explicit', 'inferred_year', 'relative',
                     'named_event', 'document_date', 'undated')),
    edtf         VARCHAR,
    date_text    VARCHAR,
    date_from    VARCHAR,                -- id of the mention the date was taken from
    window_start DATE,
    window_end   DATE,
    place_id     VARCHAR,
    summary      VARCHAR NOT NULL,
    confidence   DOUBLE NOT NULL,
    founded_by   VARCHAR NOT NULL,       -- mention id the event was founded on
    created_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS event_actors (
    event_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    role     VARCHAR NOT NULL CHECK (role IN ('agent', 'counterpart', 'target', 'mentioned')),
    PRIMARY KEY (event_id, actor_id)
);

-- Ids of events joined into another: old permalinks lead to the living event.
CREATE TABLE IF NOT EXISTS event_aliases (
    alias    VARCHAR PRIMARY KEY,
    event_id VARCHAR NOT NULL
);
