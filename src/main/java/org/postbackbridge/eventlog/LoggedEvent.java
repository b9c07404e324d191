package org.postbackbridge.eventlog;

import java.time.Instant;

/**
 * A row of the append-only event log; {@code details} is the JSON stored with it, and
 * {@code testPostbackId} the test postback it came from (null for a real event).
 */
public record LoggedEvent(long id, Long telegramId, String type, String details, Instant createdAt, Long testPostbackId) {
}
