-- The events feed's order. An event's place in the feed is given after its transaction committed,
-- by one writer at a time, so a reader that asks for "after position p" never misses an event whose
-- id is lower but whose commit came later (ids are handed out at insert, not at commit).
ALTER TABLE events ADD COLUMN feed_position INTEGER;
CREATE UNIQUE INDEX events_feed_position ON events (feed_position);
CREATE INDEX events_without_feed_position ON events (id) WHERE feed_position IS NULL;
