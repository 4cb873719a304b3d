-- Issue 13, items 3 and 7 (ADR 0013).

-- An activity's stable id: the id of the row it was first written as, carried to the row that
-- replaces it when a draft is replaced (matched by OA ref and text, or OA ref and position) and to
-- its copy in each later revision. The timing review's tasks name activities by it.
ALTER TABLE activity ADD COLUMN activity_key BIGINT;
UPDATE activity SET activity_key = id;
CREATE INDEX activity_by_key ON activity (activity_key);

-- A person's check of a flagged timing, beside the timing as written (which never changes):
-- CORRECTED (the reading replaced by what timing_corrected_as says) or KEPT (as read), by whom and when.
ALTER TABLE activity ADD COLUMN timing_check VARCHAR(16);
ALTER TABLE activity ADD COLUMN timing_corrected_as VARCHAR(200);
ALTER TABLE activity ADD COLUMN timing_checked_by VARCHAR(255);
ALTER TABLE activity ADD COLUMN timing_checked_at TIMESTAMP;
-- Notes name what was read from long timings and what was assumed.
ALTER TABLE activity ALTER COLUMN timing_note SET DATA TYPE VARCHAR(4000);

-- One missed report of an OA with several Action Leaders is one commitment, shared: each leader's
-- record of it carries the same key, and whichever leader delivers fulfils it for all.
ALTER TABLE missed_commitment ADD COLUMN shared_key VARCHAR(64);
UPDATE missed_commitment SET shared_key = CONCAT(CONCAT(CONCAT(CONCAT(CAST(oap_id AS VARCHAR(20)), ':'),
    CAST(round_number AS VARCHAR(10))), ':'), oa_ref) WHERE kind = 'LEADER_REPORT';
CREATE INDEX missed_commitment_shared ON missed_commitment (shared_key);
