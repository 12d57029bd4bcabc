-- site_download_events shaped for events.csv (spec: "CSV puts lists as `; `-joined ids and
-- nested objects as JSON text"): actors and sources as `; `-joined ids, other lists and
-- structs as JSON.
--   id, type, status, date_start, date_end, precision, edtf, basis, date_text, actors, place,
--   summary, confidence, sources, quantity, claims, disagreements, plan_state, plan_window,
--   fulfilled_by, rescheduled_by, fulfills, lag_days, corrections
CREATE OR REPLACE VIEW site_download_csv AS
SELECT id, type, status, date_start, date_end, precision, edtf, basis, date_text,
       array_to_string(list_transform(actors, lambda a: a.id), '; ') AS actors, place, summary, confidence,
       array_to_string(list_transform(sources, lambda s: s.doc), '; ') AS sources,
       to_json(quantity)::VARCHAR AS quantity, to_json(claims)::VARCHAR AS claims,
       to_json(disagreements)::VARCHAR AS disagreements, plan_state, to_json(plan_window)::VARCHAR AS plan_window,
       fulfilled_by, rescheduled_by, to_json(fulfills)::VARCHAR AS fulfills, lag_days,
       to_json(corrections)::VARCHAR AS corrections
FROM site_download_events;
