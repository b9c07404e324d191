package org.postbackbridge.notify;

/** A message waiting in (or done with) the outbox. {@code buttons} is JSON or null. */
public record OutboxMessage(long id, long chatId, String kind, String text, String buttons, String status,
                            int attempts) {
}
