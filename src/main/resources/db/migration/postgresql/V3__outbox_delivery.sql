-- Delivery to Telegram: the ID Telegram gave a sent message, and whether the text goes as HTML
-- or, after Telegram could not parse its HTML, as plain text.
ALTER TABLE outbox ADD COLUMN telegram_message_id BIGINT;
ALTER TABLE outbox ADD COLUMN plain_text INTEGER NOT NULL DEFAULT 0;
