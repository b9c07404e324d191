package org.postbackbridge.intake;

import java.util.List;

/**
 * What handling a postback did, as a {@code (success, message)} pair plus the status.
 *
 * @param postbackId the stored postback's ID; for a duplicate, null
 * @param telegramId the user it was applied to, or null
 * @param warnings   what it was accepted in spite of
 */
public record PostbackOutcome(PostbackStatus status, String message, PostbackEvent event, Long postbackId,
                              Long telegramId, List<Warning> warnings) {

    public PostbackOutcome(PostbackStatus status, String message, PostbackEvent event, Long postbackId,
                           Long telegramId) {
        this(status, message, event, postbackId, telegramId, List.of());
    }

    /** The key of every message a postback queues: a replay of its effects queues nothing twice. */
    public static String messageKey(long postbackId) {
        return "postback:" + postbackId;
    }

    PostbackOutcome withWarnings(List<Warning> warnings) {
        return new PostbackOutcome(status, message, event, postbackId, telegramId, List.copyOf(warnings));
    }
}
