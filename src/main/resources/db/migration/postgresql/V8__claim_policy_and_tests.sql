-- Claims under a claim policy: why each one was decided as it was, and who decided it. Statuses:
-- pending (waits up to 10 minutes for the registration), awaiting_approval, contested (two users
-- claim one player), linked, refused, expired.
ALTER TABLE claims ADD COLUMN reason TEXT;
ALTER TABLE claims ADD COLUMN decided_by TEXT;
ALTER TABLE claims ADD COLUMN decided_at BIGINT;
-- The operators' open work: claims waiting for a decision.
CREATE INDEX claims_open ON claims (id) WHERE status IN ('awaiting_approval', 'contested');

-- Events of a test postback applied for real carry its postback's ID; real events have none.
-- Counts for users and operators leave them out, and an undo deletes them.
ALTER TABLE events ADD COLUMN test_postback_id BIGINT;

-- A test postback applied for real, with what its user looked like before, so it can be undone.
CREATE TABLE applied_tests (
    postback_id     BIGINT  PRIMARY KEY,
    telegram_id     BIGINT,
    network         TEXT    NOT NULL,
    player_id       TEXT    NOT NULL,
    linked_player   INTEGER NOT NULL DEFAULT 0,
    was_deposited   INTEGER,
    was_unlocked    INTEGER,
    was_casino_id   TEXT,
    applied_at      BIGINT  NOT NULL,
    undone_at       BIGINT,
    undone_by       TEXT
);
