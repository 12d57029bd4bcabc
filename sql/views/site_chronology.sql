-- The chronology's rows, oldest first, undated last, as all sources tell it now: every listing
-- page and every page's timeline. Columns and rules: the macro site_chronology_at.
--   id, slug, type, status, date_start, date_end, precision, year, month, place, summary, period,
--   actors (list of {slug, name, kind}), countries, langs, disputed_start, disputed_end, disputed,
--   plan_state, corrected, search
CREATE OR REPLACE VIEW site_chronology AS
SELECT * FROM site_chronology_at(NULL);
