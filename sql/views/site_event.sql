-- One row per canonical event, with everything its page shows. Read by the event pages
-- (event/{slug}.html) and, through site_chronology, by every listing.
--   id, slug (file name of its page), type, status, date_start, date_end, precision, edtf,
--   basis, date_text, year, month (of date_start; null when undated), place, summary,
--   confidence, quantity ({value, unit, period} or null),
--   actors (list of {id, slug, name, kind, role, provisional, country}),
--   countries (ISO ids of the country actors and of the actors' countries),
--   langs (languages of its sources),
--   sources (list of {doc, doc_slug, anchor, lang, quote, url, url_ok, title, source, reported,
--            date_text, precision, basis, status, value, unit, period, mirror_of}),
--   updated (newest reference date of its sources)
CREATE OR REPLACE VIEW site_event AS
WITH actor_lists AS (
    SELECT ea.event_id,
           list({'id': a.id, 'slug': site_slug(a.id), 'name': a.name, 'kind': a.kind, 'role': ea.role,
                 'provisional': a.provisional, 'country': a.country}
                ORDER BY CASE ea.role WHEN 'agent' THEN 0 WHEN 'counterpart' THEN 1 WHEN 'target' THEN 2 ELSE 3 END, a.id) AS actors,
           list_sort(list_distinct(list(CASE WHEN a.kind = 'country' THEN a.id ELSE a.country END))) AS countries
    FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
    GROUP BY ea.event_id
),
source_lists AS (
    SELECT event_id,
           list({'doc': doc, 'doc_slug': site_slug(doc), 'anchor': 's' || start || '-' || "end", 'lang': lang,
                 'quote': quote, 'url': url, 'url_ok': coalesce(regexp_matches(url, '^https?://[^\s]+$'), false),
                 'title': title, 'source': source, 'reported': reported, 'date_text': date_text,
                 'precision': precision, 'basis': basis, 'status': status,
                 'value': value, 'unit': unit, 'period': period, 'mirror_of': mirror_of}
                ORDER BY reported NULLS LAST, doc, start) AS sources,
           list_sort(list_distinct(list(lang))) AS langs,
           max(reported) AS updated,
           first({'value': value, 'unit': unit, 'period': period} ORDER BY reported NULLS LAST, doc, start)
               FILTER (WHERE value IS NOT NULL) AS quantity
    FROM event_sources
    GROUP BY event_id
)
SELECT e.id, site_slug(e.id) AS slug, e.type, e.status, e.date_start, e.date_end, e.precision, e.edtf,
       e.basis, e.date_text, year(e.date_start) AS year, month(e.date_start) AS month,
       p.name AS place, e.summary, e.confidence, sl.quantity,
       coalesce(al.actors, []) AS actors, coalesce(al.countries, []) AS countries,
       coalesce(sl.langs, []) AS langs, coalesce(sl.sources, []) AS sources, sl.updated
FROM events e
LEFT JOIN actor_lists al ON al.event_id = e.id
LEFT JOIN source_lists sl ON sl.event_id = e.id
LEFT JOIN places p ON p.id = e.place_id;
