-- One row per canonical event, with everything its page shows, as all sources tell it now: the
-- event pages (event/{slug}.html) and, through site_chronology, every listing. The columns and
-- the rules are in sql/stored/3_site_event.sql (stored at the end of every write).
--   id, slug, type, status, date_start, date_end, precision, edtf, basis, date_text, year, month,
--   place, summary, confidence, quantity, actors, countries, langs, sources, updated,
--   disagreements, disputed_start, disputed_end, plan, fulfills, corrections
CREATE OR REPLACE VIEW site_event AS
SELECT * FROM stored_site_event;
