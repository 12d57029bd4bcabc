-- The rows of the view site_event: every canonical event with everything its page shows, as all
-- sources tell it. Stored at the end of every write; `timeline build-site --as-of d` computes it
-- again over the record of day d (the events of events_as_of(d), only the claims reported by then,
-- plans in the state they had then: sql/macros/site_as_of.sql stands in for the tables).
-- Events a correction rejected are left out (spec: "left out of the export and the site").
--   id, slug (file name of its page), type, status, date_start, date_end, precision, edtf,
--   basis, date_text, year, month (of date_start; null when undated), place, summary,
--   confidence, quantity ({value, unit, period} or null),
--   actors (list of {id, slug, name, kind, role, provisional, country}),
--   countries (ISO ids of the country actors and of the actors' countries),
--   langs (languages of its sources),
--   sources (list of {doc, doc_slug, anchor, lang, quote, url, url_ok, title, source, reported,
--            date_text, precision, basis, status, value, unit, period, mirror_of}),
--   updated (newest reference date of its sources),
--   disagreements (event_disagreements with each version's sources: list of {field, versions:
--            list of {value, sources: list of {doc, doc_slug, anchor, lang, quote, title, source, reported}}}),
--   disputed_start, disputed_end (the span between the versions of a disputed date; else null),
--   plan ({state, window_start, window_end, fulfilled_slug, outcome_summary, outcome_date, lag_days,
--          rescheduled_slug, rescheduled_summary} for a plan; else null),
--   fulfills (the plans this event fulfils: list of {slug, summary, window_start, window_end, lag_days}),
--   corrections (event_corrections: list of {id, kind, what, value, was, by, why, at})
-- As of a day, a version of a disputed field whose sources were all reported later is left out, and
-- a field left with one version is no dispute on that day.
WITH live AS (
    SELECT * FROM events
    WHERE id NOT IN (SELECT event_id FROM event_corrections WHERE rejected)
),
src AS (
    SELECT * FROM event_sources
),
actor_lists AS (
    SELECT ea.event_id,
           list({'id': a.id, 'slug': site_slug(a.id), 'name': a.name, 'kind': a.kind, 'role': ea.role,
                 'provisional': a.provisional, 'country': a.country}
                ORDER BY CASE ea.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 WHEN 'target' THEN 2 ELSE 3 END, a.id) AS actors,
           list_sort(list_distinct(list(CASE WHEN a.kind = 'country' THEN a.id ELSE a.country END))) AS countries
    FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    GROUP BY ea.event_id
),
source_lists AS (
    -- sorted by list_sort on the leading key fields (an ORDER BY inside list() is much slower)
    SELECT event_id,
           list_transform(list_sort(list({'k': {'r': coalesce(reported, DATE '9999-12-31'), 'd': doc, 's': start}, 'v': {
                 'doc': doc, 'doc_slug': site_slug(doc), 'anchor': 's' || start || '-' || "end", 'lang': lang,
                 'quote': quote, 'url': url, 'url_ok': coalesce(regexp_matches(url, '^https?://[^\s]+$'), false),
                 'title': title, 'source': source, 'reported': reported, 'date_text': date_text,
                 'precision': precision, 'basis': basis, 'status': status,
                 'value': value, 'unit': unit, 'period': period, 'mirror_of': mirror_of}})),
                 lambda x: x.v) AS sources,
           list_sort(list_distinct(list(lang))) AS langs,
           max(reported) AS updated,
           first({'value': value, 'unit': unit, 'period': period} ORDER BY reported NULLS LAST, doc, start)
               FILTER (WHERE value IS NOT NULL) AS quantity
    FROM src
    GROUP BY event_id
),
version_sources AS (
    SELECT v.event_id, v.field, v.value,
           list({'doc': s.doc, 'doc_slug': site_slug(s.doc), 'anchor': 's' || s.start || '-' || s."end",
                 'lang': s.lang, 'quote': s.quote, 'title': s.title, 'source': s.source, 'reported': s.reported}
                ORDER BY s.reported NULLS LAST, s.doc, s.start) AS sources
    FROM (SELECT event_id, field, u.v.value AS value, unnest(u.v.docs) AS doc
          FROM (SELECT event_id, field, unnest("values") AS v FROM event_disagreements) u) v
    JOIN src s ON s.event_id = v.event_id AND s.doc = v.doc
         -- only the claims that tell this version (not the headline beside them, say)
         AND CASE v.field
                 WHEN 'date' THEN s.precision = 'day' AND strftime(s.date_start, '%Y-%m-%d') = v.value
                 WHEN 'quantity' THEN CAST(s.value AS VARCHAR) || ' ' || s.unit || coalesce('/' || s.period, '') = v.value
                 ELSE CASE WHEN s.cancelled THEN 'called off' ELSE s.status END = v.value
             END
    GROUP BY v.event_id, v.field, v.value
),
disputes AS (
    SELECT event_id,
           list({'field': field, 'versions': versions} ORDER BY field) AS disagreements,
           min(lo) AS disputed_start, max(hi) AS disputed_end
    FROM (SELECT event_id, field, list({'value': value, 'sources': sources} ORDER BY value) AS versions,
                 min(CASE WHEN field = 'date' THEN try_cast(value AS DATE) END) AS lo,
                 max(CASE WHEN field = 'date' THEN try_cast(value AS DATE) END) AS hi
          FROM version_sources GROUP BY event_id, field HAVING count(*) > 1)
    GROUP BY event_id
),
plans AS (
    SELECT plan_id, plan_state, window_start, window_end, fulfilled_by, rescheduled_by, lag_days
    FROM plan_outcomes
),
plan_info AS (
    SELECT p.plan_id,
           {'state': p.plan_state, 'window_start': p.window_start, 'window_end': p.window_end,
            'fulfilled_slug': CASE WHEN o.id IS NOT NULL THEN site_slug(o.id) END, 'outcome_summary': o.summary,
            'outcome_date': o.date_start, 'lag_days': p.lag_days,
            'rescheduled_slug': CASE WHEN r.id IS NOT NULL THEN site_slug(r.id) END,
            'rescheduled_summary': r.summary} AS plan
    FROM plans p
    LEFT JOIN live o ON o.id = p.fulfilled_by
    LEFT JOIN live r ON r.id = p.rescheduled_by
),
fulfils AS (
    SELECT p.fulfilled_by AS event_id,
           list({'slug': site_slug(p.plan_id), 'summary': pe.summary, 'window_start': p.window_start,
                 'window_end': p.window_end, 'lag_days': p.lag_days} ORDER BY p.window_start NULLS LAST, p.plan_id) AS fulfills
    FROM plans p JOIN live pe ON pe.id = p.plan_id
    WHERE p.fulfilled_by IS NOT NULL
    GROUP BY p.fulfilled_by
)
SELECT e.id, site_slug(e.id) AS slug, e.type, e.status, e.date_start, e.date_end, e.precision, e.edtf,
       e.basis, e.date_text, year(e.date_start) AS year, month(e.date_start) AS month,
       pl.name AS place, e.summary, e.confidence, sl.quantity,
       coalesce(al.actors, []) AS actors, coalesce(al.countries, []) AS countries,
       coalesce(sl.langs, []) AS langs, coalesce(sl.sources, []) AS sources, sl.updated,
       coalesce(ds.disagreements, []) AS disagreements, ds.disputed_start, ds.disputed_end,
       pi.plan, coalesce(fl.fulfills, []) AS fulfills, coalesce(ec.corrections, []) AS corrections
FROM live e
LEFT JOIN source_lists sl ON sl.event_id = e.id
LEFT JOIN actor_lists al ON al.event_id = e.id
LEFT JOIN places pl ON pl.id = e.place_id
LEFT JOIN disputes ds ON ds.event_id = e.id
LEFT JOIN plan_info pi ON pi.plan_id = e.id
LEFT JOIN fulfils fl ON fl.event_id = e.id
LEFT JOIN event_corrections ec ON ec.event_id = e.id
-- in date order: the listings and downloads that read it in that order need not sort a million rows
ORDER BY e.date_start NULLS LAST, e.id;
