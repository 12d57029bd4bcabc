-- Each mention with the keys the merge and the plan links compare: the people and bodies it
-- names from the gazetteer (`people`; provisional names, often misread, have no vote), the
-- countries (`countries`, those of named people included), its month bucket and its quantity.
CREATE OR REPLACE MACRO mention_keys() AS TABLE
SELECT m.id, m.doc_id, m.event_id, m.type, m.status, m.date_start, m.date_end, m.precision, m.place_id, m.reported,
       m.basis, m.ord, q.value, q.unit, q.period,
       coalesce(list_sort(list(DISTINCT a.id) FILTER (WHERE a.kind <> 'country' AND NOT a.provisional)), []) AS people,
       coalesce(list_sort(list(DISTINCT a.id) FILTER (WHERE a.kind = 'country')), []) AS countries,
       year(m.date_start) * 12 + month(m.date_start) AS bucket,
       year(m.date_end) * 12 + month(m.date_end) AS bucket_end
FROM (SELECT *, row_number() OVER (ORDER BY reported NULLS LAST, doc_id, start, seq) AS ord FROM mentions) m
LEFT JOIN quantities q ON q.mention_id = m.id
LEFT JOIN mention_actors ma ON ma.mention_id = m.id
LEFT JOIN actors a ON a.id = ma.actor_id
GROUP BY ALL;
