-- Every source of every canonical event: one row per mention (the source's claim).
-- Read by export_events, the event page and users asking "who reported what".
--   event_id, mention_id, doc, lang, quote, start, "end", url, source, title,
--   reported (the document's reference date), date_start, date_end, precision, basis,
--   date_text, status, cancelled (told as called off), value, unit, period (its quantity),
--   mirror_of, seq (the mention's order in its document)
CREATE OR REPLACE VIEW event_sources AS
SELECT m.event_id, m.id AS mention_id, m.doc_id AS doc, m.lang, m.quote, m.start, m."end",
       d.url, d.source, d.title, m.reported, m.date_start, m.date_end, m.precision, m.basis,
       m.date_text, m.status, m.cancelled, q.value, q.unit, q.period, d.mirror_of, m.seq
FROM mentions m
JOIN documents d ON d.id = m.doc_id
LEFT JOIN quantities q ON q.mention_id = m.id
WHERE m.event_id IS NOT NULL;
