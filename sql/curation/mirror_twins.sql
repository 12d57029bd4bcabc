-- Each mention of a copy (documents.mirror_of set) and the event of its twin in the original:
-- the original's mention of the same type with the same quote, else the nearest in order.
-- Read by timeline/curation/apply.py, which moves the copy's mention to that event so that a
-- copy never founds or splits an event of its own.
--   id (the copy's mention), event_id (where it is now), twin_event (where its twin is)
WITH mm AS (
    SELECT m.id, m.event_id, m.type, m.quote, m.seq, m.start, d.mirror_of
    FROM mentions m JOIN documents d ON d.id = m.doc_id
    WHERE d.mirror_of IS NOT NULL
)
SELECT mm.id, any_value(mm.event_id) AS event_id,
       arg_min(o.event_id, (o.quote <> mm.quote, abs(o.seq - mm.seq), abs(o.start - mm.start), o.id)) AS twin_event
FROM mm
JOIN mentions o ON o.doc_id = mm.mirror_of AND o.type = mm.type AND o.event_id IS NOT NULL
GROUP BY mm.id
