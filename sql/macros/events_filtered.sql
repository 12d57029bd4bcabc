-- export_events narrowed by the listing filters of every command (spec, "CLI"): each
-- argument NULL for "any". Called with bound parameters: events_filtered(?, ?, ?, ?, ?).
--   p_type    event type;  p_actor  actor id (case-insensitive) or name;  p_lang  a source language
--   p_from    events ending on or after this date;  p_to  events starting on or before it
--   p_include_rejected  (named, default false) also the events a correction rejected
CREATE OR REPLACE MACRO events_filtered(p_type, p_actor, p_lang, p_from, p_to, p_include_rejected := false) AS TABLE
SELECT * FROM export_events
WHERE (p_type IS NULL OR type = p_type)
  AND (p_actor IS NULL OR len(list_filter(actors, lambda a: lower(a.id) = lower(p_actor) OR lower(a.name) = lower(p_actor))) > 0)
  AND (p_lang IS NULL OR len(list_filter(sources, lambda s: s.lang = p_lang)) > 0)
  AND (p_from IS NULL OR date_end >= CAST(p_from AS DATE))
  AND (p_to IS NULL OR date_start <= CAST(p_to AS DATE))
  AND (p_include_rejected OR NOT rejected)
ORDER BY date_start NULLS LAST, id;
