-- Every document, with its text and metadata: the document index and pages
-- (document/index.html, document/{slug}.html).
--   id, slug, title, source, url, url_ok (an http(s) URL, safe to link), lang, published,
--   ref_date, ref_how, mirror_of, mirror_slug, text, mentions, events
CREATE OR REPLACE VIEW site_documents AS
SELECT d.id, site_slug(d.id) AS slug, d.title, d.source, d.url,
       coalesce(regexp_matches(d.url, '^https?://[^\s]+$'), false) AS url_ok,
       d.lang, d.published, d.ref_date, d.ref_how, d.mirror_of,
       CASE WHEN d.mirror_of IS NOT NULL THEN site_slug(d.mirror_of) END AS mirror_slug,
       d.text,
       count(m.id) AS mentions, count(DISTINCT m.event_id) AS events
FROM documents d
LEFT JOIN mentions m ON m.doc_id = d.id AND m.event_id IS NOT NULL
GROUP BY d.id, d.title, d.source, d.url, d.lang, d.published, d.ref_date, d.ref_how, d.mirror_of, d.text
ORDER BY d.ref_date DESC NULLS LAST, d.id;
