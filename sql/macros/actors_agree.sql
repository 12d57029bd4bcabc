-- Whether two mentions or events may be about the same parties (spec, "One event per happening"):
-- the people and bodies one names are all named by the other, or they share one and their
-- countries agree; where one names none, the countries one names are all named by the other;
-- where either names no actor at all, only `same_place` (a place both name) can tie them: an
-- empty list is no evidence, and would otherwise chain unrelated events together.
CREATE OR REPLACE MACRO actors_agree(people_a, countries_a, people_b, countries_b, same_place) AS
    CASE
        WHEN len(people_a) > 0 AND len(people_b) > 0 THEN
             list_has_all(people_a, people_b) OR list_has_all(people_b, people_a)
             OR (list_has_any(people_a, people_b)
                 AND (list_has_all(countries_a, countries_b) OR list_has_all(countries_b, countries_a)))
        WHEN len(countries_a) > 0 AND len(countries_b) > 0 THEN
             list_has_all(countries_a, countries_b) OR list_has_all(countries_b, countries_a)
        ELSE coalesce(same_place, false)
    END;
