package org.postbackbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;

/** In webhook mode too, Telegram refusing at start does not stop the service; the webhook is set when it answers. */
class WebhookStartTest {

    @Test
    void theServiceStartsWhileTelegramIsDownAndSetsTheWebhookWhenItIsBack() {
        try (FakeBotApi telegram = new FakeBotApi()) {
            telegram.failFirst("setWebhook", 2, FakeBotApi.error(502, "Bad Gateway"));
            Map<String, String> properties = new HashMap<>(ServiceInstance.telegram(telegram));
            properties.put("postback-bridge.bot.webhook-url", "https://bot.example.com/telegram/webhook");

            try (ServiceInstance service = ServiceInstance.start(TestDatabase.freshSqliteUrl(), properties)) {
                assertThat(service.http().get("/postback/health").status()).isEqualTo(200);

                List<FakeBotApi.Call> calls = await().atMost(Duration.ofSeconds(20))
                        .until(() -> telegram.calls("setWebhook"), made -> made.size() == 3);
                assertThat(calls).extracting(call -> call.params().path("url").asString())
                        .containsOnly("https://bot.example.com/telegram/webhook");
                assertThat(calls.getLast().params().path("secret_token").asString()).hasSize(64);
            }
        }
    }
}
