-- The record as its sources told it up to day `d`, shaped as the tables it stands for:
-- `timeline build-site --as-of d` puts these in temporary tables named after the tables they
-- replace (events, mentions, documents, plan_outcomes), so every site_* view reads the record of
-- that day (spec, "The record as of any day"; events_as_of and plan_links do the choosing).
--   site_as_of_events(d)     the columns of events: events_as_of(d)
--   site_as_of_mentions(d)   mentions reported by d (a mention of no reported date is in none)
--   site_as_of_documents(d)  documents whose reference date is d or earlier
--   site_as_of_plans(d)      the columns of plan_outcomes, as plan_links(d) tells them
CREATE OR REPLACE MACRO site_as_of_events(d) AS TABLE
SELECT id, type, status, date_start, date_end, precision, basis, edtf, date_text, date_from, window_start,
       window_end, place_id, summary, confidence, founded_by
FROM events_as_of(d);

CREATE OR REPLACE MACRO site_as_of_mentions(d) AS TABLE
SELECT * FROM mentions WHERE reported <= CAST(d AS DATE);

CREATE OR REPLACE MACRO site_as_of_documents(d) AS TABLE
SELECT * FROM documents WHERE ref_date <= CAST(d AS DATE);

CREATE OR REPLACE MACRO site_as_of_plans(d) AS TABLE
SELECT pl.*, p.summary AS plan_summary, o.summary AS outcome_summary, o.date_start AS outcome_date
FROM plan_links(d) pl
JOIN events p ON p.id = pl.plan_id
LEFT JOIN events_as_of(d) o ON o.id = pl.fulfilled_by;
