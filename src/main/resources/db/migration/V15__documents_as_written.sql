-- Real documents as they are written (issue 13): the registry keeps what an OAP says as written and
-- stores beside it what it read from it, with how it read it.

-- Timings of any reasonable length, as written ("1st phase: 1-2 weeks in April/May 2nd phase: ...").
ALTER TABLE activity ALTER COLUMN timing_text SET DATA TYPE VARCHAR(4000);

-- An OA's description and its own target (older plans give one target per OA, not per KPI); the
-- types of action are optional (older plans have none).
ALTER TABLE operational_action ADD COLUMN description VARCHAR(10000);
ALTER TABLE operational_action ADD COLUMN target VARCHAR(4000);
ALTER TABLE operational_action ALTER COLUMN type_codes DROP NOT NULL;

-- Footnotes are oa_note rows of kind FOOTNOTE with the marker the document prints ("7");
-- cross-references to other goals and OAs are kinds GOAL_XREF and OA_XREF.
ALTER TABLE oa_note ADD COLUMN marker VARCHAR(16);

-- A KPI's code is its identity in reports: the code the document writes, or, where it writes none
-- (or one that an earlier KPI of the OA already has), its number in the OA's order, flagged
-- code_assigned. written_code is the code as the document writes it (null: none), for the export.
ALTER TABLE kpi ADD COLUMN written_code VARCHAR(8);
ALTER TABLE kpi ADD COLUMN code_assigned BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE kpi SET written_code = code;
-- Stored KPIs without a code (on which no report could be recorded: every report failed) are
-- numbered as the reader numbers them (KpiCodes): their number in order, or '#' and the number where
-- the OA writes that number as another KPI's code; a KPI left after that gets '#' and its row id.
UPDATE kpi SET code = CAST(position + 1 AS VARCHAR(8)), code_assigned = TRUE
  WHERE code IS NULL AND NOT EXISTS (SELECT 1 FROM kpi other WHERE other.oa_id = kpi.oa_id
    AND other.code = CAST(kpi.position + 1 AS VARCHAR(8)));
UPDATE kpi SET code = CONCAT('#', CAST(position + 1 AS VARCHAR(7))), code_assigned = TRUE
  WHERE code IS NULL AND NOT EXISTS (SELECT 1 FROM kpi other WHERE other.oa_id = kpi.oa_id
    AND other.code = CONCAT('#', CAST(kpi.position + 1 AS VARCHAR(7))));
UPDATE kpi SET code = CONCAT('#', CAST(id AS VARCHAR(7))), code_assigned = TRUE WHERE code IS NULL;
ALTER TABLE kpi ALTER COLUMN code SET NOT NULL;

-- The actor cells of an OA as the document writes them ("HU, AT and Frontex", "MS concerned
-- involved in EUROSUR, DZ, TN, LY, EG."): one row per entry of actionLeaders, coActionLeaders and
-- participants, in order. The export writes them back.
CREATE TABLE oa_actor_text (
    oa_id    BIGINT        NOT NULL REFERENCES operational_action (id),
    role     VARCHAR(16)   NOT NULL,
    position INT           NOT NULL,
    text     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (oa_id, role, position)
);

-- What each cell was read as, part by part: an actor (actor_code) or a collective form
-- (collective), and how (read_as: CODE, NAME, ALIAS, COLLECTIVE, ROLE, IN_PHRASE, UNREADABLE);
-- status READ, INTERPRETED (the note says the assumption) or UNREADABLE (for a person to resolve).
-- Participations are made from these readings; the cell's text stays as written.
CREATE TABLE oa_actor_reading (
    oa_id         BIGINT        NOT NULL REFERENCES operational_action (id),
    role          VARCHAR(16)   NOT NULL,
    cell_position INT           NOT NULL,
    position      INT           NOT NULL,
    written       VARCHAR(2000) NOT NULL,
    actor_code    VARCHAR(32)   REFERENCES actor (code),
    collective    VARCHAR(64),
    read_as       VARCHAR(16)   NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    note          VARCHAR(10000),
    PRIMARY KEY (oa_id, role, cell_position, position)
);
CREATE INDEX oa_actor_reading_flagged ON oa_actor_reading (oa_id, status);

-- Stored versions were imported when the export wrote codes: each participation named in the
-- document (not one that "All MS" stands for) becomes a cell with its code, read as the code, and
-- each collective form a cell with its term.
INSERT INTO oa_actor_text (oa_id, role, position, text)
  SELECT oa_id, role, position, actor_code FROM participation WHERE via_collective IS NULL;
INSERT INTO oa_actor_text (oa_id, role, position, text)
  SELECT oa_id, 'PARTICIPANT', position, term FROM oa_collective_participant;
INSERT INTO oa_actor_reading (oa_id, role, cell_position, position, written, actor_code, read_as, status)
  SELECT oa_id, role, position, 0, actor_code, actor_code, 'CODE', 'READ' FROM participation
  WHERE via_collective IS NULL;
INSERT INTO oa_actor_reading (oa_id, role, cell_position, position, written, collective, read_as, status)
  SELECT oa_id, 'PARTICIPANT', position, 0, term, term, 'COLLECTIVE', 'READ' FROM oa_collective_participant;
