-- Permalinks of removed events (issue 12, "Removal"): each removed event, and each old alias
-- that led to it, with when and why it was removed, for the page that says so.
--   id, slug, event_id (the removed event), removed_at, reason
CREATE OR REPLACE VIEW removed_event_pages AS
SELECT r.id, site_slug(r.id) AS slug, r.id AS event_id, r.removed_at, r.reason
FROM removed_events r
WHERE r.id NOT IN (SELECT id FROM events)
UNION ALL
SELECT a.alias, site_slug(a.alias), r.id, r.removed_at, r.reason
FROM event_aliases a JOIN removed_events r ON r.id = a.event_id
WHERE a.alias NOT IN (SELECT id FROM events) AND r.id NOT IN (SELECT id FROM events);
