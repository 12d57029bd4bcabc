-- Every actor named by at least one event, for the actor index and the actor pages
-- (actor/index.html, actor/{slug}.html).
--   id, slug, name, kind, country, provisional, events (how many), first_date, last_date
-- Stored at the end of every write (sql/stored/5_site_actors.sql), in this order.
CREATE OR REPLACE VIEW site_actors AS
SELECT * FROM stored_site_actors;
