-- Player IDs users typed into the bot. A claim links only once a registration postback for that
-- player arrived; until then it waits as 'pending'. Also the count behind "5 claims an hour".
CREATE TABLE claims (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    telegram_id INTEGER NOT NULL,
    network     TEXT    NOT NULL,
    player_id   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX claims_player ON claims (network, player_id, status, id);
CREATE INDEX claims_user ON claims (telegram_id, created_at);
