-- The rows of the view site_document_spans (sql/views/site_document_spans.sql), in its order:
-- stored at the end of every write.
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
