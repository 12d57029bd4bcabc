-- Dated events as TimelineJS slides (timeline.json): start and end at the event's precision
-- (a day gives year, month and day; a month or part of one, year and month; a year, the year),
-- in date order (site_event's stored order).
--   id, slug, type, summary, date_start, date_end, precision,
--   start_date, end_date ({year, month, day}, fields null above the precision)
CREATE OR REPLACE VIEW site_timelinejs AS
SELECT id, slug, type, summary, date_start, date_end, precision,
       {'year': year(date_start),
        'month': CASE WHEN precision NOT IN ('year', 'part_of_year') THEN month(date_start) END,
        'day': CASE WHEN precision IN ('day', 'week') THEN day(date_start) END} AS start_date,
       CASE WHEN date_end IS NOT NULL AND date_end <> date_start AND precision NOT IN ('year', 'month') THEN
       {'year': year(date_end),
        'month': CASE WHEN precision NOT IN ('year', 'part_of_year') THEN month(date_end) END,
        'day': CASE WHEN precision IN ('day', 'week', 'part_of_month') THEN day(date_end) END} END AS end_date
FROM site_event
WHERE date_start IS NOT NULL;
