-- The date of the Council document a round's report was submitted under (issue 13, item 6): the
-- documents print it in their Council header beside the number ("Brussels, 15 October 2024",
-- "15020/24"). The COSI secretariat's form gives the number only, so the date is the day the
-- submission was recorded; rounds submitted before this column existed take that day from their
-- history.
ALTER TABLE reporting_round ADD COLUMN council_document_date DATE;

UPDATE reporting_round SET council_document_date = (
    SELECT CAST(MAX(e.recorded_at) AS DATE) FROM round_event e
    WHERE e.round_id = reporting_round.id AND e.event = 'SUBMITTED_TO_COSI')
WHERE council_document IS NOT NULL;
