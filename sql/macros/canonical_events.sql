-- The canonical events chosen from their claims (spec, "Claims"), from the claims reported by
-- `as_of` (NULL: all of them). The merge (timeline/store/merge.py) stores canonical_events(NULL)
-- as the events table; events_as_of(DATE) reads the same rule at an earlier day.
-- The rule, deterministic:
--   type        signing where a signing and an agreement of one happening were told; else the type
--   status      occurred once a source reports it done (and none of those calls it off), else planned
--   date        the strongest basis (explicit; then relative and inferred_year; then named_event; then
--               document_date), narrowest first; then refined by the narrowest claim inside it whose date
--               comes from the text (never one dated only by its document)
--   place       the place most claims name
--   window      a plan's window, from its earliest claim that names one
--   confidence  the best claim's, plus 0.05 per further source document (at most 0.99)
--   founded_by  the founding claim: earliest reported, then document id, then offset
-- Columns: id, type, status, date_start, date_end, precision, basis, edtf, date_text, date_from
-- (the claim the date came from), window_start, window_end, place_id, confidence, founded_by,
-- first_reported, n_claims, n_docs.
CREATE OR REPLACE MACRO canonical_events(as_of) AS TABLE
WITH c AS (
    SELECT m.*,
           CASE m.basis WHEN 'explicit' THEN 0 WHEN 'relative' THEN 1 WHEN 'inferred_year' THEN 1
                        WHEN 'named_event' THEN 2 WHEN 'document_date' THEN 3 ELSE 4 END AS rank,
           CASE WHEN m.date_start IS NULL THEN 1000000 ELSE date_diff('day', m.date_start, m.date_end) END AS span,
           coalesce(m.reported, DATE '9999-12-31') AS reported_key,
           count(*) OVER (PARTITION BY m.event_id, m.place_id) AS place_n,
           min(m.founding_ord) OVER (PARTITION BY m.event_id, m.place_id) AS place_first
    FROM (SELECT *, row_number() OVER (ORDER BY reported NULLS LAST, doc_id, start, seq, id) AS founding_ord
          FROM mentions) m
    WHERE m.event_id IS NOT NULL AND (as_of IS NULL OR m.reported <= CAST(as_of AS DATE))
),
best AS (
    SELECT event_id, arg_min(id, (rank, span, reported_key, doc_id, start, seq)) AS best_id
    FROM c WHERE date_start IS NOT NULL GROUP BY event_id
),
chosen AS (
    SELECT b.event_id,
           coalesce(arg_min(r.id, (r.span, r.rank, r.reported_key, r.doc_id, r.start, r.seq)), b.best_id) AS date_id
    FROM best b
    JOIN c bc ON bc.id = b.best_id
    LEFT JOIN c r ON r.event_id = b.event_id AND r.rank < 3 AND r.span < bc.span
                 AND r.date_start >= bc.date_start AND r.date_end <= bc.date_end
    GROUP BY b.event_id, b.best_id
),
agg AS (
    SELECT event_id,
           CASE WHEN bool_or(type = 'signing') THEN 'signing' ELSE min(type) END AS type,
           CASE WHEN bool_or(status = 'occurred' AND NOT cancelled) THEN 'occurred' ELSE 'planned' END AS status,
           -- the most named place; a tie goes to the one named first (mode() breaks ties by chance)
           arg_max(place_id, (place_n, -place_first)) FILTER (WHERE place_id IS NOT NULL) AS place_id,
           arg_min(window_start, (reported_key, doc_id, start, seq)) FILTER (WHERE window_start IS NOT NULL) AS window_start,
           arg_min(window_end, (reported_key, doc_id, start, seq)) FILTER (WHERE window_start IS NOT NULL) AS window_end,
           least(0.99, round(max(confidence) + 0.05 * (count(DISTINCT doc_id) - 1), 2)) AS confidence,
           arg_min(id, (reported_key, doc_id, start, seq)) AS founded_by,
           min(reported) AS first_reported,
           count(*) AS n_claims,
           count(DISTINCT doc_id) AS n_docs
    FROM c GROUP BY event_id
)
SELECT a.event_id AS id, a.type, a.status, d.date_start, d.date_end, d.precision,
       coalesce(d.basis, 'undated') AS basis, d.edtf, d.date_text, d.id AS date_from,
       a.window_start, a.window_end, a.place_id, a.confidence, a.founded_by, a.first_reported,
       a.n_claims, a.n_docs
FROM agg a
LEFT JOIN chosen ch ON ch.event_id = a.event_id
LEFT JOIN c d ON d.id = ch.date_id;
