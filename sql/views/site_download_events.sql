-- The events the site offers for download (events.json, events.parquet, written by COPY): the
-- rows of export_events without the events a correction rejected, in date order (export_events'
-- stored order).
--   id, type, status, date_start, date_end, precision, edtf, basis, date_text, actors, place,
--   summary, confidence, sources, quantity, claims, disagreements, plan_state, plan_window,
--   fulfilled_by, rescheduled_by, fulfills, lag_days, corrections
CREATE OR REPLACE VIEW site_download_events AS
SELECT * EXCLUDE (rejected) FROM export_events
WHERE NOT rejected;
