-- The names a summary gives an event's parties: its people if it names any, else its
-- organisations, else its countries (agents first, then by name); the actors it only
-- mentions are left out. Used by event_summary's callers.
CREATE OR REPLACE MACRO summary_names(p_event) AS (
    SELECT coalesce(list(name ORDER BY role_rank, name), [])
    FROM (
        SELECT a.name, a.kind,
               CASE ea.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 ELSE 2 END AS role_rank,
               min(CASE a.kind WHEN 'person' THEN 0 WHEN 'organisation' THEN 1 ELSE 2 END) OVER () AS top_kind,
               CASE a.kind WHEN 'person' THEN 0 WHEN 'organisation' THEN 1 ELSE 2 END AS kind_rank
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id = p_event AND ea.role <> 'mentioned'
    ) WHERE kind_rank = top_kind
);
