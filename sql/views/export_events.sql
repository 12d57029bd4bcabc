-- The canonical events as `timeline export` writes them (spec, "The export that scorers read"):
-- one row per event, lists as nested structs. Read by the export, db.events() and the site's
-- downloads. Stored at the end of every write (sql/stored/2_export_events.sql).
--   id, type, status, date_start, date_end, precision, edtf, basis, date_text,
--   actors (list of {id, name, kind, role, provisional}), place, summary, confidence,
--   sources (list of {doc, lang, quote, start, end, url}), quantity ({value, unit, period} or null),
--   claims (list, one per source mention), disagreements (list of {field, values}),
--   plan_state, plan_window ({start, end}), fulfilled_by, rescheduled_by, fulfills (plan ids), lag_days,
--   corrections (list of {id, kind, what, value, was, by, why, at}: event_corrections), rejected
CREATE OR REPLACE VIEW export_events AS
SELECT * FROM stored_export_events;
