package org.postbackbridge.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * Limits shorter than Telegram's, kept by the service and the fake alike. A starting dispatcher
     * waits out the longest rate-limit window for a previous one's sends: with groups at Telegram's
     * 20 a minute that is 3 s; with these, the bot-wide second.
     */
    static final Duration PER_CHAT_INTERVAL = Duration.ofMillis(250);
    static final int GROUP_PER_MINUTE = 240;
    static final Map<String, String> LIMITS = Map.of(
            "postback-bridge.telegram.delivery.per-chat-interval", PER_CHAT_INTERVAL.toString(),
            "postback-bridge.telegram.delivery.group-per-minute", String.valueOf(GROUP_PER_MINUTE));

    /** Spring stops and starts a lifecycle again, e.g. when the test context cache pauses a context. */
    @Test
    void aStoppedDispatcherStartedAgainDelivers() {
        try (ServiceInstance service = ServiceInstance.start(TestDatabase.freshUrl(), LIMITS)) {
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
        try (FakeBotApi telegram = new FakeBotApi(30, PER_CHAT_INTERVAL, GROUP_PER_MINUTE)) {
            Map<String, String> settings = new HashMap<>(ServiceInstance.telegram(telegram));
            settings.putAll(LIMITS);
            telegram.on("sendMessage", call -> FakeBotApi.error(502, "Bad Gateway"));
            try (ServiceInstance first = ServiceInstance.start(database, settings)) {
                Outbox outbox = first.bean(Outbox.class);
                for (int i = 0; i < 3; i++) {
                    outbox.enqueue(CHAT, "test", "message " + i, null, "restart-" + i);
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.calls("sendMessage").isEmpty());
            }
            telegram.reset();

            try (ServiceInstance second = ServiceInstance.start(database, settings)) {
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
