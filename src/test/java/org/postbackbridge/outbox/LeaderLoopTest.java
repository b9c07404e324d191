package org.postbackbridge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The loop on its own, with passes the test writes. Passes ask to wait an hour, and a failed pass is
 * made again an hour later, unless a test is about it, so a pass comes only from a start, a wake-up
 * or a pass that asks for the next sooner.
 */
class LeaderLoopTest {

    static final Duration NEVER = Duration.ofHours(1);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    final AtomicBoolean leader = new AtomicBoolean();
    final DispatchSignal signal = new DispatchSignal();
    LeaderLoop loop;

    @AfterEach
    void stop() {
        if (loop != null && loop.isRunning()) {
            loop.stop();
        }
    }

    LeaderLoop loop(Duration retryAfterFailure, LeaderLoop.Pass pass) {
        loop = new LeaderLoop("test-loop", leader::get, signal, retryAfterFailure, STOP_TIMEOUT, pass);
        return loop;
    }

    @Test
    void eachPassIsToldWhetherThisInstanceHoldsTheLease() {
        List<Boolean> told = new CopyOnWriteArrayList<>();
        loop(NEVER, (leads, sends) -> {
            told.add(leads);
            return NEVER;
        }).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 1);

        leader.set(true);
        signal.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> told.size() == 2);
        assertThat(told).containsExactly(false, true);
    }

    @Test
    void aPassThatStartedSendsIsFollowedAtOnceAndOneThatDidNotWaitsForAWakeUp() {
        AtomicInteger passes = new AtomicInteger();
        loop(NEVER, (leads, sends) -> passes.incrementAndGet() < 3 ? Duration.ZERO : NEVER).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 3);

        signal.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 4);
    }

    @Test
    void aPassThatAsksToWaitAWhileIsMadeAgainWithoutAWakeUp() {
        AtomicInteger passes = new AtomicInteger();
        loop(NEVER, (leads, sends) -> passes.incrementAndGet() < 3 ? Duration.ofMillis(10) : NEVER).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 3);
    }

    @Test
    void aFailedPassIsMadeAgainAfterTheRetryDelay() {
        AtomicInteger passes = new AtomicInteger();
        loop(Duration.ofMillis(10), (leads, sends) -> {
            if (passes.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is down for a moment");
            }
            return NEVER;
        }).start();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() >= 2);
        assertThat(loop.isRunning()).isTrue();
    }

    @Test
    void theFirstTaskRunsOnTheLoopBeforeTheFirstPass() {
        List<String> done = new CopyOnWriteArrayList<>();
        loop(NEVER, (leads, sends) -> {
            done.add("pass");
            return NEVER;
        }).start(() -> done.add("warm-up"));

        await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 2);
        assertThat(done).containsExactly("warm-up", "pass");
    }

    @Test
    void stoppingWaitsForTheSendsUnderWay() throws InterruptedException {
        AtomicBoolean sendFinished = new AtomicBoolean();
        CountDownLatch sendStarted = new CountDownLatch(1);
        CountDownLatch stopReturned = new CountDownLatch(1);
        leader.set(true);
        loop(NEVER, (leads, sends) -> {
            sends.execute(() -> {
                sendStarted.countDown();
                try {
                    // Answered once stop() has returned, or half a second after stop() began: only a
                    // stop that waits sees it first.
                    while (loop.isRunning()) {
                        Thread.sleep(5);
                    }
                    stopReturned.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sendFinished.set(true);
            });
            return NEVER;
        }).start();
        sendStarted.await();

        loop.stop();
        boolean finishedBeforeStopReturned = sendFinished.get();
        stopReturned.countDown();

        assertThat(finishedBeforeStopReturned).isTrue();
        assertThat(loop.isRunning()).isFalse();
    }

    @Test
    void stoppingInterruptsAPassThatWaits() {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch passStarted = new CountDownLatch(1);
        loop(NEVER, (leads, sends) -> {
            passStarted.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return NEVER;
        }).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> passStarted.getCount() == 0);

        loop.stop();

        assertThat(interrupted).isTrue();
    }

    @Test
    void aStoppedLoopStartsAgain() {
        AtomicInteger passes = new AtomicInteger();
        loop(NEVER, (leads, sends) -> {
            passes.incrementAndGet();
            return NEVER;
        }).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 1);
        loop.stop();

        loop.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
        assertThat(loop.isRunning()).isTrue();
    }
}
