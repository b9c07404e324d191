package org.postbackbridge.notify;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param token  {@code TELEGRAM_TOKEN}; empty means dry-run (messages rendered and recorded, not sent)
 * @param apiUrl {@code TELEGRAM_API_URL}: the Bot API server; tests and self-hosted servers point it elsewhere
 */
@ConfigurationProperties("postback-bridge.telegram")
public record TelegramProperties(
        @DefaultValue("") String token,
        @DefaultValue("https://api.telegram.org") URI apiUrl) {

    public boolean dryRun() {
        return token.isBlank();
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "TelegramProperties[token=" + (dryRun() ? "<none>" : "***") + ", apiUrl=" + apiUrl + "]";
    }
}
