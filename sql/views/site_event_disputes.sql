-- Every event whose sources disagree (event_disagreements), for the disputes page
-- (disputes.html): newest first, undated last.
--   id, slug, type, status, date_start, date_end, precision, summary, disagreements (as in site_event)
CREATE OR REPLACE VIEW site_event_disputes AS
SELECT id, slug, type, status, date_start, date_end, precision, summary, disagreements
FROM site_event
WHERE len(disagreements) > 0
ORDER BY date_start DESC NULLS LAST, id;
