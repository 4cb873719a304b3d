-- A notice keeps the name of the person it greets, read with the recipients when it is recorded,
-- so that the sender does not ask the engine's identity service again for every e-mail. Notices
-- recorded before this have none; the sender reads their names as before.
ALTER TABLE notification ADD COLUMN recipient_name VARCHAR(511);
