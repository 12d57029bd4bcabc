-- Replace the canonical events with the merge's result. Run by timeline/store/merge.py inside
-- the caller's transaction, with the temp tables it makes:
--   _asg (mention id -> event id), _ids (event id -> created_at of an id kept from before),
--   _al (alias -> event id)
-- merge.py runs the statements one at a time (a statement must see the rows of the ones before).
UPDATE mentions SET event_id = _asg.event_id FROM _asg WHERE mentions.id = _asg.id;
DELETE FROM event_actors;
-- an actor's role in the event: the strongest any claim gives it
INSERT INTO event_actors
    SELECT m.event_id, ma.actor_id,
           arg_min(ma.role, CASE ma.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 WHEN 'target' THEN 2 ELSE 3 END)
    FROM mention_actors ma JOIN mentions m ON m.id = ma.mention_id
    GROUP BY ALL;
DELETE FROM events;
INSERT INTO events BY NAME
    SELECT ce.* EXCLUDE (first_reported, n_claims, n_docs),
           event_summary(ce.type, ce.status, coalesce(sn.names, []), p.name) AS summary,
           coalesce(ids.created_at, current_timestamp) AS created_at
    FROM canonical_events(NULL) ce
    LEFT JOIN _ids ids ON ids.id = ce.id
    LEFT JOIN places p ON p.id = ce.place_id
    LEFT JOIN summary_names() sn ON sn.event_id = ce.id;
DELETE FROM event_aliases;
INSERT INTO event_aliases BY NAME SELECT * FROM _al;
