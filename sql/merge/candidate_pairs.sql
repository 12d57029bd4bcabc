-- Pairs of mentions that may tell the same happening (spec, "One event per happening"): the
-- rules, applied to the blocked pairs of sql/merge/pair_blocks.sql (table `_blocks`) of the
-- working table `_mk` (sql/merge/keys.sql), one type family at a time (table `_part`). Read by
-- timeline/store/merge.py, which clusters them.
--   a, b                 mention ords, a founded before b (reported, document, offset)
-- A rule that lets more pairs through across documents must widen pair_blocks.sql to match
-- (tests/test_parallel.py checks the blocks against these rules run over every pair).
-- Rules (thresholds documented in ARCHITECTURE.md, "Merging"):
--   type     the same; an agreement joins a signing of the same document (one happening told twice)
--   status   the same, or a planned day that the occurred mention happened on
--   dates    intervals overlap; across documents two day dates up to 2 days apart also join
--            (they then disagree); an undated or document-dated mention (a headline, a lead
--            that gives no time) joins only within its own document, and there whatever its date
--   actors   actors_agree (sql/macros/actors_agree.sql); where one names none, the same place.
--            Within one document, meetings with the very same dates are one meeting whoever
--            they name: a text tells one meeting of a day from several angles ("the delegation
--            visited", "the guests were received by", "the talks were attended by").
--   place    strikes, halts, starts and volumes at two different places are two happenings
--   volume   the same period, unit and rate, and figures within a factor of two
WITH r AS (  -- only what the rules read (at 1M mentions the joins carry tens of millions of rows)
    SELECT ord, fam, type, doc_n AS doc_id, status, date_start, date_end, precision, basis, bucket, bucket_end,
           place_id, value, unit, period, people, countries
    FROM _part
),
pa AS MATERIALIZED (  -- the blocked pairs first: joining _part to itself on the rules' terms is quadratic
    SELECT p.b AS b_ord, a.* FROM _blocks p JOIN r a ON a.ord = p.a
)
SELECT a.ord AS a, b.ord AS b
FROM pa a
JOIN r b ON b.ord = a.b_ord
WHERE a.fam = b.fam AND a.ord < b.ord
  AND (a.type = b.type OR a.doc_id = b.doc_id)
  AND (
       (a.date_start IS NULL OR b.date_start IS NULL OR a.basis = 'document_date' OR b.basis = 'document_date')
       AND a.doc_id = b.doc_id
    OR b.bucket BETWEEN a.bucket - 1 AND a.bucket_end + 1
       AND (a.date_start <= b.date_end AND b.date_start <= a.date_end
            OR a.doc_id <> b.doc_id AND a.precision = 'day' AND b.precision = 'day'
               AND abs(date_diff('day', a.date_start, b.date_start)) <= 2)
  )
  AND (a.status = b.status
       OR a.precision = 'day' AND b.precision = 'day' AND a.date_start = b.date_start)
  -- two facilities, ports or routes are two happenings, whoever is named
  AND NOT (a.type IN ('drone_strike', 'supply_halt', 'supply_start', 'volume')
           AND a.place_id IS NOT NULL AND b.place_id IS NOT NULL AND a.place_id <> b.place_id)
  -- one volume is one figure for one period: other periods, units, or figures apart by more
  -- than twice are other volumes (closer figures are one volume whose sources disagree)
  AND (a.type <> 'volume'
       OR a.date_start = b.date_start AND a.date_end = b.date_end
          AND a.unit IS NOT DISTINCT FROM b.unit AND a.period IS NOT DISTINCT FROM b.period
          AND (a.value IS NULL OR b.value IS NULL OR greatest(a.value, b.value) <= 2 * least(a.value, b.value)))
  AND (actors_agree(a.people, a.countries, b.people, b.countries,
                    CASE WHEN a.place_id IS NOT NULL THEN a.place_id = b.place_id END)
       OR a.doc_id = b.doc_id AND a.type = 'meeting'
          AND a.date_start = b.date_start AND a.date_end = b.date_end)
