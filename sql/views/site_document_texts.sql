-- Every document's text, for its page (document/{slug}.html); `timeline build-site --text quotes`
-- never reads it.
--   id, text
CREATE OR REPLACE VIEW site_document_texts AS
SELECT id, text FROM documents;
