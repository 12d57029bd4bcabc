-- The chronology's rows, oldest first, undated last: what every listing page shows of an
-- event (the front page, oldest.html, year, type, actor and undated pages).
--   id, slug, type, status, date_start, date_end, precision, year, month, place, summary,
--   period (the group it is listed under within its year: 1-12 its month, 0 the year as a
--   whole for dates coarser than a month: a quarter, half, season, part of the year, the year),
--   actors (list of {slug, name, kind}), countries, langs,
--   search (lower-case text the search box matches: summary, quotes, actor names)
CREATE OR REPLACE VIEW site_chronology AS
SELECT id, slug, type, status, date_start, date_end, precision, year, month, place, summary,
       CASE WHEN precision IN ('day', 'week', 'part_of_month', 'month') THEN month ELSE 0 END AS period,
       list_transform(actors, lambda a: {'slug': a.slug, 'name': a.name, 'kind': a.kind}) AS actors,
       countries, langs,
       lower(concat_ws(' ', summary, place,
                       list_aggregate(list_transform(actors, lambda a: a.name || ' ' || a.id), 'string_agg', ' '),
                       list_aggregate(list_transform(sources, lambda s: left(s.quote, 160)), 'string_agg', ' '))) AS search
FROM site_event
ORDER BY year NULLS LAST, period, date_start, date_end, type, id;
