-- The rows of the view export_events (sql/views/export_events.sql), stored at the end of every write.
WITH actor_lists AS (
    SELECT ea.event_id,
           list({'id': a.id, 'name': a.name, 'kind': a.kind, 'role': ea.role, 'provisional': a.provisional}
                ORDER BY CASE ea.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 WHEN 'target' THEN 2 ELSE 3 END, a.id) AS actors
    FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    GROUP BY ea.event_id
),
source_lists AS (
    SELECT event_id,
           list({'doc': doc, 'lang': lang, 'quote': quote, 'start': start, 'end': "end", 'url': url, 'mirror_of': mirror_of}
                ORDER BY reported NULLS LAST, doc, start, seq) AS sources,
           list({'doc': doc, 'date_start': date_start, 'date_end': date_end, 'precision': precision,
                 'basis': basis, 'date_text': date_text, 'status': status, 'reported': reported,
                 'value': value, 'unit': unit, 'period': period, 'quote': quote}
                ORDER BY reported NULLS LAST, doc, start, seq) AS claims,
           first({'value': value, 'unit': unit, 'period': period} ORDER BY value IS NULL, reported NULLS LAST, doc, start, seq)
               FILTER (WHERE value IS NOT NULL) AS quantity
    FROM event_sources
    GROUP BY event_id
)
SELECT e.id, e.type, e.status, e.date_start, e.date_end, e.precision, e.edtf, e.basis, e.date_text,
       coalesce(al.actors, []) AS actors, p.name AS place, e.summary, e.confidence,
       sl.sources, sl.quantity, sl.claims,
       coalesce(dl.disagreements, []) AS disagreements,
       po.plan_state,
       CASE WHEN po.window_start IS NOT NULL THEN {'start': po.window_start, 'end': po.window_end} END AS plan_window,
       po.fulfilled_by, po.rescheduled_by, coalesce(fl.fulfills, []) AS fulfills, po.lag_days,
       coalesce(ec.corrections, []) AS corrections, coalesce(ec.rejected, false) AS rejected
FROM events e
LEFT JOIN actor_lists al ON al.event_id = e.id
LEFT JOIN source_lists sl ON sl.event_id = e.id
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN (SELECT event_id, list({'field': field, 'values': "values"} ORDER BY field) AS disagreements
           FROM event_disagreements GROUP BY event_id) dl ON dl.event_id = e.id
LEFT JOIN plan_outcomes po ON po.plan_id = e.id
LEFT JOIN (SELECT fulfilled_by, list(plan_id ORDER BY plan_id) AS fulfills FROM plan_outcomes
           WHERE fulfilled_by IS NOT NULL GROUP BY fulfilled_by) fl ON fl.fulfilled_by = e.id
LEFT JOIN event_corrections ec ON ec.event_id = e.id
-- in date order: the listings and downloads that read it in that order need not sort a million rows
ORDER BY e.date_start NULLS LAST, e.id;
