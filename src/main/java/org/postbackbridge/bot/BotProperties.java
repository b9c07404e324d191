package org.postbackbridge.bot;

import org.postbackbridge.platform.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requiredChannelId  {@code REQUIRED_CHANNEL_ID}: the soft gate's channel (@name or -100…); empty: no gate
 * @param requiredChannelUrl {@code REQUIRED_CHANNEL_URL}: the link of its button; derived from an @name when empty
 * @param premiumChannelId   {@code PREMIUM_CHANNEL_ID}: /signals hands out one-time invites to it; empty: a text
 * @param webhookUrl         {@code TELEGRAM_WEBHOOK_URL}: receive updates by webhook at this public URL
 *                           (ending in /telegram/webhook) instead of long polling
 * @param updatesPerMinute   {@code BOT_UPDATES_PER_MINUTE}: messages and button presses handled a minute per
 *                           user; the rest are dropped unanswered
 */
@ConfigurationProperties("postback-bridge.bot")
public record BotProperties(
        @DefaultValue("") String requiredChannelId,
        @DefaultValue("") String requiredChannelUrl,
        @DefaultValue("") String premiumChannelId,
        @DefaultValue("") String webhookUrl,
        @DefaultValue("20") int updatesPerMinute) {

    public BotProperties {
        Settings.matches(webhookUrl, "|https://[^/?#\\s]+(/[^?#\\s]*)?/telegram/webhook",
                "TELEGRAM_WEBHOOK_URL must be your public HTTPS address ending in /telegram/webhook, "
                        + "e.g. https://bot.example.com/telegram/webhook (Telegram sends updates only over HTTPS); "
                        + "leave it empty to use long polling");
        Settings.atLeast("BOT_UPDATES_PER_MINUTE", updatesPerMinute, 1);
    }

    public boolean gated() {
        return !requiredChannelId.isBlank();
    }

    /** The channel button's link: the configured one, or t.me/name for a public @name channel. */
    public String channelUrl() {
        if (!requiredChannelUrl.isBlank()) {
            return requiredChannelUrl;
        }
        return requiredChannelId.startsWith("@") ? "https://t.me/" + requiredChannelId.substring(1) : null;
    }
}
