-- A file-name-safe slug for any id (event, actor, document): the id itself when it is
-- already lower-case [a-z0-9_-], else its letters folded to [a-z0-9-] plus a hash of the
-- whole id, so no id can name a path outside the site and two ids never share a slug.
-- Read by every site_* view that links to a page.
--   site_slug(x) -> VARCHAR, matching ^[a-z0-9][a-z0-9_-]*$
CREATE OR REPLACE MACRO site_slug(x) AS
CASE
    WHEN regexp_full_match(x, '[a-z0-9][a-z0-9_-]{0,79}') THEN x
    ELSE coalesce(nullif(left(trim(regexp_replace(lower(x), '[^a-z0-9]+', '-', 'g'), '-'), 48), '') || '-', '')
         || left(md5(x), 10)
END;
