-- The rows of the view site_actors (sql/views/site_actors.sql), in its order: stored at the end of
-- every write.
SELECT a.id, site_slug(a.id) AS slug, a.name, a.kind, a.country, a.provisional,
       count(DISTINCT e.id) AS events, min(e.date_start) AS first_date, max(e.date_end) AS last_date
FROM actors a
JOIN event_actors ea ON ea.actor_id = a.id
JOIN events e ON e.id = ea.event_id
GROUP BY a.id, a.name, a.kind, a.country, a.provisional
ORDER BY events DESC, lower(a.name), a.id;
