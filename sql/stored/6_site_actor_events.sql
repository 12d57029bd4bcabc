-- The rows of the view site_actor_events (sql/views/site_actor_events.sql), in its order: stored
-- at the end of every write.
SELECT ea.actor_id, site_slug(ea.actor_id) AS actor_slug, ea.event_id, ea.role
FROM event_actors ea
JOIN events e ON e.id = ea.event_id
ORDER BY ea.actor_id, e.date_start NULLS LAST, e.date_end, e.type, e.id;
