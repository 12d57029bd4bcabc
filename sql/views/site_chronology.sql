-- The chronology's rows, oldest first, undated last, as all sources tell it now: every listing
-- page and every page's timeline. The rules are in sql/stored/4_site_chronology.sql (stored at
-- the end of every write, in this order: DuckDB reads a table in the order its rows were
-- written, so a first page is the first rows read, not a sort of them all).
--   id, slug, type, status, date_start, date_end, precision, year, month, place, summary, period,
--   actors (list of {slug, name, kind}), countries, langs, disputed_start, disputed_end, disputed,
--   plan_state, corrected, index_entry (JSON: the row's entry in a page's search index)
CREATE OR REPLACE VIEW site_chronology AS
SELECT * FROM stored_site_chronology;
