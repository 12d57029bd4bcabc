-- The event types (spec, "Event types") with a label, a description and their counts:
-- the type index and the type pages (type/index.html, type/{type}.html).
--   type, label, description, events, occurred, planned, first_date, last_date
CREATE OR REPLACE VIEW site_types AS
WITH labels(type, label, description, ord) AS (VALUES
    ('meeting', 'Meeting', 'Talks, meetings, visits, negotiations, summits and phone calls between identified parties.', 1),
    ('signing', 'Signing', 'A formal document is signed or concluded: an agreement, contract, roadmap, memorandum or joint statement.', 2),
    ('agreement', 'Agreement', 'Parties agreed or decided something, and no signed document is reported.', 3),
    ('supply_start', 'Supply start', 'Deliveries, exports, imports, transit or flows begin, or a pipeline or route is launched.', 4),
    ('supply_halt', 'Supply halt', 'Supply, export, transit or a facility''s operation is suspended, stopped, cut or reduced.', 5),
    ('drone_strike', 'Drone strike', 'An attack by drones on a facility, territory or target.', 6),
    ('statement', 'Statement', 'A notable public statement, announcement or report by an identified actor.', 7),
    ('plan', 'Plan', 'An announced intention that no other type fits: an initiative, or a decision to create something.', 8),
    ('volume', 'Volume', 'A reported quantity for a stated period: volumes transported, supplied or transited.', 9)
)
SELECT l.type, l.label, l.description, count(e.id) AS events,
       count(e.id) FILTER (WHERE e.status = 'occurred') AS occurred,
       count(e.id) FILTER (WHERE e.status = 'planned') AS planned,
       min(e.date_start) AS first_date, max(e.date_end) AS last_date
FROM labels l
LEFT JOIN events e ON e.type = l.type
GROUP BY l.type, l.label, l.description, l.ord
ORDER BY l.ord;
