-- Each mention with the keys the merge and the plan links compare: the people and bodies it
-- names from the gazetteer (`people`; provisional names, often misread, have no vote), the
-- countries (`countries`, those of named people included), its month bucket and its quantity.
-- The actors are grouped per mention before the join (grouping the joined rows by every mention
-- column cost three times as much), without DISTINCT: (mention_id, actor_id) is a key.
CREATE OR REPLACE MACRO mention_keys() AS TABLE
WITH named AS (  -- per mention: the sorted ids of the people and bodies, and of the countries, it names
    SELECT ma.mention_id,
           list_sort(list(a.id) FILTER (WHERE a.kind <> 'country' AND NOT a.provisional)) AS people,
           list_sort(list(a.id) FILTER (WHERE a.kind = 'country')) AS countries
    FROM mention_actors ma JOIN actors a ON a.id = ma.actor_id
    GROUP BY ma.mention_id
)
SELECT m.id, m.doc_id, m.event_id, m.type, m.status, m.date_start, m.date_end, m.precision, m.place_id, m.reported,
       m.basis, m.ord, q.value, q.unit, q.period,
       coalesce(n.people, []) AS people,
       coalesce(n.countries, []) AS countries,
       year(m.date_start) * 12 + month(m.date_start) AS bucket,
       year(m.date_end) * 12 + month(m.date_end) AS bucket_end
FROM (SELECT *, row_number() OVER (ORDER BY reported NULLS LAST, doc_id, start, seq) AS ord FROM mentions) m
LEFT JOIN quantities q ON q.mention_id = m.id
LEFT JOIN named n ON n.mention_id = m.id;
