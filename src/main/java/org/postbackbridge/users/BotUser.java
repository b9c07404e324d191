package org.postbackbridge.users;

import java.time.Instant;

/** A Telegram user of the bot, with the flags the rest of the service reads. */
public record BotUser(
        long telegramId,
        String username,
        String firstName,
        String language,
        String clickToken,
        String trafficSource,
        String casinoId,
        boolean subscribed,
        boolean deposited,
        boolean signalsUnlocked,
        boolean blocked,
        boolean notificationsMuted,
        Instant createdAt) {

    /** How to call this user in an operator message: @username, else first name, else the ID. */
    public String displayName() {
        if (username != null && !username.isBlank()) {
            return "@" + username;
        }
        return firstName != null && !firstName.isBlank() ? firstName : String.valueOf(telegramId);
    }
}
