package org.postbackbridge.bot;

import org.postbackbridge.telegram.TelegramProperties;

/**
 * How the bot takes updates from Telegram, decided from the settings when the service starts. The
 * beans that receive updates ask this at run time instead of existing under a bean condition: the jar
 * is built with Spring AOT, which evaluates conditions once, at build time, so a token set only where
 * the service runs must still start the bot.
 */
enum UpdateSource {
    /** No {@code TELEGRAM_TOKEN}: dry-run or headless, no bot. */
    NONE,
    /** The default with a token. */
    LONG_POLLING,
    /** {@code TELEGRAM_WEBHOOK_URL} is set: Telegram posts updates to {@code /telegram/webhook}. */
    WEBHOOK;

    static UpdateSource of(TelegramProperties telegram, BotProperties bot) {
        if (telegram.dryRun()) {
            return NONE;
        }
        return bot.webhookUrl().isBlank() ? LONG_POLLING : WEBHOOK;
    }
}
