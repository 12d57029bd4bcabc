-- Every correction with what it says and where it stands: `timeline correct --list`, and the
-- warning every ingest and correct prints for a correction whose event is gone (state orphaned).
--   id, event_id, given_id, kind, value, what, payload, author, reason, created_at, state,
--   applied_to, was, problem, checked_at
CREATE OR REPLACE VIEW correction_status AS
SELECT c.id, c.event_id, c.given_id, c.kind, v.value,
       CASE c.kind
           WHEN 'date' THEN 'date set to ' || v.value
           WHEN 'type' THEN 'type set to ' || v.value
           WHEN 'status' THEN 'status set to ' || v.value
           WHEN 'actor_add' THEN 'actor ' || v.value || ' added'
           WHEN 'actor_remove' THEN 'actor ' || v.value || ' removed'
           WHEN 'reject' THEN 'rejected as no real event'
           WHEN 'merge_into' THEN c.event_id || ' joined into ' || v.value
           WHEN 'split_off' THEN 'the mention at ' || v.value || ' split off from ' || c.event_id
                                 || ' as ' || json_extract_string(c.payload, '$.new_id')
       END AS what,
       c.payload, c.author, c.reason, c.created_at, c.state, c.applied_to, c.was, c.problem, c.checked_at
FROM corrections c,
LATERAL (SELECT CASE c.kind
                    WHEN 'date' THEN json_extract_string(c.payload, '$.edtf')
                    WHEN 'type' THEN json_extract_string(c.payload, '$.type')
                    WHEN 'status' THEN json_extract_string(c.payload, '$.status')
                    WHEN 'actor_add' THEN json_extract_string(c.payload, '$.actor')
                    WHEN 'actor_remove' THEN json_extract_string(c.payload, '$.actor')
                    WHEN 'merge_into' THEN json_extract_string(c.payload, '$.into')
                    WHEN 'split_off' THEN json_extract_string(c.payload, '$.doc') || ':'
                                          || json_extract_string(c.payload, '$.start')
                END AS value) v;
