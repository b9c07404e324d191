-- Every postback inserts a postback row, an event and one or two messages. An index keyed by player,
-- user or chat puts each of those rows on a random page of that index, and each such page is written
-- whole at the commit. Four such indexes cost deposits nearly half their throughput (docs/BENCHMARKS.md).
-- Kept are the indexes that a postback itself or the seed's methods read.

-- Only unmatched postbacks are ever looked up by player (late binding, claims).
DROP INDEX postbacks_player;
CREATE INDEX postbacks_unmatched ON postbacks (network, player_id) WHERE status = 'unmatched';

-- Nothing reads postbacks by user that does not scan them anyway (the console's figures).
DROP INDEX postbacks_user;

-- The dispatcher finds each chat's oldest pending message by reading the pending ones in order
-- (outbox_pending). Only the win throttle looks a chat's messages up, and only its wins.
DROP INDEX outbox_chat;
CREATE INDEX outbox_wins ON outbox (chat_id, created_at) WHERE kind = 'win';

-- "At most one alert of a kind an hour" asks when the last one was queued: without this, a scan of
-- the whole outbox at every alert check.
CREATE INDEX outbox_alerts ON outbox (kind, created_at) WHERE kind LIKE 'alert%';
