-- Every mention in founding order (earliest reported, then document, then offset), with the
-- event it belonged to before this merge, its document and the basis of its date. Read by timeline/store/merge.py.
SELECT id, event_id, doc_id, basis
FROM mentions
ORDER BY reported NULLS LAST, doc_id, start, seq;
