-- The newest 50 dated events, newest first, for the Atom feed (feed.atom).
--   id, slug, type, status, date_start, date_end, precision, summary, updated (newest
--   reference date of its sources, else its start)
CREATE OR REPLACE VIEW site_feed AS
SELECT id, slug, type, status, date_start, date_end, precision, summary,
       coalesce(updated, date_end, date_start) AS updated
FROM site_event
WHERE date_start IS NOT NULL
ORDER BY date_start DESC, date_end DESC, id
LIMIT 50;
