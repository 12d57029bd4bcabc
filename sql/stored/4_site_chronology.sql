-- The rows of the view site_chronology, oldest first, undated last, from site_event: what every
-- listing page and every page's timeline shows of an event. Stored at the end of every write.
--   id, slug, type, status, date_start, date_end, precision, year, month, place, summary,
--   period (the group it is listed under within its year: 1-12 its month, 0 the year as a
--   whole for dates coarser than a month: a quarter, half, season, part of the year, the year),
--   actors (list of {slug, name, kind}), countries, langs,
--   disputed_start, disputed_end (the span between the versions of a disputed date, else null),
--   disputed (any field disputed), plan_state (null for what is not a plan), corrected,
--   index_entry (its entry in a listing page's search index, JSON: i slug, t type, a actor slugs,
--   c countries, l languages, y year, s the lower-case text the search box matches: summary,
--   place, actor names and ids, quotes)
WITH q AS (
    SELECT event_id, string_agg(left(quote, 160), ' ') AS quotes
    FROM event_sources
    GROUP BY event_id
)
SELECT e.id, e.slug, e.type, e.status, e.date_start, e.date_end, e.precision, e.year, e.month, e.place, e.summary,
       CASE WHEN e.precision IN ('day', 'week', 'part_of_month', 'month') THEN e.month ELSE 0 END AS period,
       list_transform(e.actors, lambda a: {'slug': a.slug, 'name': a.name, 'kind': a.kind}) AS actors,
       e.countries, e.langs, e.disputed_start, e.disputed_end, len(e.disagreements) > 0 AS disputed,
       e.plan.state AS plan_state, len(e.corrections) > 0 AS corrected,
       to_json({'i': e.slug, 't': e.type, 'a': list_transform(e.actors, lambda a: a.slug), 'c': e.countries,
                'l': e.langs, 'y': e.year,
                's': lower(concat_ws(' ', e.summary, e.place,
                                     array_to_string(list_transform(e.actors, lambda a: a.name || ' ' || a.id), ' '),
                                     q.quotes))})::VARCHAR AS index_entry
FROM site_event e
LEFT JOIN q ON q.event_id = e.id
ORDER BY e.year NULLS LAST, period, e.date_start, e.date_end, e.type, e.id;
