-- The evidence spans of each document, one row per distinct span, in text order: the
-- document page marks each with <mark id="{anchor}"> and lists the events it tells.
--   doc, start, "end" (code point offsets in documents.text), anchor (the page's fragment id),
--   events (list of {slug, type, summary})
CREATE OR REPLACE VIEW site_document_spans AS
SELECT m.doc_id AS doc, m.start, m."end", 's' || m.start || '-' || m."end" AS anchor,
       list(DISTINCT {'slug': site_slug(e.id), 'type': e.type, 'summary': e.summary}) AS events
FROM mentions m
JOIN events e ON e.id = m.event_id
GROUP BY m.doc_id, m.start, m."end"
ORDER BY m.doc_id, m.start, m."end";
