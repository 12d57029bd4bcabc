-- The merge's working table: each mention with its keys (sql/macros/mention_keys.sql), its
-- family (an agreement and a signing of one document may be one happening) and integer keys
-- for hashing. `ord` (1, 2, ...) is the founding order: earliest reported, then document, then
-- offset. Made by timeline/store/merge.py inside its transaction, dropped at its end.
CREATE OR REPLACE TEMP TABLE _mk AS
SELECT k.*,
       CASE WHEN k.type IN ('agreement', 'signing') THEN 'signing' ELSE k.type END AS fam,
       hash(k.doc_id) AS doc_key,
       dense_rank() OVER (ORDER BY k.doc_id) AS doc_n,
       date_diff('day', DATE '1970-01-01', k.date_start) AS day
FROM mention_keys() k;
