-- One plain English sentence from an event's fields (spec, "summary"): the named parties, a verb
-- for the type and status, and the place. `names`: summary_names(event id).
CREATE OR REPLACE MACRO event_summary(type, status, names, place) AS
    CASE WHEN type = 'drone_strike' THEN
              'Drone attack' || CASE WHEN len(names) > 0 THEN ' involving ' || array_to_string(names[1:4], ', ') ELSE '' END
              || CASE WHEN place IS NOT NULL THEN ' on ' || place ELSE '' END
         ELSE coalesce(nullif(array_to_string(names[1:4], ', '), ''), 'Unnamed parties') || ' '
              || CASE WHEN status = 'planned' THEN
                     CASE type WHEN 'meeting' THEN 'are to hold talks' WHEN 'signing' THEN 'are to sign a document'
                               WHEN 'agreement' THEN 'are to reach an agreement' WHEN 'supply_start' THEN 'are to start supplies'
                               WHEN 'supply_halt' THEN 'are to halt supplies' WHEN 'statement' THEN 'are to make a statement'
                               WHEN 'volume' THEN 'set a target volume' ELSE 'announced a plan' END
                 ELSE
                     CASE type WHEN 'meeting' THEN 'held talks' WHEN 'signing' THEN 'signed a document'
                               WHEN 'agreement' THEN 'reached an agreement' WHEN 'supply_start' THEN 'started supplies'
                               WHEN 'supply_halt' THEN 'halted supplies' WHEN 'statement' THEN 'made a statement'
                               WHEN 'volume' THEN 'reported a volume' ELSE 'announced a plan' END
                 END
              || CASE WHEN place IS NOT NULL THEN ' in ' || place ELSE '' END
    END;
