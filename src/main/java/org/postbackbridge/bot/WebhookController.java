package org.postbackbridge.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.platform.web.ApiException;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Webhook mode ({@code TELEGRAM_WEBHOOK_URL}): at start the service asks Telegram to POST updates to
 * that URL with a secret token ({@link TelegramProperties#webhookSecret()}). The access rules let an
 * update in only with that token and a body of at most 1 MB, before any of the body is read.
 */
@RestController
@ConditionalOnExpression("!'${postback-bridge.telegram.token:}'.isBlank() and !'${postback-bridge.bot.webhook-url:}'.isBlank()")
class WebhookController {

    /** TelegramBots' objects carry Jackson 2 annotations, so they are read with its Jackson, not Spring's. */
    private static final ObjectMapper TELEGRAM_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final UpdateRouter router;
    private final TelegramClient telegram;
    private final BotProperties properties;
    private final TelegramRegistration registration;

    WebhookController(UpdateRouter router, TelegramClient telegram, BotProperties properties, TelegramProperties bot) {
        this.router = router;
        this.telegram = telegram;
        this.properties = properties;
        String secret = bot.webhookSecret();
        this.registration = new TelegramRegistration("webhook at " + properties.webhookUrl(),
                () -> telegram.execute(SetWebhook.builder().url(properties.webhookUrl()).secretToken(secret)
                        .allowedUpdates(LongPolling.UPDATES).build()),
                () -> { });
    }

    /** Once the service listens: Telegram posts updates as soon as the webhook is set. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        registration.start();
    }

    @PreDestroy
    void stopRegistering() {
        registration.stop();
    }

    @PostMapping("/telegram/webhook")
    void receive(@RequestBody String body) {
        try {
            router.consume(TELEGRAM_JSON.readValue(body, Update.class));
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_update", "not a Telegram update", null);
        }
    }
}
