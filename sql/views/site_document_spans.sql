-- The evidence spans of each document, one row per distinct span, in text order: the
-- document page marks each with <mark id="{anchor}"> and lists the events it tells.
--   doc, start, "end" (code point offsets in documents.text), anchor (the page's fragment id),
--   quote (the span's text: what a `--text quotes` site publishes instead of the whole text),
--   events (list of {slug, type, summary})
-- Stored at the end of every write (sql/stored/8_site_document_spans.sql), in this order.
CREATE OR REPLACE VIEW site_document_spans AS
SELECT * FROM stored_site_document_spans;
