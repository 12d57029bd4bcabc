-- The merge's working table: each mention with its keys (sql/macros/mention_keys.sql), its
-- family (an agreement and a signing of one document may be one happening) and integer keys
-- for hashing and comparing. `ord` (1, 2, ...) is the founding order: earliest reported, then
-- document, then offset. Made by timeline/store/merge.py inside its transaction, dropped at its end.
CREATE OR REPLACE TEMP TABLE _mk AS
WITH docs AS (  -- a number per document: only ever compared for equality, so any numbering (no sort)
    SELECT doc_id, row_number() OVER () AS doc_n FROM (SELECT DISTINCT doc_id FROM mentions)
)
SELECT k.* EXCLUDE (doc_id, reported),  -- narrow: at 10M mentions every byte a row is 10 MB
       CASE WHEN k.type IN ('agreement', 'signing') THEN 'signing' ELSE k.type END AS fam,
       docs.doc_n,
       date_diff('day', DATE '1970-01-01', k.date_start) AS day
FROM mention_keys() k JOIN docs ON docs.doc_id = k.doc_id;
