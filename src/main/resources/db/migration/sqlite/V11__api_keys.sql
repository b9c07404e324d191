-- Keys another bot uses for /api/v1. Only the SHA-256 of a key is stored (a key is 256 random bits,
-- so a plain hash is enough); the prefix lets an operator tell keys apart in the console.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    scope      TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL UNIQUE,
    prefix     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);
