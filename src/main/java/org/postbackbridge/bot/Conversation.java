package org.postbackbridge.bot;

/**
 * One message or button press from a user, as the commands need it. Replies are deduplicated per
 * Telegram update, so an update delivered twice is answered once.
 */
record Conversation(long updateId, long chatId, long userId, String language, String text) {

    String dedupeKey() {
        return "update:" + updateId;
    }
}
