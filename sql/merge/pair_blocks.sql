-- Blocking for the merge: pairs (a, b) of mention ords, a founded before b, that MAY be one
-- happening; sql/merge/candidate_pairs.sql then applies the rules to these pairs only. Reads
-- `_part`: the mentions of one type family (timeline/store/merge.py runs it per family). Every
-- key is an equality, so DuckDB runs this as hash joins (spilling to disk when it must) instead
-- of comparing every two mentions of a type.
--
-- The blocks must hold every pair the rules can accept that the clustering uses (a superset;
-- tests/test_parallel.py checks this against the rules run over all pairs):
--   * same document: every two mentions of one family (small: a document's mentions).
--   * across documents (same type, both dated by their text), a probe row of a meets a build row of b when
--     they share all three of:
--       type;
--       time and status: b's start month is from the month before a's start to a's end month
--             (the bucket rule, less what cannot overlap; the month after too where a is
--             day-precise, for "up to 2 days apart"), same status; for two day dates, b's day is
--             within 2 days of a's, same status; for two day-precise ones of any status, the
--             same start day (a planned day that the occurred mention happened on).
--             Classes keep these apart: D (day-day), X (a not a day: any b), N (a a day, b not),
--             S (same start day, status free): 39% fewer blocks at 1M mentions than months alone;
--       actors: a token. actors_agree (sql/macros/actors_agree.sql) needs one of: a shared
--             person ('p:'); when not both name people, a shared country ('c:', not between two
--             sides naming people); when not both name people nor both countries, the same
--             place ('pl:', by the class of what each names). A probe token of a meets the
--             build token of b with the same text.
WITH dated AS (
    SELECT ord, type, status, doc_n, day, precision = 'day' AS day_precise, precision = 'day' AND date_start = date_end AS is_day,
           bucket, bucket_end, people, countries, place_id,
           len(people) > 0 AS has_p, len(countries) > 0 AS has_c
    -- a weak mention (dated by its document, or undated) joins only within its own document
    -- (timeline/store/merge.py, cluster): its pairs across documents are never used
    FROM _part WHERE date_start IS NOT NULL AND basis NOT IN ('document_date', 'undated')
),
tokens AS (  -- (ord, probe, build): the texts a probe of this mention and a build of it carry
    SELECT ord, t.probe, t.build FROM (
        SELECT ord, unnest(
               list_transform(people, lambda p: {'probe': 'p:' || p, 'build': 'p:' || p})
            || flatten(list_transform(countries, lambda c:
                   [{'probe': 'c:' || c || ':N', 'build': CASE WHEN has_p THEN NULL ELSE 'c:' || c || ':N' END},
                    {'probe': CASE WHEN has_p THEN NULL ELSE 'c:' || c || ':P' END,
                     'build': CASE WHEN has_p THEN 'c:' || c || ':P' END}]))
            || CASE WHEN place_id IS NULL THEN []
                    ELSE list_transform(['00', '01', '10', '11'], lambda k:
                         {'probe': CASE WHEN (k[1] = '0' OR NOT has_p) AND (k[2] = '0' OR NOT has_c)
                                        THEN 'pl:' || place_id || ':' || k END,
                          'build': CASE WHEN k = (CASE WHEN has_p THEN '1' ELSE '0' END || CASE WHEN has_c THEN '1' ELSE '0' END)
                                        THEN 'pl:' || place_id || ':' || k END}) END
        ) AS t FROM dated
    )
),
build_time AS (  -- (ord, class, key, status) of b
    SELECT ord, 'D' AS cls, day AS k, status FROM dated WHERE is_day
    UNION ALL SELECT ord, 'S', day, NULL FROM dated WHERE day_precise
    UNION ALL SELECT ord, c.cls, bucket, status FROM dated JOIN (VALUES ('X'), ('N')) c(cls) ON c.cls = 'X' OR NOT is_day
),
probe_time AS (  -- (ord, class, key, status) of a
    SELECT ord, 'D' AS cls, day + unnest([-2, -1, 0, 1, 2]) AS k, status FROM dated WHERE is_day
    UNION ALL SELECT ord, 'S', day, NULL FROM dated WHERE day_precise
    UNION ALL
    SELECT ord, CASE WHEN is_day THEN 'N' ELSE 'X' END, unnest(range(bucket - 1, bucket_end + 1 + day_precise::INT)), status
    FROM dated
),
build AS (
    SELECT d.ord, d.doc_n, hash(d.type, bt.cls, bt.k, bt.status, t.build) AS key
    FROM dated d JOIN build_time bt USING (ord) JOIN tokens t USING (ord) WHERE t.build IS NOT NULL
),
probe AS (
    SELECT d.ord, d.doc_n, hash(d.type, pt.cls, pt.k, pt.status, t.probe) AS key
    FROM dated d JOIN probe_time pt USING (ord) JOIN tokens t USING (ord) WHERE t.probe IS NOT NULL
)
SELECT DISTINCT a, b FROM (
    SELECT p.ord AS a, b.ord AS b FROM probe p JOIN build b ON b.key = p.key AND p.ord < b.ord AND p.doc_n <> b.doc_n
    UNION ALL
    SELECT a.ord, b.ord FROM _part a JOIN _part b ON b.doc_n = a.doc_n AND b.fam = a.fam AND a.ord < b.ord
)
