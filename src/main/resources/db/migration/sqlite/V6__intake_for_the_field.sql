-- A repeat of a postback (a network's retry) is counted on the original row instead of leaving no trace.
ALTER TABLE postbacks ADD COLUMN seen_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE postbacks ADD COLUMN last_seen_at INTEGER;
-- What was accepted with a caveat (a macro the cabinet left unsubstituted, no transaction ID): a JSON array.
ALTER TABLE postbacks ADD COLUMN warnings TEXT;

-- What operators did by hand in the console (replaying a refused postback), with its outcome.
CREATE TABLE operator_actions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    source_ip   TEXT,
    created_at  INTEGER NOT NULL
);
CREATE INDEX operator_actions_subject ON operator_actions (subject, id);
