package org.postbackbridge.outbox;

import org.postbackbridge.telegram.Keyboard;

/**
 * A message waiting in (or done with) the outbox. {@code buttons} is {@link Keyboard} JSON or null;
 * {@code plainText} is set once Telegram could not parse the text's HTML.
 */
public record OutboxMessage(long id, long chatId, String kind, String text, String buttons, String status,
                            int attempts, String lastError, boolean plainText) {
}
