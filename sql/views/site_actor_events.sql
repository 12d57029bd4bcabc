-- Which events each actor takes part in, in chronological order: the actor pages list
-- these rows' events (looked up in site_chronology by event_id).
--   actor_id, actor_slug, event_id, role
CREATE OR REPLACE VIEW site_actor_events AS
SELECT ea.actor_id, site_slug(ea.actor_id) AS actor_slug, ea.event_id, ea.role
FROM event_actors ea
JOIN events e ON e.id = ea.event_id
ORDER BY ea.actor_id, e.date_start NULLS LAST, e.date_end, e.type, e.id;
