-- The chronology's rows, oldest first, undated last, from site_event_at(d): what every listing
-- page and every page's timeline shows of an event (d NULL: the view site_chronology; a date:
-- `timeline build-site --as-of`).
--   id, slug, type, status, date_start, date_end, precision, year, month, place, summary,
--   period (the group it is listed under within its year: 1-12 its month, 0 the year as a
--   whole for dates coarser than a month: a quarter, half, season, part of the year, the year),
--   actors (list of {slug, name, kind}), countries, langs,
--   disputed_start, disputed_end (the span between the versions of a disputed date, else null),
--   disputed (any field disputed), plan_state (null for what is not a plan), corrected,
--   search (lower-case text the search box matches: summary, quotes, actor names)
CREATE OR REPLACE MACRO site_chronology_at(d) AS TABLE
WITH q AS (
    SELECT event_id, string_agg(left(quote, 160), ' ') AS quotes
    FROM event_sources WHERE d IS NULL OR reported <= CAST(d AS DATE)
    GROUP BY event_id
)
SELECT e.id, e.slug, e.type, e.status, e.date_start, e.date_end, e.precision, e.year, e.month, e.place, e.summary,
       CASE WHEN e.precision IN ('day', 'week', 'part_of_month', 'month') THEN e.month ELSE 0 END AS period,
       list_transform(e.actors, lambda a: {'slug': a.slug, 'name': a.name, 'kind': a.kind}) AS actors,
       e.countries, e.langs, e.disputed_start, e.disputed_end, len(e.disagreements) > 0 AS disputed,
       e.plan.state AS plan_state, len(e.corrections) > 0 AS corrected,
       lower(concat_ws(' ', e.summary, e.place,
                       array_to_string(list_transform(e.actors, lambda a: a.name || ' ' || a.id), ' '),
                       q.quotes)) AS search
FROM site_event_at(d) e
LEFT JOIN q ON q.event_id = e.id
ORDER BY e.year NULLS LAST, period, e.date_start, e.date_end, e.type, e.id;
