-- The names a summary gives an event's parties: its people if it names any, else its
-- organisations, else its countries (agents first, then by name); the actors it only
-- mentions are left out. Used by event_summary's callers.
--   summary_names()         every event's (event_id, names) at once: the merge writes all events
--                           with one grouped query (a subquery per event cost minutes at 1M events)
--   summary_names(event id) one event's names ([] when it has none)
CREATE OR REPLACE MACRO summary_names() AS TABLE
SELECT event_id, list(name ORDER BY role_rank, name) AS names
FROM (
    SELECT ea.event_id, a.name,
           CASE ea.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 ELSE 2 END AS role_rank,
           CASE a.kind WHEN 'person' THEN 0 WHEN 'organisation' THEN 1 ELSE 2 END AS kind_rank,
           min(kind_rank) OVER (PARTITION BY ea.event_id) AS top_kind
    FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    WHERE ea.role <> 'mentioned'
)
WHERE kind_rank = top_kind
GROUP BY event_id;
CREATE OR REPLACE MACRO summary_names(p_event) AS (
    SELECT coalesce(any_value(names), []) FROM summary_names() WHERE event_id = p_event
);
