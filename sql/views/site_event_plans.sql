-- Every plan with its state and its outcome (plan_outcomes), for the plans page (plans.html):
-- overdue first, then pending, rescheduled and fulfilled; by window within each.
--   id, slug, type, summary, date_start, date_end, precision, state, window_start, window_end,
--   fulfilled_slug, outcome_summary, outcome_date, lag_days, rescheduled_slug, rescheduled_summary
CREATE OR REPLACE VIEW site_event_plans AS
SELECT id, slug, type, summary, date_start, date_end, precision, plan.state AS state,
       plan.window_start AS window_start, plan.window_end AS window_end, plan.fulfilled_slug AS fulfilled_slug,
       plan.outcome_summary AS outcome_summary, plan.outcome_date AS outcome_date, plan.lag_days AS lag_days,
       plan.rescheduled_slug AS rescheduled_slug, plan.rescheduled_summary AS rescheduled_summary
FROM site_event
WHERE plan IS NOT NULL
ORDER BY CASE plan.state WHEN 'overdue' THEN 0 WHEN 'pending' THEN 1 WHEN 'rescheduled' THEN 2 ELSE 3 END,
         plan.window_end NULLS LAST, date_start NULLS LAST, id;
