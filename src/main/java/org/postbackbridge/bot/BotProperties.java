package org.postbackbridge.bot;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param requiredChannelId  {@code REQUIRED_CHANNEL_ID}: the soft gate's channel (@name or -100…); empty: no gate
 * @param requiredChannelUrl {@code REQUIRED_CHANNEL_URL}: the link of its button; derived from an @name when empty
 * @param premiumChannelId   {@code PREMIUM_CHANNEL_ID}: /signals hands out one-time invites to it; empty: a text
 * @param webhookUrl         {@code TELEGRAM_WEBHOOK_URL}: receive updates by webhook at this public URL
 *                           (ending in /telegram/webhook) instead of long polling
 * @param updatesPerMinute   {@code BOT_UPDATES_PER_MINUTE}: messages and button presses handled a minute per
 *                           user; the rest are dropped unanswered
 */
@Validated
@ConfigurationProperties("postback-bridge.bot")
public record BotProperties(
        @DefaultValue("") String requiredChannelId,
        @DefaultValue("") String requiredChannelUrl,
        @DefaultValue("") String premiumChannelId,
        @DefaultValue("")
        @Pattern(regexp = "|https://[^/?#\\s]+(/[^?#\\s]*)?/telegram/webhook",
                message = "TELEGRAM_WEBHOOK_URL must be your public HTTPS address ending in /telegram/webhook, "
                        + "e.g. https://bot.example.com/telegram/webhook (Telegram sends updates only over HTTPS); "
                        + "leave it empty to use long polling")
        String webhookUrl,
        @DefaultValue("20") @Min(1) int updatesPerMinute) {

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
