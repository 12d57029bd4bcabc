-- Every actor named by at least one event, for the actor index and the actor pages
-- (actor/index.html, actor/{slug}.html).
--   id, slug, name, kind, country, provisional, events (how many), first_date, last_date
CREATE OR REPLACE VIEW site_actors AS
SELECT a.id, site_slug(a.id) AS slug, a.name, a.kind, a.country, a.provisional,
       count(DISTINCT e.id) AS events, min(e.date_start) AS first_date, max(e.date_end) AS last_date
FROM actors a
JOIN event_actors ea ON ea.actor_id = a.id
JOIN events e ON e.id = ea.event_id
GROUP BY a.id, a.name, a.kind, a.country, a.provisional
ORDER BY events DESC, lower(a.name), a.id;
