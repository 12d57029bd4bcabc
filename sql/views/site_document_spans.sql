-- The evidence spans of each document, one row per distinct span, in text order: the
-- document page marks each with <mark id="{anchor}"> and lists the events it tells.
--   doc, start, "end" (code point offsets in documents.text), anchor (the page's fragment id),
--   events (list of {slug, type, summary})
CREATE OR REPLACE VIEW site_document_spans AS
WITH pairs AS (
    SELECT DISTINCT m.doc_id, m.start, m."end", e.id, e.type, e.summary
    FROM mentions m
    JOIN events e ON e.id = m.event_id
)
SELECT doc_id AS doc, start, "end", 's' || start || '-' || "end" AS anchor,
       list({'slug': site_slug(id), 'type': type, 'summary': summary} ORDER BY id) AS events
FROM pairs
GROUP BY doc_id, start, "end"
ORDER BY doc, start, "end";
