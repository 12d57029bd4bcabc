-- Events per year and month, for the year navigation and the year pages ({year}/index.html).
--   year (null: undated), events, months (list of {month, events}, months with events only)
CREATE OR REPLACE VIEW site_years AS
WITH m AS (
    SELECT year(date_start) AS year, month(date_start) AS month, count(*) AS events
    FROM events GROUP BY ALL
)
SELECT year, sum(events)::BIGINT AS events,
       list({'month': month, 'events': events} ORDER BY month) FILTER (WHERE month IS NOT NULL) AS months
FROM m
GROUP BY year
ORDER BY year NULLS LAST;
