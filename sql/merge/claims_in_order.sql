-- Every mention in founding order (earliest reported, then document, then offset), with the
-- event it belonged to before this merge. Read by timeline/store/merge.py.
SELECT id, event_id
FROM mentions
ORDER BY reported NULLS LAST, doc_id, start, seq;
