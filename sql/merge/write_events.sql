-- Replace the canonical events with the merge's result. Run by timeline/store/merge.py inside
-- the caller's transaction, with the Arrow tables it registers by name:
--   ev (events rows), ea (event_actors rows), asg (mention id -> event id), al (alias -> event id)
DELETE FROM event_actors;
DELETE FROM events;
INSERT INTO events BY NAME
    SELECT * REPLACE (coalesce(created_at, current_timestamp) AS created_at) FROM ev;
INSERT INTO event_actors BY NAME SELECT DISTINCT ON (event_id, actor_id) * FROM ea;
UPDATE mentions SET event_id = asg.event_id FROM asg WHERE mentions.id = asg.id;
DELETE FROM event_aliases;
INSERT INTO event_aliases BY NAME SELECT * FROM al;
