-- Report wording and KPI values as written (issue 13.4) and past cycles (issue 13.5); ADR 14.

-- The stage and status as the Action Leader wrote it ("Complete – ongoing into 2014"), the status
-- it was read as (status, as before) and, where it says two, the one the OA continues in; how it
-- was read (READ, INTERPRETED, UNREADABLE: status UNMAPPED until the Driver maps the wording).
ALTER TABLE oa_report ADD COLUMN written_status VARCHAR(500);
ALTER TABLE oa_report ADD COLUMN continuing_status VARCHAR(32);
ALTER TABLE oa_report ADD COLUMN status_reading VARCHAR(16);
ALTER TABLE oa_report ADD COLUMN status_note VARCHAR(1000);
UPDATE oa_report SET status_reading = 'READ', written_status = CASE status
    WHEN 'NOT_STARTED' THEN 'not started' WHEN 'ONGOING' THEN 'ongoing' WHEN 'DELAYED' THEN 'delayed'
    WHEN 'FINISHED' THEN 'finished' WHEN 'FINISHED_ON_TIME' THEN 'finished / on time'
    WHEN 'PARTIALLY_ACHIEVED' THEN 'partially achieved' WHEN 'NOT_ACHIEVED' THEN 'not achieved'
    WHEN 'POSTPONED' THEN 'postponed' END
  WHERE status <> 'MISSED';

-- A KPI value stays as written (kpi_value); beside it what was read: the kind (NUMBER,
-- APPROXIMATION, PERCENTAGE, NOT_AVAILABLE, NOT_DECLASSIFIED, TEXT), the number where there is
-- one, how it was read and why. Values recorded before V17 have none: they are read when loaded.
ALTER TABLE oa_report_kpi ADD COLUMN value_kind VARCHAR(24);
ALTER TABLE oa_report_kpi ADD COLUMN value_number DECIMAL(30, 6);
ALTER TABLE oa_report_kpi ADD COLUMN value_reading VARCHAR(16);
ALTER TABLE oa_report_kpi ADD COLUMN value_note VARCHAR(1000);

-- Wordings an OAP's Driver mapped to statuses, for that OAP (wording_key: letters and digits, lower case).
CREATE TABLE status_wording (
    oap_id            BIGINT        NOT NULL REFERENCES oap (id),
    wording_key       VARCHAR(500)  NOT NULL,
    wording           VARCHAR(500)  NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    continuing_status VARCHAR(32),
    mapped_by         VARCHAR(128)  NOT NULL,
    mapped_at         TIMESTAMP     NOT NULL,
    PRIMARY KEY (oap_id, wording_key)
);

-- An OAP registered with its past: adopted on a day (by a Council document, where the documents name it).
CREATE TABLE past_adoption (
    oap_id                BIGINT       NOT NULL PRIMARY KEY REFERENCES oap (id),
    revision              INT          NOT NULL,
    adopted_on            DATE         NOT NULL,
    council_document      VARCHAR(32),
    council_document_date DATE,
    recorded_by           VARCHAR(128) NOT NULL,
    recorded_at           TIMESTAMP    NOT NULL
);

-- A round's NEC meeting, as recorded (a past round's comes from the documents; V18 adds its Council document's date).
ALTER TABLE reporting_round ADD COLUMN nec_met_on DATE;
-- To whom it went, as the documents say it ("JHA Counsellors / COSI Support Group").
ALTER TABLE reporting_round ALTER COLUMN submitted_to SET DATA TYPE VARCHAR(200);
