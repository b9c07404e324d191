package org.postbackbridge.telegram;

import java.net.URI;
import org.postbackbridge.platform.secrets.Secrets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * @param token  {@code TELEGRAM_TOKEN}; empty means dry-run (messages rendered and recorded, not sent)
 * @param apiUrl {@code TELEGRAM_API_URL}: the Bot API server; tests and self-hosted servers point it elsewhere
 */
@ConfigurationProperties("postback-bridge.telegram")
public record TelegramProperties(
        @DefaultValue("") String token,
        @DefaultValue("https://api.telegram.org") URI apiUrl) {

    /** The Bot API server as TelegramBots wants it. */
    public TelegramUrl telegramUrl() {
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : ("http".equals(apiUrl.getScheme()) ? 80 : 443);
        return new TelegramUrl(apiUrl.getScheme(), apiUrl.getHost(), port, false);
    }

    public boolean dryRun() {
        return token.isBlank();
    }

    /**
     * The secret Telegram sends with every webhook update. Derived from the bot token, so every
     * instance of a fleet expects the same one and it changes with the token.
     */
    public String webhookSecret() {
        return Secrets.sha256Hex("postback-bridge webhook:" + token);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TelegramProperties[token=" + (dryRun() ? "<none>" : "***") + ", apiUrl=" + apiUrl + "]";
    }
}
