package org.postbackbridge.bot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.platform.web.ApiException;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
 * update in only with that token and a body of at most 1 MB, before any of the body is read. In any
 * other mode ({@link UpdateSource}) the address answers 404.
 */
@RestController
class WebhookController {

    /** TelegramBots' objects carry Jackson 2 annotations, so they are read with its Jackson, not Spring's. */
    private static final ObjectMapper TELEGRAM_JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ObjectProvider<UpdateRouter> router;
    /** Present in webhook mode only. */
    private final Optional<TelegramRegistration> registration;

    WebhookController(ObjectProvider<UpdateRouter> router, Optional<TelegramClient> telegram, BotProperties properties,
                      TelegramProperties bot) {
        this.router = router;
        this.registration = UpdateSource.of(bot, properties) == UpdateSource.WEBHOOK
                ? telegram.map(client -> new TelegramRegistration("webhook at " + properties.webhookUrl(),
                        () -> client.execute(SetWebhook.builder().url(properties.webhookUrl())
                                .secretToken(bot.webhookSecret()).allowedUpdates(LongPolling.UPDATES).build()),
                        () -> { }))
                : Optional.empty();
    }

    /** Once the service listens: Telegram posts updates as soon as the webhook is set. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        registration.ifPresent(TelegramRegistration::start);
    }

    @PreDestroy
    void stopRegistering() {
        registration.ifPresent(TelegramRegistration::stop);
    }

    @PostMapping("/telegram/webhook")
    void receive(@RequestBody String body) {
        if (registration.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "webhook_off",
                    "this service takes Telegram updates by long polling, not by webhook", null);
        }
        try {
            router.getObject().consume(TELEGRAM_JSON.readValue(body, Update.class));
        } catch (JsonProcessingException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_update", "not a Telegram update", null);
        }
    }
}
