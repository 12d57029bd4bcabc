-- The rows of the view site_documents (sql/views/site_documents.sql), in its order: stored at the
-- end of every write.
WITH counts AS (
    SELECT doc_id, count(*) AS mentions, count(DISTINCT event_id) AS events
    FROM mentions WHERE event_id IS NOT NULL
    GROUP BY doc_id
)
SELECT d.id, site_slug(d.id) AS slug, d.title, d.source, d.url,
       coalesce(regexp_matches(d.url, '^https?://[^\s]+$'), false) AS url_ok,
       d.lang, d.published, d.ref_date, d.ref_how, d.mirror_of,
       CASE WHEN d.mirror_of IS NOT NULL THEN site_slug(d.mirror_of) END AS mirror_slug,
       coalesce(c.mentions, 0) AS mentions, coalesce(c.events, 0) AS events
FROM documents d
LEFT JOIN counts c ON c.doc_id = d.id
ORDER BY d.ref_date DESC NULLS LAST, d.id;
