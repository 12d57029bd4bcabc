-- The corrections people made to each living event (issue 12), for the export (`corrections`,
-- `rejected`), the event page ("who changed what and why") and the listing filters.
-- A correction is listed on the event it applies to now (corrections.applied_to, kept by every
-- merge); one whose event is gone is in no row here (see correction_status).
--   event_id, corrections (list of {id, kind, what, value, was, by, why, at}), rejected
CREATE OR REPLACE VIEW event_corrections AS
SELECT applied_to AS event_id,
       list({'id': id, 'kind': kind, 'what': what, 'value': value, 'was': was,
             'by': author, 'why': reason, 'at': created_at} ORDER BY created_at, id) AS corrections,
       bool_or(kind = 'reject') AS rejected
FROM correction_status
WHERE state = 'applied'
GROUP BY applied_to;
