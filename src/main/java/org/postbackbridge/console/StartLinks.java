package org.postbackbridge.console;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The deep link that starts the bot with a traffic source, {@code https://t.me/<bot>?start=<source>}.
 * The bot's username is asked of Telegram once it is first needed, and remembered once known; in
 * dry-run, or while Telegram does not answer, the links name a placeholder.
 */
@Component
class StartLinks {

    static final String UNKNOWN_BOT = "your_bot";

    private static final Logger log = LoggerFactory.getLogger(StartLinks.class);

    private final Optional<TelegramClient> telegram;
    private final AtomicReference<String> botUsername = new AtomicReference<>();

    StartLinks(Optional<TelegramClient> telegram) {
        this.telegram = telegram;
    }

    /** The bot's username, if Telegram told it. */
    Optional<String> botUsername() {
        if (botUsername.get() == null && telegram.isPresent()) {
            try {
                botUsername.compareAndSet(null, telegram.get().execute(new GetMe()).getUserName());
            } catch (TelegramApiException | RuntimeException e) {
                log.warn("Telegram did not tell the bot's username (getMe): {}", e.getMessage());
            }
        }
        return Optional.ofNullable(botUsername.get());
    }

    String forSource(String source) {
        return UriComponentsBuilder.fromUriString("https://t.me/")
                .path(botUsername().orElse(UNKNOWN_BOT))
                .queryParam("start", source)
                .encode().build().toUriString();
    }
}
