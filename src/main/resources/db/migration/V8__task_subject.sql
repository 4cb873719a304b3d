-- What each user task is about, recorded by the server when the engine creates the task: its
-- listener reads it back on completion instead of process variables (issue: the record can be trusted).
CREATE TABLE task_subject (
  task_id       VARCHAR(64) PRIMARY KEY,
  process_key   VARCHAR(64) NOT NULL,
  oap_id        BIGINT,
  revision      INTEGER,
  round_number  INTEGER,
  actor         VARCHAR(32),
  oa_ref        VARCHAR(16),
  escalation_id BIGINT,
  commitment_id BIGINT,
  activity_id   BIGINT,
  created_at    TIMESTAMP NOT NULL
);
CREATE INDEX task_subject_oap ON task_subject (oap_id);
