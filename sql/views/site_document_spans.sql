-- The evidence spans of each document, one row per distinct span, in text order: the
-- document page marks each with <mark id="{anchor}"> and lists the events it tells.
--   doc, start, "end" (code point offsets in documents.text), anchor (the page's fragment id),
--   quote (the span's text: what a `--text quotes` site publishes instead of the whole text),
--   events (list of {slug, type, summary})
CREATE OR REPLACE VIEW site_document_spans AS
WITH pairs AS (
    SELECT DISTINCT m.doc_id, m.start, m."end", m.quote, e.id, e.type, e.summary
    FROM mentions m
    JOIN events e ON e.id = m.event_id
)
SELECT doc_id AS doc, start, "end", 's' || start || '-' || "end" AS anchor, first(quote ORDER BY length(quote) DESC) AS quote,
       list({'slug': site_slug(id), 'type': type, 'summary': summary} ORDER BY id) AS events
FROM pairs
GROUP BY doc_id, start, "end"
ORDER BY doc, start, "end";
