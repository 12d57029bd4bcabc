-- A copy counts once: the confidence of an event with a copy among its sources, counting each
-- original with its copies as one document (sql/macros/canonical_events.sql counts documents).
UPDATE events SET confidence = c.confidence
FROM (SELECT m.event_id,
             least(0.99, round(max(m.confidence) + 0.05 * (count(DISTINCT coalesce(d.mirror_of, d.id)) - 1), 2)) AS confidence
      FROM mentions m JOIN documents d ON d.id = m.doc_id
      WHERE m.event_id IN (SELECT m2.event_id FROM mentions m2 JOIN documents d2 ON d2.id = m2.doc_id
                           WHERE d2.mirror_of IS NOT NULL)
      GROUP BY m.event_id) c
WHERE events.id = c.event_id AND events.confidence <> c.confidence;
