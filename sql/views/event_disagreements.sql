-- Fields on which an event's sources cannot all be right (spec, "Claims"): one row per event and
-- field, with each version and the documents that tell it. Mirrors (syndicated copies) count once.
--   event_id, field (date | quantity | status), "values" (list of {value, docs})
-- date      two claims of day precision whose dates do not overlap (document-dated claims never count)
-- quantity  two values of one unit and period that differ by more than half the rounding unit of
--           the less precise one (1.06 vs 1.6 million tonnes; 1.06 and 1.1 million agree)
-- status    one source reports it done, another reports it called off
-- Read by the export (`disagreements`), the event page ("Sources differ") and the disputes page.
CREATE OR REPLACE VIEW event_disagreements AS
WITH c AS (
    SELECT m.event_id, m.doc_id, m.date_start, m.date_end, m.precision, m.basis, m.status, m.cancelled,
           q.value, q.unit, q.period
    FROM mentions m
    JOIN documents d ON d.id = m.doc_id
    LEFT JOIN quantities q ON q.mention_id = m.id
    WHERE m.event_id IS NOT NULL AND d.mirror_of IS NULL
),
days AS (
    SELECT * FROM c WHERE precision = 'day' AND basis NOT IN ('document_date', 'undated')
),
date_disputed AS (
    SELECT DISTINCT a.event_id FROM days a JOIN days b ON a.event_id = b.event_id AND a.date_end < b.date_start
),
qty AS (
    SELECT *, list_max([p FOR p IN range(-3, 13) IF abs(value / pow(10, p) - round(value / pow(10, p))) < 1e-6]) AS rounding
    FROM c WHERE value IS NOT NULL AND value > 0
),
qty_disputed AS (
    SELECT DISTINCT a.event_id, a.unit, a.period
    FROM qty a JOIN qty b ON a.event_id = b.event_id AND a.unit = b.unit
         AND a.period IS NOT DISTINCT FROM b.period AND a.value < b.value
         AND b.value - a.value > pow(10, greatest(a.rounding, b.rounding)) / 2
),
versions AS (
    SELECT event_id, 'date' AS field, strftime(date_start, '%Y-%m-%d') AS value, doc_id
    FROM days WHERE event_id IN (SELECT event_id FROM date_disputed)
    UNION ALL
    SELECT q.event_id, 'quantity', CAST(q.value AS VARCHAR) || ' ' || q.unit || coalesce('/' || q.period, ''), q.doc_id
    FROM qty q JOIN qty_disputed d ON d.event_id = q.event_id AND d.unit = q.unit AND d.period IS NOT DISTINCT FROM q.period
    UNION ALL
    SELECT event_id, 'status', CASE WHEN cancelled THEN 'called off' ELSE status END, doc_id
    FROM c WHERE event_id IN (SELECT event_id FROM c GROUP BY event_id
                              HAVING bool_or(cancelled) AND bool_or(status = 'occurred' AND NOT cancelled))
)
SELECT event_id, field, list({'value': value, 'docs': docs} ORDER BY value) AS "values"
FROM (SELECT event_id, field, value, list(DISTINCT doc_id ORDER BY doc_id) AS docs FROM versions GROUP BY ALL)
GROUP BY event_id, field;
