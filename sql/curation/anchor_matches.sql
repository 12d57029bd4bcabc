-- Where each correction's anchor mentions are now: the mention with the same id, else one of the
-- same document and type whose span overlaps it most (a re-extraction may move offsets).
-- Read by timeline/curation/apply.py.
--   correction_id, role, anchor (the anchored mention id), mention_id, event_id
SELECT a.correction_id, a.role, a.mention_id AS anchor,
       arg_min(m.id, (m.id <> a.mention_id, -(least(m."end", a."end") - greatest(m.start, a.start)), m.id)) AS mention_id,
       arg_min(m.event_id, (m.id <> a.mention_id, -(least(m."end", a."end") - greatest(m.start, a.start)), m.id)) AS event_id
FROM correction_anchors a
JOIN mentions m ON m.doc_id = a.doc_id
 AND (m.id = a.mention_id OR m.type = a.type AND m.start < a."end" AND a.start < m."end")
WHERE m.event_id IS NOT NULL
GROUP BY a.correction_id, a.role, a.mention_id
