-- A draft's content is frozen from the Driver's submission until it comes back to the Driver.
ALTER TABLE oap_version ADD COLUMN frozen_since TIMESTAMP;
ALTER TABLE oap_version ADD COLUMN frozen_reason VARCHAR(400);
