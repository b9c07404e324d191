package org.postbackbridge.telegram;

import org.postbackbridge.platform.database.Settings;
import org.springframework.stereotype.Repository;

/**
 * Operator groups that Telegram turned into supergroups, with new chat IDs. {@code ADMIN_CHAT_IDS}
 * still names the old ones, so the new IDs are kept in {@code settings} and used from then on.
 */
@Repository
public class ChatMigrations {

    private static final String PREFIX = "telegram.chat_migrated_to.";

    private final Settings settings;

    ChatMigrations(Settings settings) {
        this.settings = settings;
    }

    public long current(long chatId) {
        return settings.get(PREFIX + chatId).map(Long::parseLong).orElse(chatId);
    }

    public void record(long fromChatId, long toChatId) {
        settings.put(PREFIX + fromChatId, Long.toString(toChatId));
    }
}
