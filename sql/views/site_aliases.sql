-- Old event ids joined into another event: their permalinks redirect to the living page.
--   alias, alias_slug, event_id, event_slug
CREATE OR REPLACE VIEW site_aliases AS
SELECT a.alias, site_slug(a.alias) AS alias_slug, a.event_id, site_slug(a.event_id) AS event_slug
FROM event_aliases a
JOIN events e ON e.id = a.event_id
ORDER BY a.alias;
