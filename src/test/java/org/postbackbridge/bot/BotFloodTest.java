package org.postbackbridge.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postbackbridge.testsupport.FakeBotApi;
import org.postbackbridge.testsupport.IntegrationTest;
import org.postbackbridge.testsupport.MovableClock;
import org.postbackbridge.testsupport.PostbackTestBase;
import org.postbackbridge.testsupport.Waits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A user who writes to the bot faster than anyone types is answered within a budget; others are not slowed. */
@IntegrationTest
@DirtiesContext
@Import(MovableClock.Config.class)
class BotFloodTest extends PostbackTestBase {

    static final FakeBotApi telegram = new FakeBotApi();
    static final int PER_MINUTE = 3;
    static final AtomicLong NEXT_ID = new AtomicLong(7_000_000 + (System.nanoTime() % 100_000) * 10);
    static final Duration WAIT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void bot(DynamicPropertyRegistry registry) {
        registry.add("postback-bridge.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("postback-bridge.telegram.api-url", telegram::url);
        registry.add("postback-bridge.bot.updates-per-minute", () -> PER_MINUTE);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Autowired
    MovableClock clock;
    @Autowired
    MeterRegistry meters;

    @Test
    void messagesPastTheBudgetAreDroppedUnansweredUntilItRefills() {
        long flooder = NEXT_ID.incrementAndGet();
        long other = NEXT_ID.incrementAndGet();
        double ignoredBefore = ignored();

        for (int i = 0; i < PER_MINUTE + 2; i++) {
            send(flooder, "hello " + i);
        }
        Waits.promptly(WAIT).until(() -> ignored() - ignoredBefore == 2 && helpReplies(flooder) == PER_MINUTE);

        send(other, "hello");
        Waits.promptly(WAIT).until(() -> helpReplies(other) == 1);
        assertThat(helpReplies(flooder)).isEqualTo(PER_MINUTE);

        clock.advance(Duration.ofSeconds(60 / PER_MINUTE));
        send(flooder, "hello again");
        Waits.promptly(WAIT).until(() -> helpReplies(flooder) == PER_MINUTE + 1);
        assertThat(ignored() - ignoredBefore).isEqualTo(2);
    }

    @Test
    void buttonPressesCountAgainstTheSameBudget() {
        long presser = NEXT_ID.incrementAndGet();
        double ignoredBefore = ignored();

        for (int i = 0; i < PER_MINUTE; i++) {
            send(presser, "hello " + i);
        }
        telegram.pushUpdate(Map.of("callback_query", Map.of("id", "cb" + presser, "from", from(presser),
                "chat_instance", "1", "data", StartCommand.RECHECK_SUBSCRIPTION,
                "message", Map.of("message_id", 1, "date", clock.instant().getEpochSecond(), "chat", chat(presser),
                        "text", "gate"))));

        Waits.promptly(WAIT).until(() -> ignored() - ignoredBefore == 1);
        assertThat(helpReplies(presser)).isEqualTo(PER_MINUTE);
        assertThat(telegram.calls("answerCallbackQuery")).isEmpty();
    }

    private double ignored() {
        return meters.counter("postback_bridge.bot.updates_ignored").count();
    }

    private long helpReplies(long chatId) {
        return outbox.forChat(chatId).stream().filter(message -> message.kind().equals("help")).count();
    }

    private void send(long userId, String text) {
        telegram.pushUpdate(Map.of("message", Map.of("message_id", NEXT_ID.incrementAndGet(),
                "date", clock.instant().getEpochSecond(), "chat", chat(userId), "from", from(userId), "text", text)));
    }

    private static Map<String, Object> chat(long id) {
        return Map.of("id", id, "type", "private");
    }

    private static Map<String, Object> from(long id) {
        return Map.of("id", id, "is_bot", false, "first_name", "Ann", "language_code", "en");
    }
}
