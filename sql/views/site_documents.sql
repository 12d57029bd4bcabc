-- Every document's metadata, newest first: the document index and pages (document/index.html,
-- document/{slug}.html; their texts are in site_document_texts).
--   id, slug, title, source, url, url_ok (an http(s) URL, safe to link), lang, published,
--   ref_date, ref_how, mirror_of, mirror_slug, mentions, events (behind its mentions)
-- Stored at the end of every write (sql/stored/7_site_documents.sql), in this order.
CREATE OR REPLACE VIEW site_documents AS
SELECT * FROM stored_site_documents;
