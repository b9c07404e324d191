package org.postbackbridge.postback;

/**
 * What handling a postback did, as the seed's {@code (success, message)} pair plus the status.
 *
 * @param postbackId the stored postback's ID; for a duplicate, null
 * @param telegramId the user it was applied to, or null
 */
public record PostbackOutcome(PostbackStatus status, String message, PostbackEvent event, Long postbackId,
                              Long telegramId) {
}
