-- Rebuild some events from their mentions after a curation step moved mentions between them
-- (timeline/curation/apply.py), by the rule the merge uses (sql/merge/write_events.sql), inside
-- the caller's transaction. Reads the Arrow table `rb` (id, created_at): the events to rebuild
-- and the creation time each keeps. An id left without mentions is deleted.
DELETE FROM event_actors WHERE event_id IN (SELECT id FROM rb);
INSERT INTO event_actors
    SELECT m.event_id, ma.actor_id,
           arg_min(ma.role, CASE ma.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 WHEN 'target' THEN 2 ELSE 3 END)
    FROM mention_actors ma JOIN mentions m ON m.id = ma.mention_id
    WHERE m.event_id IN (SELECT id FROM rb)
    GROUP BY ALL;
DELETE FROM events WHERE id IN (SELECT id FROM rb);
INSERT INTO events BY NAME
    SELECT ce.* EXCLUDE (first_reported, n_claims, n_docs),
           event_summary(ce.type, ce.status,
               coalesce((SELECT list(a.name ORDER BY ea.role, a.id) FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                         WHERE ea.event_id = ce.id AND ea.role <> 'mentioned'), []),
               p.name) AS summary,
           coalesce(rb.created_at, current_timestamp) AS created_at
    FROM canonical_events(NULL) ce
    JOIN rb ON rb.id = ce.id
    LEFT JOIN places p ON p.id = ce.place_id;
