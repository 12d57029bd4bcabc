-- Which events each actor takes part in, in chronological order: the actor pages list
-- these rows' events (looked up in site_chronology by event_id).
--   actor_id, actor_slug, event_id, role
-- Stored at the end of every write (sql/stored/6_site_actor_events.sql), in this order.
CREATE OR REPLACE VIEW site_actor_events AS
SELECT * FROM stored_site_actor_events;
