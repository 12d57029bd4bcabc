-- The chronology as its sources told it up to day `d` (spec, "Claims"): only claims reported by
-- then, canonical values chosen from those, plans in the state they had that day.
--   the columns of canonical_events, then summary, plan_state, fulfilled_by, rescheduled_by, lag_days
CREATE OR REPLACE MACRO events_as_of(d) AS TABLE
SELECT ce.*, e.summary, pl.plan_state, pl.fulfilled_by, pl.rescheduled_by, pl.lag_days
FROM canonical_events(d) ce
JOIN events e ON e.id = ce.id
LEFT JOIN plan_links(d) pl ON pl.plan_id = ce.id
WHERE d IS NOT NULL;
