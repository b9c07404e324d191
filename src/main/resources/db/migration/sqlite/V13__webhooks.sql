-- Outgoing webhooks. An endpoint reads the events feed from its own cursor; each event it takes
-- becomes a delivery row in the same transaction that moves the cursor, so nothing read is lost.
-- The secret is kept as given (whsec_…): the service must recompute HMACs with it, so it cannot be
-- hashed. Endpoints declared in configuration are copied here at start and are read-only in the console.
CREATE TABLE webhook_endpoints (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    url             TEXT    NOT NULL,
    event_types     TEXT    NOT NULL,
    secret          TEXT    NOT NULL,
    declared        INTEGER NOT NULL DEFAULT 0,
    enabled         INTEGER NOT NULL DEFAULT 1,
    disabled_reason TEXT,
    feed_cursor     TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX webhook_endpoints_declared_url ON webhook_endpoints (url) WHERE declared = 1;

-- One message to one endpoint. message_id is the webhook-id header, the same on every attempt;
-- an endpoint's pending rows go out one at a time in id order. retrying_since starts the window
-- after which a failing message is dead (and restarts when an operator retries it).
CREATE TABLE webhook_deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id      INTEGER NOT NULL,
    message_id       TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER NOT NULL,
    retrying_since   INTEGER NOT NULL,
    last_status_code INTEGER,
    last_latency_ms  INTEGER,
    last_error       TEXT,
    created_at       INTEGER NOT NULL,
    delivered_at     INTEGER,
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (endpoint_id, status, id);
