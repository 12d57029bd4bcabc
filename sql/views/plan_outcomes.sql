-- Every plan with its state and the outcome that fulfils it, as all sources tell it now
-- (rules in sql/macros/plan_links.sql). Read by the export, the event pages, the plans page and
-- examples/plan_lag.py.
--   plan_id, type, window_start, window_end, plan_state, fulfilled_by, rescheduled_by, lag_days,
--   plan_summary, outcome_summary, outcome_date
CREATE OR REPLACE VIEW plan_outcomes AS
SELECT pl.*, p.summary AS plan_summary, o.summary AS outcome_summary, o.date_start AS outcome_date
FROM plan_links(NULL) pl
JOIN events p ON p.id = pl.plan_id
LEFT JOIN events o ON o.id = pl.fulfilled_by;
