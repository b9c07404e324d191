package org.postbackbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;

/** Telegram refusing at start does not stop the service; the bot comes up once Telegram answers. */
class LongPollingStartTest {

    @Test
    void theServiceStartsWhileTelegramIsDownAndTheBotFollowsWhenItIsBack() {
        try (FakeBotApi telegram = new FakeBotApi()) {
            telegram.failFirst("deleteWebhook", 2, FakeBotApi.error(502, "Bad Gateway"));

            try (ServiceInstance service = ServiceInstance.start(TestDatabase.freshSqliteUrl(), ServiceInstance.telegram(telegram))) {
                assertThat(service.http().get("/postback/health").status()).isEqualTo(200);

                telegram.pushUpdate(Map.of("message", Map.of("message_id", 1, "date", Instant.now().getEpochSecond(),
                        "chat", Map.of("id", 77001, "type", "private"),
                        "from", Map.of("id", 77001, "is_bot", false, "first_name", "Late", "language_code", "en"),
                        "text", "/start")));

                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !service.bean(Outbox.class).forChat(77001).isEmpty());
                assertThat(telegram.calls("deleteWebhook")).hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }
}
