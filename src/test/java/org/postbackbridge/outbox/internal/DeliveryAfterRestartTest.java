package org.postbackbridge.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.ServiceInstance;
import org.postbackbridge.testsupport.TestDatabase;
import org.postbackbridge.outbox.Outbox;
import org.postbackbridge.outbox.OutboxMessage;

/** Messages still pending when the service stops are sent, once and in order, after it starts again. */
@Tag("integration")
class DeliveryAfterRestartTest {

    static final long CHAT = 424242;

    /** Spring stops and starts a lifecycle again, e.g. when the test context cache pauses a context. */
    @Test
    void aStoppedDispatcherStartedAgainDelivers() {
        try (ServiceInstance service = ServiceInstance.start(TestDatabase.freshUrl(), java.util.Map.of())) {
            OutboxDispatcher dispatcher = service.bean(OutboxDispatcher.class);
            dispatcher.stop();
            dispatcher.start();
            Outbox outbox = service.bean(Outbox.class);
            outbox.enqueue(CHAT, "test", "after a restart", null, "lifecycle-restart");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(outbox.forChat(CHAT)).extracting(OutboxMessage::status).containsExactly(Outbox.DRY_RUN));
        }
    }

    @Test
    void pendingMessagesGoOutAfterARestart() {
        String database = TestDatabase.freshUrl();
        try (FakeBotApi telegram = new FakeBotApi()) {
            telegram.on("sendMessage", call -> FakeBotApi.error(502, "Bad Gateway"));
            try (ServiceInstance first = ServiceInstance.start(database, ServiceInstance.telegram(telegram))) {
                Outbox outbox = first.bean(Outbox.class);
                for (int i = 0; i < 3; i++) {
                    outbox.enqueue(CHAT, "test", "message " + i, null, "restart-" + i);
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.calls("sendMessage").isEmpty());
            }
            telegram.reset();

            try (ServiceInstance second = ServiceInstance.start(database, ServiceInstance.telegram(telegram))) {
                List<FakeBotApi.Call> delivered = await().atMost(Duration.ofSeconds(15))
                        .until(() -> telegram.delivered(CHAT), calls -> calls.size() == 3);

                assertThat(delivered).extracting(FakeBotApi.Call::text).containsExactly("message 0", "message 1", "message 2");
                // Telegram has the third message before the dispatcher has written down that it was sent.
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second.bean(Outbox.class)
                        .forChat(CHAT)).extracting(OutboxMessage::status).containsOnly(Outbox.SENT));
            }
        }
    }
}
