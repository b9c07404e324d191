package org.postbackbridge.bot;

import java.util.List;
import org.postbackbridge.telegram.TelegramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by long polling (the default; see {@link WebhookController} for the other way).
 * Telegram being unreachable at start must not stop the service, which takes postbacks regardless:
 * the session is started in the background and retried until Telegram answers. Without a token, or
 * with a webhook, it does nothing ({@link UpdateSource}).
 */
@Component
class LongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");

    private final TelegramProperties telegram;
    private final BotProperties bot;
    private final ObjectProvider<UpdateRouter> router;
    /** Made on each start: a closed application cannot be started again, and a lifecycle may restart. */
    private volatile TelegramBotsLongPollingApplication application;
    private TelegramRegistration registration;
    private volatile boolean running;

    LongPolling(TelegramProperties telegram, BotProperties bot, ObjectProvider<UpdateRouter> router) {
        this.telegram = telegram;
        this.bot = bot;
        this.router = router;
    }

    @Override
    public void start() {
        if (UpdateSource.of(telegram, bot) != UpdateSource.LONG_POLLING) {
            return;
        }
        UpdateRouter router = this.router.getObject();
        application = new TelegramBotsLongPollingApplication();
        // Registering also removes a webhook left from an earlier setup, which would make getUpdates fail.
        registration = new TelegramRegistration("long polling", () -> application.registerBot(telegram.token(),
                telegram::telegramUrl, new DefaultGetUpdatesGenerator(UPDATES), router), this::unregisterQuietly);
        running = true;
        registration.start();
    }

    /** A failed start leaves the session registered; it must go before the next try. */
    private void unregisterQuietly() {
        try {
            application.unregisterBot(telegram.token());
        } catch (TelegramApiException | RuntimeException e) {
            log.debug("Nothing to unregister: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        registration.stop();
        try {
            application.close();
        } catch (Exception e) {
            log.warn("Long polling did not stop cleanly: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
