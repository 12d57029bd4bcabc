-- Schema version 3: stored views. What the site and ad hoc queries read most (plan_outcomes,
-- export_events, site_event, site_chronology) is computed once at the end of every write into
-- tables named stored_<view> (sql/stored/), so reading it is a scan, not an aggregation of every
-- claim. This row says which sql/ the stored tables were computed with: when the macros, views or
-- stored queries change, a writer computes them again (timeline/store/stored.py).
CREATE TABLE IF NOT EXISTS stored_state (
    sql_sha256  VARCHAR NOT NULL       -- of sql/macros, sql/views and sql/stored, as stored.fingerprint() reads them
);
