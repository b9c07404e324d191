package org.postbackbridge.bot;

import java.time.Duration;
import java.util.List;
import org.postbackbridge.notify.TelegramErrors;
import org.postbackbridge.notify.TelegramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Receives updates by long polling (the default; see {@link WebhookController} for the other way).
 * Telegram being unreachable at start must not stop the service, which takes postbacks regardless:
 * the session is started in the background and retried until Telegram answers.
 */
class LongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofMinutes(1);

    private final TelegramProperties telegram;
    private final UpdateRouter router;
    private final TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication();
    private Thread starter;
    private volatile boolean running;

    LongPolling(TelegramProperties telegram, UpdateRouter router) {
        this.telegram = telegram;
        this.router = router;
    }

    @Override
    public void start() {
        running = true;
        starter = Thread.ofVirtual().name("telegram-long-polling-start").start(this::registerUntilTelegramAnswers);
    }

    private void registerUntilTelegramAnswers() {
        Duration wait = FIRST_RETRY;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                // Also removes a webhook left from an earlier setup, which would make getUpdates fail.
                application.registerBot(telegram.token(), telegram::telegramUrl, new DefaultGetUpdatesGenerator(UPDATES), router);
                log.info("Receiving Telegram updates by long polling");
                return;
            } catch (TelegramApiException e) {
                log.warn("Cannot start long polling ({}); trying again in {} s", TelegramErrors.describe(e), wait.toSeconds());
                unregisterQuietly();
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
        }
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
        starter.interrupt();
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
