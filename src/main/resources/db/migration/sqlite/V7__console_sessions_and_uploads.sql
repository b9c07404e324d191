-- Console sign-ins, so signing out ends a sign-in on the server and for the whole fleet. The key is
-- an HMAC of the cookie under a key derived from the admin token: the table holds no usable cookie,
-- and a new ADMIN_TOKEN signs everyone out.
CREATE TABLE console_sessions (
    id_hash    TEXT    PRIMARY KEY,
    expires_at INTEGER NOT NULL
);

-- A partner cabinet's CSV between the reconciliation preview and the report, under a random ID;
-- deleted after an hour.
CREATE TABLE reconcile_uploads (
    id         TEXT    PRIMARY KEY,
    csv        TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
