package org.postbackbridge.bot;

import java.util.List;
import org.postbackbridge.notify.TelegramProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Receives updates by long polling (the default; see {@link WebhookController} for the other way). */
class LongPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    static final List<String> UPDATES = List.of("message", "callback_query", "my_chat_member");

    private final TelegramProperties telegram;
    private final TelegramClient client;
    private final UpdateRouter router;
    private TelegramBotsLongPollingApplication application;

    LongPolling(TelegramProperties telegram, TelegramClient client, UpdateRouter router) {
        this.telegram = telegram;
        this.client = client;
        this.router = router;
    }

    @Override
    public void start() {
        try {
            // A webhook left from an earlier setup makes getUpdates fail with 409.
            client.execute(new DeleteWebhook());
        } catch (TelegramApiException e) {
            log.warn("Could not remove a webhook before long polling: {}", e.getMessage());
        }
        try {
            application = new TelegramBotsLongPollingApplication();
            application.registerBot(telegram.token(), telegram::telegramUrl, new DefaultGetUpdatesGenerator(UPDATES), router);
            log.info("Receiving Telegram updates by long polling");
        } catch (TelegramApiException e) {
            throw new IllegalStateException("Cannot start long polling: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        try {
            application.close();
        } catch (Exception e) {
            log.warn("Long polling did not stop cleanly: {}", e.toString());
        }
        application = null;
    }

    @Override
    public boolean isRunning() {
        return application != null;
    }
}
