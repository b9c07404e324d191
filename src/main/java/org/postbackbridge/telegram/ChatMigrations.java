package org.postbackbridge.telegram;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Operator groups that Telegram turned into supergroups, with new chat IDs. {@code ADMIN_CHAT_IDS}
 * still names the old ones, so the new IDs are kept in {@code settings} and used from then on.
 */
@Repository
public class ChatMigrations {

    private static final String PREFIX = "telegram.chat_migrated_to.";

    private final JdbcClient jdbc;

    ChatMigrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long current(long chatId) {
        return jdbc.sql("SELECT value FROM settings WHERE name = ?").param(PREFIX + chatId)
                .query(String.class).optional()
                .map(Long::parseLong)
                .orElse(chatId);
    }

    public void record(long fromChatId, long toChatId) {
        jdbc.sql("""
                INSERT INTO settings (name, value) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value""")
                .param(PREFIX + fromChatId).param(Long.toString(toChatId))
                .update();
    }
}
