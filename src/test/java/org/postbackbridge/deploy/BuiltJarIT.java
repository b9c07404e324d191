package org.postbackbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.telegram.TelegramProperties;
import org.postbackbridge.testsupport.FreePort;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.ServiceProcess;
import org.postbackbridge.testsupport.TestDatabase;

/**
 * The jar as the build leaves it, started as {@code bin/start} starts it: with the context Spring AOT
 * prepared at build time. That build ran without a bot token, so these show that the bot's parts do
 * not depend on what the build saw: a token given only at run time starts the bot, by long polling or
 * by webhook, and without one the service takes postbacks in dry-run.
 */
class BuiltJarIT {

    private static final Path JAR = Path.of(System.getProperty("service.jar", "target/postback-bridge.jar"));
    private static final List<String> AOT = List.of("-Xmx256m", "-Dspring.aot.enabled=true");

    @Test
    void aTokenGivenAtRunTimeStartsTheBotByLongPolling() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi();
             ServiceProcess service = start(ServiceInstance.telegram(telegram))) {
            assertThat(service.log()).contains("Starting AOT-processed");

            await().atMost(Duration.ofSeconds(30)).until(() -> telegram.calls("setMyCommands").size() >= 2);
            telegram.pushUpdate(Map.of("message", startCommand(81001)));

            await().atMost(Duration.ofSeconds(30)).until(() -> !telegram.delivered(81001).isEmpty());
            assertThat(telegram.calls("getUpdates")).isNotEmpty();
            assertThat(telegram.calls("setWebhook")).isEmpty();
            Http.Response webhook = service.http().postBody("/telegram/webhook", "application/json", "{}",
                    "X-Telegram-Bot-Api-Secret-Token", secretOf(telegram));
            assertThat(webhook.status()).as("no webhook in long-polling mode").isEqualTo(404);
            assertThat(webhook.json().get("error").asString()).isEqualTo("webhook_off");
        }
    }

    @Test
    void aWebhookUrlGivenAtRunTimeRegistersTheWebhookAndTakesUpdatesThere() throws Exception {
        try (FakeBotApi telegram = new FakeBotApi()) {
            Map<String, String> properties = new HashMap<>(ServiceInstance.telegram(telegram));
            properties.put("postback-bridge.bot.webhook-url", "https://bot.example.com/telegram/webhook");
            try (ServiceProcess service = start(properties)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !telegram.calls("setWebhook").isEmpty());
                String update = """
                        {"update_id": 2, "message": {"message_id": 1, "date": %d, "text": "/start",
                         "chat": {"id": 81002, "type": "private"},
                         "from": {"id": 81002, "is_bot": false, "first_name": "Web", "language_code": "en"}}}"""
                        .formatted(Instant.now().getEpochSecond());

                Http.Response answer = service.http().postBody("/telegram/webhook", "application/json", update,
                        "X-Telegram-Bot-Api-Secret-Token", secretOf(telegram));

                assertThat(answer.status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(30)).until(() -> !telegram.delivered(81002).isEmpty());
                assertThat(telegram.calls("getUpdates")).as("no long polling in webhook mode").isEmpty();
            }
        }
    }

    @Test
    void withoutATokenThereIsNoBotAndPostbacksAreProcessed() throws Exception {
        try (ServiceProcess service = start(Map.of())) {
            Http.Response registration = service.http().get(
                    "/postback/1win?event=registration&user_id=81003&sub1=built-jar-click");
            Http.Response webhook = service.http().postBody("/telegram/webhook", "application/json", "{}");

            assertThat(registration.status()).isEqualTo(200);
            assertThat(webhook.status()).as("refused before the body is read").isEqualTo(401);
            assertThat(service.log()).contains("dry-run").doesNotContain("Telegram Bot API at");
        }
    }

    private static ServiceProcess start(Map<String, String> properties) {
        return ServiceProcess.startJar(JAR, AOT, FreePort.any(), TestDatabase.freshSqliteUrl(), properties);
    }

    private static String secretOf(FakeBotApi telegram) {
        return new TelegramProperties(FakeBotApi.TOKEN, URI.create(telegram.url())).webhookSecret();
    }

    private static Map<String, Object> startCommand(long userId) {
        return Map.of("message_id", 1, "date", Instant.now().getEpochSecond(), "text", "/start",
                "chat", Map.of("id", userId, "type", "private"),
                "from", Map.of("id", userId, "is_bot", false, "first_name", "Built", "language_code", "en"));
    }
}
