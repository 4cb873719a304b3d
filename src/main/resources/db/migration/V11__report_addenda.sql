-- Once COSI took note of a round, its record does not change: a report delivered later (answering
-- the Driver's exhortation) is kept beside the noted record as an addendum, with the day it arrived.
ALTER TABLE oa_report ADD COLUMN addendum BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE oa_report DROP CONSTRAINT oa_report_round_oa;
ALTER TABLE oa_report ADD CONSTRAINT oa_report_round_oa UNIQUE (round_id, oa_ref, addendum);
