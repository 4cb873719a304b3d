-- Issue 11, items 4-6 (ADR 0017): the NECs' answers become the participation, and membership of the
-- EU has dates.

-- The periods in which an actor is a Member State of the EU: from member_from (null: since before
-- EMPACT began) until member_until (inclusive; null: still). The Member States of an OAP are those
-- of its period (ActorDirectory, EuMembership); an actor of another kind today (the United Kingdom)
-- is a Member State for the plans of the years it was one.
CREATE TABLE actor_membership (
    actor_code   VARCHAR(32) NOT NULL REFERENCES actor (code),
    member_from  DATE,
    member_until DATE,
    CONSTRAINT actor_membership_period UNIQUE (actor_code, member_from)
);

INSERT INTO actor_membership (actor_code, member_from, member_until)
  SELECT code, NULL, NULL FROM actor WHERE kind = 'MEMBER_STATE' AND code <> 'HR';
INSERT INTO actor_membership (actor_code, member_from, member_until) VALUES ('HR', DATE '2013-07-01', NULL);
INSERT INTO actor_membership (actor_code, member_from, member_until) VALUES ('UK', NULL, DATE '2020-01-31');

-- Where a participation comes from: OAP_TEXT (the plan names the actor, or "All MS"), NEC_ANSWER
-- (the Member State's NEC ticked the OA; stated_by and stated_at are the NEC's user and the date of
-- its answer), NOT_STATED (the Member State gave no answer: the plan's text is kept, flagged).
ALTER TABLE participation ADD COLUMN source VARCHAR(16) DEFAULT 'OAP_TEXT' NOT NULL;
ALTER TABLE participation ADD COLUMN stated_by VARCHAR(128);
ALTER TABLE participation ADD COLUMN stated_at TIMESTAMP;

-- The NEC meetings that endorsed a version: its answers became the participation of that version
-- and of the revisions made from it (until a later consultation is endorsed).
CREATE TABLE nec_endorsement (
    version_id  BIGINT       NOT NULL PRIMARY KEY REFERENCES oap_version (id),
    endorsed_by VARCHAR(128) NOT NULL,
    endorsed_at TIMESTAMP    NOT NULL
);
