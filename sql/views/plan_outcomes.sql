-- Every plan with its state and the outcome that fulfils it, as all sources tell it now
-- (rules in sql/macros/plan_links.sql). Read by the export, the event pages, the plans page and
-- examples/plan_lag.py. Stored at the end of every write
-- (sql/stored/1_plan_outcomes.sql).
--   plan_id, type, window_start, window_end, plan_state, fulfilled_by, rescheduled_by, lag_days,
--   plan_summary, outcome_summary, outcome_date
CREATE OR REPLACE VIEW plan_outcomes AS
SELECT * FROM stored_plan_outcomes;
