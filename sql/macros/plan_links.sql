-- Plans linked to the outcomes that fulfil them (spec, "Claims, disagreements, plans and outcomes"),
-- as the claims reported by `as_of` tell it (NULL: all claims; the newest reference date then
-- stands for "now").
--   plan_id, type, window_start, window_end (null: the plan names no target time),
--   plan_state (fulfilled | pending | overdue | rescheduled), fulfilled_by, rescheduled_by, lag_days
-- Rules:
--   kind      a planned supply_start, supply_halt, meeting or volume by an occurred event of its type;
--             a planned signing or agreement by a signing or an agreement (one family); a `plan`
--             by nothing
--   actors    the countries agree (one's are all named by the other); where either names no
--             country, actors_agree decides. Announcements and outcomes are told by different
--             people (a minister announces, presidents launch), so countries decide first.
--   window    the outcome starts no earlier than 31 days before the window and no later than its
--             end plus the longer of 31 days and the window's length; the one nearest the window's
--             start wins. Without a window: the first outcome dated after the announcement.
--   lag_days  the outcome's start minus the window's end (null without a window)
--   state     fulfilled; else rescheduled when a later-reported plan of the same type with agreeing
--             actors names another window; else pending while the window is not over by `now`
--             (and always without a window); else overdue
CREATE OR REPLACE MACRO plan_parties_agree(people_a, countries_a, place_a, people_b, countries_b, place_b) AS
    CASE WHEN len(countries_a) > 0 AND len(countries_b) > 0
         THEN list_has_all(countries_a, countries_b) OR list_has_all(countries_b, countries_a)
         ELSE actors_agree(people_a, countries_a, people_b, countries_b, place_a IS NOT DISTINCT FROM place_b)
    END;

CREATE OR REPLACE MACRO plan_links(as_of) AS TABLE
WITH ev AS (
    -- family: the kinds that fulfil each other compare as one (signing and agreement), an
    -- equality the outcome join hashes on instead of looping over every plan and outcome
    SELECT ce.*, k.people, k.countries,
           CASE WHEN ce.type IN ('signing', 'agreement') THEN 'signing' ELSE ce.type END AS family,
           year(ce.date_start) * 12 + month(ce.date_start) AS month
    FROM canonical_events(as_of) ce
    JOIN (SELECT event_id,
                 list_sort(list_distinct(flatten(list(people)))) AS people,
                 list_sort(list_distinct(flatten(list(countries)))) AS countries
          FROM mention_keys()
          WHERE event_id IS NOT NULL AND (as_of IS NULL OR reported <= CAST(as_of AS DATE))
          GROUP BY event_id) k ON k.event_id = ce.id
),
now AS (
    SELECT coalesce(CAST(as_of AS DATE), max(ref_date)) AS today FROM documents
),
plans AS (
    SELECT * FROM ev WHERE status = 'planned' AND type <> 'plan'
),
-- each plan's time range where an outcome may fall: the window widened (31 days before; after,
-- the longer of 31 days and the window's length), or the year after the announcement (a plan
-- without a window takes the first outcome after it: looked for further only when none is there)
reach AS (
    SELECT p.*,
           CAST(CASE WHEN p.window_start IS NOT NULL THEN p.window_start - INTERVAL 31 DAY
                     ELSE p.date_start + INTERVAL 1 DAY END AS DATE) AS reach_start,
           CAST(CASE WHEN p.window_start IS NOT NULL
                     THEN p.window_end + to_days(greatest(31, date_diff('day', p.window_start, p.window_end)))
                     ELSE p.date_start + INTERVAL 366 DAY END AS DATE) AS reach_end
    FROM plans p
),
-- an outcome in the reach: the reach's months are a hash key, as the outcome's month (only family
-- as the key compared every plan with every outcome of its family, dates filtered after)
agree_near AS (
    SELECT p.id AS plan_id, o.id AS outcome_id, o.date_start AS outcome_start, p.window_start
    FROM (SELECT *, unnest(range(year(reach_start) * 12 + month(reach_start),
                                 year(reach_end) * 12 + month(reach_end) + 1)) AS reach_month
          FROM reach) p
    JOIN ev o ON o.family = p.family AND o.month = p.reach_month
         AND o.status = 'occurred' AND o.date_start BETWEEN p.reach_start AND p.reach_end
         AND plan_parties_agree(p.people, p.countries, p.place_id, o.people, o.countries, o.place_id)
),
-- Party blocks for what no date bounds (a plan without a window against every later outcome, a
-- plan against every later plan), as the merge blocks pairs (sql/merge/pair_blocks.sql): a probe
-- token of a plan meets the build tokens of the events plan_parties_agree MAY accept with it (a
-- superset: the rule is applied to the pairs after). What a pair it accepts must share, by the
-- branch that decides:
--   both name countries:  a country (one's are all named by the other): 'c:'
--   else both name people: a person (actors_agree's first branch): 'p*:' from a probe naming no
--                         country, 'pc:' from one naming some, which only a build naming none meets
--   else:                 the place, or both none (NULL is a key here: it ties two events naming
--                         no actor); the probe's token says which of countries (c) and people (p)
--                         it names, a build carries every such mark its own empty lists allow
probe AS (
    SELECT id, type, family, window_start, window_end, reach_end, first_reported, unnest(
               list_transform(countries, lambda c: 'c:' || c)
            || list_transform(people, lambda x: CASE WHEN len(countries) = 0 THEN 'p*:' ELSE 'pc:' END || x)
            || ['l' || CASE WHEN len(countries) = 0 THEN '*' ELSE 'c' END || CASE WHEN len(people) = 0 THEN '*' ELSE 'p' END
                    || coalesce(':' || place_id, '-')]) AS token
    FROM reach
),
build AS (
    SELECT id, type, family, status, date_start, window_start, window_end, first_reported, unnest(
               list_transform(countries, lambda c: 'c:' || c)
            || list_transform(people, lambda x: 'p*:' || x)
            || CASE WHEN len(countries) = 0 THEN list_transform(people, lambda x: 'pc:' || x) ELSE [] END
            || list_transform(list_filter(['**', CASE WHEN len(countries) = 0 THEN 'c*' END,
                                           CASE WHEN len(people) = 0 THEN '*p' END,
                                           CASE WHEN len(countries) = 0 AND len(people) = 0 THEN 'cp' END],
                                          lambda m: m IS NOT NULL),
                              lambda m: 'l' || m || coalesce(':' || place_id, '-'))) AS token
    FROM ev WHERE status = 'occurred' OR id IN (SELECT id FROM plans)
),
-- a plan without a window that nothing in its year fulfils: the first outcome after it, blocked
far AS (
    SELECT DISTINCT p.id AS plan_id, o.id AS outcome_id  -- a pair may share several keys
    FROM probe p
    JOIN build o ON o.token = p.token AND o.family = p.family AND o.status = 'occurred' AND o.date_start > p.reach_end
    WHERE p.window_start IS NULL AND p.id NOT IN (SELECT DISTINCT plan_id FROM agree_near)
),
agree AS (
    SELECT * FROM agree_near
    UNION ALL
    SELECT p.id, o.id, o.date_start, p.window_start
    FROM far f JOIN reach p ON p.id = f.plan_id JOIN ev o ON o.id = f.outcome_id
    WHERE plan_parties_agree(p.people, p.countries, p.place_id, o.people, o.countries, o.place_id)
),
fulfilled AS (
    SELECT plan_id,
           arg_min(outcome_id, (abs(date_diff('day', coalesce(window_start, outcome_start), outcome_start)), outcome_start, outcome_id)) AS outcome_id,
           arg_min(outcome_start, (abs(date_diff('day', coalesce(window_start, outcome_start), outcome_start)), outcome_start, outcome_id)) AS outcome_start
    FROM agree
    GROUP BY plan_id
),
rescheduled AS (
    SELECT p.id AS plan_id, arg_min(l.id, (l.first_reported, l.id)) AS later_id
    FROM (SELECT DISTINCT p.id AS p_id, l.id AS l_id  -- the blocks, less what the rule below refuses anyway
          FROM probe p
          JOIN build l ON l.token = p.token AND l.type = p.type AND l.status = 'planned' AND l.id <> p.id
               AND l.first_reported > p.first_reported AND l.window_start IS NOT NULL
               AND (l.window_start, l.window_end) <> (p.window_start, p.window_end)
          WHERE p.window_start IS NOT NULL) c
    JOIN plans p ON p.id = c.p_id
    JOIN plans l ON l.id = c.l_id AND l.type = p.type AND l.id <> p.id AND l.first_reported > p.first_reported
         AND l.window_start IS NOT NULL AND p.window_start IS NOT NULL
         AND (l.window_start, l.window_end) <> (p.window_start, p.window_end)
         AND plan_parties_agree(p.people, p.countries, p.place_id, l.people, l.countries, l.place_id)
    GROUP BY p.id
)
SELECT p.id AS plan_id, p.type, p.window_start, p.window_end,
       CASE WHEN f.outcome_id IS NOT NULL THEN 'fulfilled'
            WHEN r.later_id IS NOT NULL THEN 'rescheduled'
            WHEN p.window_end IS NULL OR p.window_end >= now.today OR now.today IS NULL THEN 'pending'
            ELSE 'overdue' END AS plan_state,
       f.outcome_id AS fulfilled_by,
       CASE WHEN f.outcome_id IS NULL THEN r.later_id END AS rescheduled_by,
       CASE WHEN p.window_end IS NOT NULL AND f.outcome_id IS NOT NULL
            THEN date_diff('day', p.window_end, f.outcome_start) END AS lag_days
FROM plans p
CROSS JOIN now
LEFT JOIN fulfilled f ON f.plan_id = p.id
LEFT JOIN rescheduled r ON r.plan_id = p.id;
