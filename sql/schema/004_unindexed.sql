-- Schema version 4: no primary-key index on the three tables that grow with every mention:
-- mention_actors, events and event_actors. DuckDB holds a table's ART index in memory while it
-- writes to it: 420 MB for the 1.9M event_actors rows of 1M mentions, and at 10M mentions
-- (28M mention_actors rows, 7M events) the indexes alone outgrew 3 GB and stopped the merge.
-- Their keys stay unique by construction, and tests check it: extraction names an actor once a
-- mention, the merge makes one event per id and groups its actors by event and actor.
-- (The tables are made anew: DuckDB cannot drop a primary key.)
CREATE TABLE mention_actors_4 (
    mention_id VARCHAR NOT NULL,
    actor_id   VARCHAR NOT NULL,
    role       VARCHAR NOT NULL CHECK (role IN ('agent', 'counterpart', 'target', 'mentioned')),
    text       VARCHAR                   -- the words that named it
);
INSERT INTO mention_actors_4 SELECT mention_id, actor_id, role, text FROM mention_actors;
DROP TABLE mention_actors;
ALTER TABLE mention_actors_4 RENAME TO mention_actors;

CREATE TABLE events_4 (
    id           VARCHAR NOT NULL,
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
INSERT INTO events_4 SELECT id, type, status, date_start, date_end, precision, basis, edtf, date_text, date_from,
                            window_start, window_end, place_id, summary, confidence, founded_by, created_at FROM events;
DROP TABLE events;
ALTER TABLE events_4 RENAME TO events;

CREATE TABLE event_actors_4 (
    event_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    role     VARCHAR NOT NULL CHECK (role IN ('agent', 'counterpart', 'target', 'mentioned'))
);
INSERT INTO event_actors_4 SELECT event_id, actor_id, role FROM event_actors;
DROP TABLE event_actors;
ALTER TABLE event_actors_4 RENAME TO event_actors;
