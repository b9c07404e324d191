-- "At most one win message per user in WIN_MESSAGE_INTERVAL" asked the outbox when the user's last win
-- message was queued: two instances sharing PostgreSQL could both find none and both send one. The
-- time now lives on the user's row, and telling of a win is one conditional update of it, which the
-- row lock makes exclusive. Filled from the outbox, so the interval holds across the upgrade.
ALTER TABLE users ADD COLUMN last_win_message_at INTEGER;
UPDATE users SET last_win_message_at = (
    SELECT MAX(created_at) FROM outbox WHERE outbox.chat_id = users.telegram_id AND outbox.kind = 'win');
-- Nothing else looked up a chat's wins.
DROP INDEX outbox_wins;
