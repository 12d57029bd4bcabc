-- Pairs of mentions that may tell the same happening (spec, "One event per happening").
-- Blocked by type and month (with its neighbours), so DuckDB runs it as a hash join
-- over millions of mentions. Read by timeline/store/merge.py, which clusters the pairs.
--   a, b                 mention ids, a founded before b (reported, document, offset)
-- Rules (thresholds documented in ARCHITECTURE.md, "Merging"):
--   type     the same; an agreement joins a signing of the same document (one happening told twice)
--   status   the same, or a planned day that the occurred mention happened on
--   dates    intervals overlap; across documents two day dates up to 2 days apart also join
--            (they then disagree); an undated mention joins only within its own document
--   actors   the people and bodies one names are all named by the other, or they share one
--            and their countries agree; where one names none, the countries one names are
--            all named by the other; where neither names any actor, they share the place
WITH keyed AS (
    SELECT m.id, m.doc_id, m.type, m.status, m.date_start, m.date_end, m.precision, m.place_id,
           row_number() OVER (ORDER BY m.reported NULLS LAST, m.doc_id, m.start, m.seq) AS ord,
           coalesce(list_sort(list(DISTINCT a.id) FILTER (WHERE a.kind <> 'country')), []) AS people,
           coalesce(list_sort(list(DISTINCT a.id) FILTER (WHERE a.kind = 'country')), []) AS countries,
           CASE WHEN m.date_start IS NULL THEN NULL
                ELSE year(m.date_start) * 12 + month(m.date_start) END AS bucket,
           CASE WHEN m.date_end IS NULL THEN NULL
                ELSE year(m.date_end) * 12 + month(m.date_end) END AS bucket_end
    FROM mentions m
    LEFT JOIN mention_actors ma ON ma.mention_id = m.id
    LEFT JOIN actors a ON a.id = ma.actor_id
    GROUP BY ALL
),
family AS (
    SELECT *, CASE WHEN type IN ('agreement', 'signing') THEN 'signing' ELSE type END AS fam FROM keyed
)
SELECT a.id AS a, b.id AS b
FROM family a
JOIN family b
  ON a.fam = b.fam AND a.ord < b.ord
 AND (a.type = b.type OR a.doc_id = b.doc_id)
 AND (
      (a.date_start IS NULL OR b.date_start IS NULL) AND a.doc_id = b.doc_id
   OR b.bucket BETWEEN a.bucket - 1 AND a.bucket_end + 1
      AND (a.date_start <= b.date_end AND b.date_start <= a.date_end
           OR a.doc_id <> b.doc_id AND a.precision = 'day' AND b.precision = 'day'
              AND abs(date_diff('day', a.date_start, b.date_start)) <= 2)
 )
WHERE (a.status = b.status
       OR a.precision = 'day' AND b.precision = 'day' AND a.date_start = b.date_start)
  AND CASE
        WHEN len(a.people) > 0 AND len(b.people) > 0 THEN
             list_has_all(a.people, b.people) OR list_has_all(b.people, a.people)
             OR (list_has_any(a.people, b.people)
                 AND (list_has_all(a.countries, b.countries) OR list_has_all(b.countries, a.countries)))
        WHEN len(a.countries) > 0 OR len(b.countries) > 0 THEN
             list_has_all(a.countries, b.countries) OR list_has_all(b.countries, a.countries)
        ELSE a.place_id IS NOT DISTINCT FROM b.place_id
      END
ORDER BY b.id, a.id
