-- Dated events per month and type, for the chart above the chronology (static/chart-months.svg).
--   month (first day of the month of date_start), type, events
CREATE OR REPLACE VIEW site_event_months AS
SELECT date_trunc('month', date_start)::DATE AS month, type, count(*) AS events
FROM site_event
WHERE date_start IS NOT NULL
GROUP BY ALL
ORDER BY month, type;
