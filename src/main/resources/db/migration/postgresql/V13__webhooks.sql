-- Outgoing webhooks. An endpoint reads the events feed from its own cursor; each event it takes
-- becomes a delivery row in the same transaction that moves the cursor, so nothing read is lost.
-- The secret is kept as given (whsec_…): the service must recompute HMACs with it, so it cannot be
-- hashed. Endpoints declared in configuration are copied here at start and are read-only in the console.
CREATE TABLE webhook_endpoints (
    id              BIGSERIAL PRIMARY KEY,
    url             TEXT    NOT NULL,
    event_types     TEXT    NOT NULL,
    secret          TEXT    NOT NULL,
    declared        BOOLEAN NOT NULL DEFAULT FALSE,
    enabled         BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_reason TEXT,
    feed_cursor     TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL
);
CREATE UNIQUE INDEX webhook_endpoints_declared_url ON webhook_endpoints (url) WHERE declared;

-- One message to one endpoint. message_id is the webhook-id header, the same on every attempt;
-- an endpoint's pending rows go out one at a time in id order. retrying_since starts the window
-- after which a failing message is dead (and restarts when an operator retries it).
CREATE TABLE webhook_deliveries (
    id               BIGSERIAL PRIMARY KEY,
    endpoint_id      BIGINT  NOT NULL,
    message_id       TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT  NOT NULL,
    retrying_since   BIGINT  NOT NULL,
    last_status_code INTEGER,
    last_latency_ms  BIGINT,
    last_error       TEXT,
    created_at       BIGINT  NOT NULL,
    delivered_at     BIGINT,
    UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (endpoint_id, status, id);
