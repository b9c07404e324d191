-- Delivery to Telegram: the ID Telegram gave a sent message, and whether the text goes as HTML
-- or, after Telegram could not parse its HTML, as plain text.
ALTER TABLE outbox ADD COLUMN telegram_message_id BIGINT;
ALTER TABLE outbox ADD COLUMN plain_text INTEGER NOT NULL DEFAULT 0;

-- The dispatcher walks pending messages in queue order and stops after a page. With an index on
-- (status, next_attempt_at) the planner sorted every pending message on each look instead, and a
-- backlog of messages slowed postbacks down fourfold (docs/BENCHMARKS.md).
DROP INDEX outbox_due;
CREATE INDEX outbox_pending ON outbox (status, id);
