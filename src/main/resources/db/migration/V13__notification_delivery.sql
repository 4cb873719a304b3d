-- Notices are delivered by a sender on every node, apart from the engine's jobs (the transactional
-- outbox): a notice is due at next_attempt_at; a node claims it until claimed_until and renews
-- that lease while it sends; a claim taken over after a node died keeps the time of the attempt
-- it replaces (previous_attempt_at): such a notice may have been sent twice, with one Message-ID.
ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMP;
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(200);
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE notification ADD COLUMN previous_attempt_at TIMESTAMP;
ALTER TABLE notification ADD COLUMN sent_by VARCHAR(200);
ALTER TABLE notification ADD COLUMN message_id VARCHAR(300);
-- the process instance the notice belongs to: where an incident shows when it cannot be sent
ALTER TABLE notification ADD COLUMN process_instance_id VARCHAR(64);

-- what was waiting or failing before this version is due now; a claim of the old sender is free
UPDATE notification SET status = 'PENDING', next_attempt_at = created_at WHERE status IN ('PENDING', 'FAILED', 'SENDING');

-- every notice keeps one Message-ID on all its attempts (new ones derive it from their key)
UPDATE notification SET message_id = CONCAT('<notification-', CAST(id AS VARCHAR(20)), '.notice@empact-oap>') WHERE message_id IS NULL;

CREATE INDEX notification_due ON notification (status, next_attempt_at);
