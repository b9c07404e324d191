package org.postbackbridge.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The limits as rules on start and answer times; the waits are short real waits. */
class DeliveryLimitsTest {

    static DeliveryLimits limits(int perSecond, Duration perChat, int groupPerMinute) {
        return new DeliveryLimits(new DeliveryProperties(perSecond, perChat, groupPerMinute, 8, Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(200)));
    }

    @Test
    void aChatIsReadyAgainOnlyItsIntervalAfterItsLastAnswer() throws InterruptedException {
        DeliveryLimits limits = limits(30, Duration.ofMillis(300), 20);
        assertThat(limits.chatReady(42)).isTrue();

        limits.acquire();
        limits.answered(42);

        assertThat(limits.chatReady(42)).isFalse();
        assertThat(limits.chatReady(43)).as("other chats are not held up").isTrue();
        Thread.sleep(350);
        assertThat(limits.chatReady(42)).isTrue();
    }

    @Test
    void aGroupWaitsAMinuteDividedByItsLimit() throws InterruptedException {
        DeliveryLimits limits = limits(30, Duration.ofMillis(10), 600);  // 600 a minute: one per 100 ms

        limits.acquire();
        limits.answered(-1001);
        limits.acquire();
        limits.answered(1001);

        Thread.sleep(50);
        assertThat(limits.chatReady(1001)).as("a private chat after its 10 ms").isTrue();
        assertThat(limits.chatReady(-1001)).as("a group before its 100 ms").isFalse();
        Thread.sleep(100);
        assertThat(limits.chatReady(-1001)).isTrue();
        assertThat(limits.longestInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noMoreThanTheLimitStartInAnySecondCountingThoseInFlight() throws InterruptedException {
        DeliveryLimits limits = limits(5, Duration.ofSeconds(1), 20);
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            limits.acquire();
        }
        long fiveStarted = System.nanoTime();

        Thread thread = Thread.ofVirtual().start(() -> {
            try {
                limits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.join(Duration.ofMillis(500));
        assertThat(thread.isAlive()).as("a sixth waits while five are in flight").isTrue();

        limits.answered(1);
        thread.join(Duration.ofSeconds(2));
        assertThat(thread.isAlive()).isFalse();
        assertThat(Duration.ofNanos(fiveStarted - started)).as("starts are spaced at 1/5 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(790));
    }
}
