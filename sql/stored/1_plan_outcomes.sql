-- The rows of the view plan_outcomes (sql/views/plan_outcomes.sql), stored at the end of every write.
SELECT pl.*, p.summary AS plan_summary, o.summary AS outcome_summary, o.date_start AS outcome_date
FROM plan_links(NULL) pl
JOIN events p ON p.id = pl.plan_id
LEFT JOIN events o ON o.id = pl.fulfilled_by;
