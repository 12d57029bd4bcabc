-- Every mention as a claim, in founding order (earliest reported, then document, then offset).
-- Read by timeline/store/merge.py; the column order is the Claim record's.
SELECT id, doc_id, type, status, cancelled, date_start, date_end, precision, basis, edtf, date_text,
       window_start, window_end, place_id, confidence, event_id
FROM mentions
ORDER BY reported NULLS LAST, doc_id, start, seq;
