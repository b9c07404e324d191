package org.postbackbridge.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limits as rules on start and answer times, on a time that moves only when told or waited out. */
class DeliveryLimitsTest {

    /**
     * Time that a test moves by hand. Waiting on it moves it by the time waited, instantly; once
     * frozen, a waiting thread waits (really, a millisecond at a time) until the test moves it.
     */
    static final class MovableTime implements TimeMeter, BlockingStrategy {

        private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
        private volatile boolean frozen;

        void freeze() {
            frozen = true;
        }

        void advance(Duration duration) {
            nanos.addAndGet(duration.toNanos());
        }

        Duration since(long start) {
            return Duration.ofNanos(nanos.get() - start);
        }

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        @Override
        public void park(long nanosToPark) throws InterruptedException {
            if (frozen) {
                Thread.sleep(1);
            } else {
                nanos.addAndGet(nanosToPark);
            }
        }
    }

    final MovableTime time = new MovableTime();

    DeliveryLimits limits(int perSecond, Duration perChat, int groupPerMinute) {
        return new DeliveryLimits(new DeliveryProperties(perSecond, perChat, groupPerMinute, 8, Duration.ofSeconds(2),
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(90)),
                time, time);
    }

    @Test
    void aChatIsReadyAgainOnlyItsIntervalAfterItsLastAnswer() throws InterruptedException {
        DeliveryLimits limits = limits(30, Duration.ofMillis(300), 20);
        assertThat(limits.chatReady(42)).isTrue();

        limits.acquire();
        limits.requestAnswered();
        limits.chatAnswered(42);

        assertThat(limits.chatReady(42)).isFalse();
        assertThat(limits.chatReady(43)).as("other chats are not held up").isTrue();
        time.advance(Duration.ofMillis(299));
        assertThat(limits.chatReady(42)).isFalse();
        time.advance(Duration.ofMillis(1));
        assertThat(limits.chatReady(42)).isTrue();
    }

    @Test
    void aGroupWaitsAMinuteDividedByItsLimit() throws InterruptedException {
        DeliveryLimits limits = limits(30, Duration.ofMillis(10), 600);  // 600 a minute: one per 100 ms

        limits.acquire();
        limits.requestAnswered();
        limits.chatAnswered(-1001);
        limits.acquire();
        limits.requestAnswered();
        limits.chatAnswered(1001);

        time.advance(Duration.ofMillis(50));
        assertThat(limits.chatReady(1001)).as("a private chat after its 10 ms").isTrue();
        assertThat(limits.chatReady(-1001)).as("a group before its 100 ms").isFalse();
        time.advance(Duration.ofMillis(50));
        assertThat(limits.chatReady(-1001)).isTrue();
        assertThat(limits.longestInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSendAnsweredAfterAMomentIsSeenAsAnsweredSinceThen() {
        DeliveryLimits limits = limits(30, Duration.ofSeconds(1), 20);
        long readAt = limits.now();
        assertThat(limits.answeredSince(42, readAt)).isFalse();

        time.advance(Duration.ofMillis(1));
        limits.requestAnswered();
        limits.chatAnswered(42);

        assertThat(limits.answeredSince(42, readAt)).isTrue();
        assertThat(limits.answeredSince(42, limits.now())).isFalse();
    }

    @Test
    void startsAreSpacedEvenlyAtTheLimit() throws InterruptedException {
        DeliveryLimits limits = limits(5, Duration.ofSeconds(1), 20);
        long started = time.currentTimeNanos();

        for (int i = 0; i < 5; i++) {
            limits.acquire();
        }

        assertThat(time.since(started)).as("the first at once, then one each 1/5 s")
                .isEqualTo(Duration.ofMillis(800));
    }

    @Test
    void aFullWindowMakesRoomTheMomentItsOldestAnswerIsASecondOld() throws InterruptedException {
        DeliveryLimits limits = limits(5, Duration.ofSeconds(1), 20);
        for (int i = 0; i < 5; i++) {
            limits.acquire();
        }
        long firstAnsweredAt = time.currentTimeNanos();
        limits.requestAnswered();
        time.advance(Duration.ofMillis(7));
        for (int i = 0; i < 4; i++) {
            limits.requestAnswered();
        }
        time.advance(Duration.ofMillis(2));

        limits.acquire();

        assertThat(time.currentTimeNanos()).as("not a poll later").isEqualTo(firstAnsweredAt + Duration.ofSeconds(1).toNanos());
    }

    @Test
    void answeringARequestStartsNoChatsInterval() throws InterruptedException {
        DeliveryLimits limits = limits(30, Duration.ofMillis(300), 20);
        limits.acquire();
        limits.requestAnswered();
        time.advance(Duration.ofMillis(50));
        assertThat(limits.chatReady(42)).as("its interval starts once its result is written; until then the "
                + "dispatcher holds the chat as in flight").isTrue();

        limits.chatAnswered(42);
        time.advance(Duration.ofMillis(299));

        assertThat(limits.chatReady(42)).isFalse();
    }

    @Test
    void noMoreThanTheLimitStartInAnySecondCountingThoseInFlight() throws InterruptedException {
        DeliveryLimits limits = limits(5, Duration.ofSeconds(1), 20);
        for (int i = 0; i < 5; i++) {
            limits.acquire();
        }
        time.freeze();
        AtomicLong sixthStartedAt = new AtomicLong();

        Thread sixth = Thread.ofVirtual().start(() -> {
            try {
                limits.acquire();
                sixthStartedAt.set(time.currentTimeNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        time.advance(Duration.ofSeconds(5));
        sixth.join(Duration.ofMillis(200));
        assertThat(sixth.isAlive()).as("a sixth waits while five are in flight, however long").isTrue();

        long answeredAt = time.currentTimeNanos();
        limits.requestAnswered();
        time.advance(Duration.ofMillis(999));
        sixth.join(Duration.ofMillis(200));
        assertThat(sixth.isAlive()).as("the answered one counts for a second after its answer").isTrue();

        time.advance(Duration.ofMillis(1));
        sixth.join(Duration.ofSeconds(30));
        assertThat(sixth.isAlive()).isFalse();
        assertThat(sixthStartedAt.get()).isEqualTo(answeredAt + Duration.ofSeconds(1).toNanos());
    }
}
