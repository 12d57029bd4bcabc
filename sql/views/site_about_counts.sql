-- The numbers on the about page: one row.
--   events, dated, undated, occurred, planned, documents, sources (mentions behind events),
--   actors, places, languages (list of {lang, documents}), first_date, last_date, newest_report
CREATE OR REPLACE VIEW site_about_counts AS
SELECT (SELECT count(*) FROM events) AS events,
       (SELECT count(*) FROM events WHERE date_start IS NOT NULL) AS dated,
       (SELECT count(*) FROM events WHERE date_start IS NULL) AS undated,
       (SELECT count(*) FROM events WHERE status = 'occurred') AS occurred,
       (SELECT count(*) FROM events WHERE status = 'planned') AS planned,
       (SELECT count(*) FROM documents) AS documents,
       (SELECT count(*) FROM mentions WHERE event_id IS NOT NULL) AS sources,
       (SELECT count(DISTINCT actor_id) FROM event_actors) AS actors,
       (SELECT count(DISTINCT place_id) FROM events) AS places,
       (SELECT coalesce(list({'lang': lang, 'documents': n} ORDER BY n DESC, lang), [])
          FROM (SELECT lang, count(*) AS n FROM documents GROUP BY lang)) AS languages,
       (SELECT min(date_start) FROM events) AS first_date,
       (SELECT max(date_end) FROM events) AS last_date,
       (SELECT max(ref_date) FROM documents) AS newest_report;
