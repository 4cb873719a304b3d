-- The records keep what people wrote as they wrote it: a form field holds up to 4,000 characters
-- (40,000 for the Driver's assessments), and a record line joins a field with what it is about
-- ("links to other OAPs: ...; <comments>", "<commitment>: <explanation>"). These columns take the
-- longest line the forms allow, so that a long answer is kept whole instead of failing in the database.
ALTER TABLE oap_version_event ALTER COLUMN comment SET DATA TYPE VARCHAR(10000);
ALTER TABLE round_event ALTER COLUMN details SET DATA TYPE VARCHAR(10000);
ALTER TABLE escalation_event ALTER COLUMN details SET DATA TYPE VARCHAR(10000);
ALTER TABLE escalation ALTER COLUMN reason SET DATA TYPE VARCHAR(10000);
ALTER TABLE escalation ALTER COLUMN assessment_reason SET DATA TYPE VARCHAR(10000);
ALTER TABLE participation ALTER COLUMN status_reason SET DATA TYPE VARCHAR(10000);
ALTER TABLE participation_history ALTER COLUMN reason SET DATA TYPE VARCHAR(10000);
ALTER TABLE oa_leader_change ALTER COLUMN reason SET DATA TYPE VARCHAR(10000);
ALTER TABLE notification ALTER COLUMN details SET DATA TYPE VARCHAR(10000);
