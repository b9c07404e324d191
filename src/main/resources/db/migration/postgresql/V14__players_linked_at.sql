-- The late-binding sweep reads the players linked in the last minutes.
CREATE INDEX players_linked_at ON players (linked_at);
