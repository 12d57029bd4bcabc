-- Store the merge's result: mentions' event ids, events, event_actors, aliases. Run by
-- timeline/store/merge.py inside the caller's transaction, with the temp tables it makes:
--   _asg (mention id -> event id), _ids (event id -> created_at of an id kept from before),
--   _al (alias -> event id)
-- merge.py runs the statements one at a time (a statement must see the rows of the ones before).
-- Only rows that changed are written: a merge after a batch of new documents leaves most events
-- as they were, and rewriting every row of the indexed tables cost more than the whole merge
-- (at 1M mentions: 57 of 100 CPU s in the commit's index updates; a diff is a few seconds).
UPDATE mentions SET event_id = _asg.event_id FROM _asg
WHERE mentions.id = _asg.id AND mentions.event_id IS DISTINCT FROM _asg.event_id;
-- an actor's role in the event: the strongest any claim gives it
CREATE OR REPLACE TEMP TABLE _ea AS
    SELECT m.event_id, ma.actor_id,
           arg_min(ma.role, CASE ma.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 WHEN 'target' THEN 2 ELSE 3 END) AS role
    FROM mention_actors ma JOIN mentions m ON m.id = ma.mention_id
    GROUP BY ALL;
CREATE OR REPLACE TEMP TABLE _ea_new AS SELECT * FROM _ea EXCEPT SELECT event_id, actor_id, role FROM event_actors;
DELETE FROM event_actors o
WHERE NOT EXISTS (SELECT 1 FROM _ea n WHERE n.event_id = o.event_id AND n.actor_id = o.actor_id)
   OR EXISTS (SELECT 1 FROM _ea_new n WHERE n.event_id = o.event_id AND n.actor_id = o.actor_id);
INSERT INTO event_actors BY NAME SELECT * FROM _ea_new;
-- events: their summaries read event_actors as just written
CREATE OR REPLACE TEMP TABLE _ev AS SELECT * FROM events LIMIT 0;
INSERT INTO _ev BY NAME
    SELECT ce.* EXCLUDE (first_reported, n_claims, n_docs),
           event_summary(ce.type, ce.status, coalesce(sn.names, []), p.name) AS summary,
           coalesce(ids.created_at, current_timestamp) AS created_at
    FROM canonical_events(NULL) ce
    LEFT JOIN _ids ids ON ids.id = ce.id
    LEFT JOIN places p ON p.id = ce.place_id
    LEFT JOIN summary_names() sn ON sn.event_id = ce.id;
CREATE OR REPLACE TEMP TABLE _ev_new AS SELECT * FROM _ev EXCEPT SELECT * FROM events;
DELETE FROM events o
WHERE NOT EXISTS (SELECT 1 FROM _ev n WHERE n.id = o.id) OR EXISTS (SELECT 1 FROM _ev_new n WHERE n.id = o.id);
INSERT INTO events SELECT * FROM _ev_new;
DELETE FROM event_aliases o
WHERE NOT EXISTS (SELECT 1 FROM _al n WHERE n.alias = o.alias AND n.event_id = o.event_id);
INSERT INTO event_aliases BY NAME SELECT * FROM _al n
WHERE NOT EXISTS (SELECT 1 FROM event_aliases o WHERE o.alias = n.alias);
