package org.postbackbridge.events;

import java.time.Instant;

/** A row of the append-only event log; {@code details} is the JSON stored with it. */
public record LoggedEvent(long id, Long telegramId, String type, String details, Instant createdAt) {
}
