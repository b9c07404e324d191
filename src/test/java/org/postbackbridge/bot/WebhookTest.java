package org.postbackbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postbackbridge.platform.secrets.Secrets;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.HeapPeak;
import org.postbackbridge.testsupport.HostileUpload;
import org.postbackbridge.testsupport.Http;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Webhook mode: Telegram is told where to post, and only posts with the secret token are believed. */
@IntegrationTest
@DirtiesContext
class WebhookTest extends PostbackTestBase {

    static final FakeBotApi telegram = new FakeBotApi();

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", telegram::url);
        registry.add("postback-bridge.bot.webhook-url", () -> "https://bot.example.com/telegram/webhook");
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Test
    void updatesAreAcceptedOnlyWithTheSecretTokenGivenToSetWebhook() {
        FakeBotApi.Call setWebhook = await().atMost(Duration.ofSeconds(10))
                .until(() -> telegram.calls("setWebhook"), calls -> !calls.isEmpty()).getFirst();
        String secret = setWebhook.params().path("secret_token").asString();
        assertThat(setWebhook.params().path("url").asString()).isEqualTo("https://bot.example.com/telegram/webhook");
        assertThat(secret).matches("[A-Za-z0-9_-]{32,256}").doesNotContain(FakeBotApi.TOKEN);
        assertThat(telegram.calls("getUpdates")).as("no long polling in webhook mode").isEmpty();

        Http.Response missing = http.postBody("/telegram/webhook", "application/json", start(7001));
        Http.Response wrong = http.postBody("/telegram/webhook", "application/json", start(7002),
                "X-Telegram-Bot-Api-Secret-Token", Secrets.sha256Hex("guess"));
        Http.Response right = http.postBody("/telegram/webhook", "application/json", start(7003),
                "X-Telegram-Bot-Api-Secret-Token", secret);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("error").asString()).isEqualTo("invalid_webhook_secret");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(right.status()).isEqualTo(200);
        assertThat(users.findById(7001)).isEmpty();
        assertThat(users.findById(7002)).isEmpty();
        assertThat(users.findById(7003)).isPresent();
        assertThat(outbox.forChat(7003)).isNotEmpty();
    }

    @Test
    void aWrongSecretIsRefusedBeforeAny400MbBodyIsRead() throws Exception {
        HostileUpload warmUp = HostileUpload.send(port, "guess", 10);
        assertThat(warmUp.status()).isEqualTo(401);

        long heapBefore = HeapPeak.reset();
        HostileUpload huge = HostileUpload.send(port, Secrets.sha256Hex("guess"), 400L * 1024 * 1024);
        long heapGrowth = HeapPeak.since(heapBefore);
        System.out.printf("400 MB webhook body, wrong secret: %d in %d ms, %d KB sent, heap grew at most %d KB%n",
                huge.status(), huge.answeredAfterMillis(), huge.bytesSent() / 1024, heapGrowth / 1024);

        assertThat(huge.status()).isEqualTo(401);
        assertThat(huge.answeredAfterMillis()).as("answered after the headers, in ms").isLessThan(200);
        assertThat(huge.bytesSent()).as("body bytes the service took in").isLessThan(16L * 1024 * 1024);
        assertThat(heapGrowth).as("heap growth in bytes").isLessThan(50L * 1024 * 1024);
    }

    @Test
    void anUpdateOverOneMegabyteIsRefusedWithTheRightSecret() throws Exception {
        String secret = await().atMost(Duration.ofSeconds(10)).until(() -> telegram.calls("setWebhook"),
                calls -> !calls.isEmpty()).getFirst().params().path("secret_token").asString();

        HostileUpload declared = HostileUpload.send(port, secret, 2L * 1024 * 1024);
        Http.Response chunked = http.raw("POST /telegram/webhook HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "X-Telegram-Bot-Api-Secret-Token: " + secret + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + ("4000\r\n" + " ".repeat(0x4000) + "\r\n").repeat(80)
                + "0\r\n\r\n");

        assertThat(declared.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("update_too_large");
    }

    private static String start(long userId) {
        return """
                {"update_id": %d, "message": {"message_id": 1, "date": %d, "text": "/start",
                 "chat": {"id": %d, "type": "private"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Web", "language_code": "ru"}}}"""
                .formatted(userId, Instant.now().getEpochSecond(), userId, userId);
    }
}
