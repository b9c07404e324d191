-- Timestamps are epoch milliseconds and flags are 0/1 integers in both vendors, so the
-- same SQL (and the seed's `WHERE signals_unlocked = 1`) works on SQLite and PostgreSQL.

CREATE TABLE users (
    telegram_id         INTEGER PRIMARY KEY,
    username            TEXT,
    first_name          TEXT,
    language            TEXT,
    click_token         TEXT    NOT NULL UNIQUE,
    traffic_source      TEXT,
    casino_id           TEXT,
    is_subscribed       INTEGER NOT NULL DEFAULT 0,
    is_deposited        INTEGER NOT NULL DEFAULT 0,
    signals_unlocked    INTEGER NOT NULL DEFAULT 0,
    is_blocked          INTEGER NOT NULL DEFAULT 0,
    notifications_muted INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX users_casino_id ON users (casino_id);

CREATE TABLE players (
    network     TEXT    NOT NULL,
    player_id   TEXT    NOT NULL,
    telegram_id INTEGER NOT NULL REFERENCES users (telegram_id),
    linked_by   TEXT    NOT NULL,
    linked_at   INTEGER NOT NULL,
    PRIMARY KEY (network, player_id),
    UNIQUE (network, telegram_id)
);

CREATE TABLE postbacks (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    network         TEXT    NOT NULL,
    event           TEXT,
    player_id       TEXT,
    amount          TEXT,
    currency        TEXT,
    transaction_id  TEXT,
    click_id        TEXT,
    params          TEXT    NOT NULL,
    source_ip       TEXT,
    idempotency_key TEXT UNIQUE,
    status          TEXT    NOT NULL,
    reason          TEXT,
    telegram_id     INTEGER,
    event_time      INTEGER NOT NULL,
    received_at     INTEGER NOT NULL
);
CREATE INDEX postbacks_player ON postbacks (network, player_id, status);
CREATE INDEX postbacks_received ON postbacks (received_at);
CREATE INDEX postbacks_user ON postbacks (telegram_id, event);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    telegram_id INTEGER,
    type        TEXT    NOT NULL,
    details     TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX events_user_type ON events (telegram_id, type, id);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id         INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    buttons         TEXT,
    status          TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    dedupe_key      TEXT UNIQUE,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
CREATE INDEX outbox_chat ON outbox (chat_id, status, id);

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
