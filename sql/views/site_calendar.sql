-- Dated events for the iCalendar file (events.ics): one all-day entry spanning the interval,
-- in date order (site_event's stored order).
--   id, slug, type, status, date_start, date_end (inclusive), precision, summary, place, stamp
CREATE OR REPLACE VIEW site_calendar AS
SELECT id, slug, type, status, date_start, coalesce(date_end, date_start) AS date_end, precision,
       summary, place, coalesce(updated, date_start) AS stamp
FROM site_event
WHERE date_start IS NOT NULL;
