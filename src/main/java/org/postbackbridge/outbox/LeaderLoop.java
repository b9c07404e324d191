package org.postbackbridge.outbox;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dispatcher's background loop: one platform thread makes passes, telling each whether this
 * instance holds the {@link DispatchLeadership} lease, and a pass hands its sends to virtual threads,
 * so a slow receiver does not hold up the rest. After a pass it waits as long as the pass asked, or
 * until its {@link DispatchSignal} wakes it. A pass that fails (the database down for a moment) is
 * logged and made again {@code retryAfterFailure} later: what it was to send waits in the database.
 *
 * <p>Stopping interrupts the pass under way, waits for it up to {@code stopTimeout}, then waits for
 * the sends it started to be answered and written. The thread and the sends' executor are made on
 * each start: a lifecycle may be stopped and started again (Spring's test context pausing does).
 */
public final class LeaderLoop {

    private static final Logger log = LoggerFactory.getLogger(LeaderLoop.class);

    /** What a dispatcher does in one pass. */
    @FunctionalInterface
    public interface Pass {

        /**
         * Does what is due, sending only if {@code leader}, each send on {@code sends}. Returns how
         * long to wait for a wake-up before the next pass: zero to make it at once (there may be more).
         */
        Duration run(boolean leader, Executor sends) throws InterruptedException;
    }

    private final String name;
    private final ThreadFactory threads;
    private final DispatchLeadership leadership;
    private final DispatchSignal signal;
    private final Duration retryAfterFailure;
    private final Duration stopTimeout;
    private final Pass pass;

    private volatile ExecutorService sends;
    private volatile boolean running;
    private Thread thread;

    public LeaderLoop(String name, DispatchLeadership leadership, DispatchSignal signal, Duration retryAfterFailure,
                      Duration stopTimeout, Pass pass) {
        this.name = name;
        this.threads = Thread.ofPlatform().name(name).daemon().factory();
        this.leadership = leadership;
        this.signal = signal;
        this.retryAfterFailure = retryAfterFailure;
        this.stopTimeout = stopTimeout;
        this.pass = pass;
    }

    public void start() {
        start(() -> {
        });
    }

    /** Starts the loop; {@code first} runs on its thread before the first pass, so a slow call does not hold up the start. */
    public void start(Runnable first) {
        sends = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
        thread = threads.newThread(() -> {
            first.run();
            run();
        });
        thread.start();
    }

    /** Stops making passes and waits for the sends under way to be answered and written. */
    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(stopTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sends.close();
    }

    /** True from start to stop; a pass checks it to stop early. */
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                Duration wait = pass.run(leadership.isLeader(), sends);
                if (wait.isPositive()) {
                    signal.await(wait);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be down for a moment: what the pass was to send waits in it.
                log.warn("{}: a pass failed, trying again in {}: {}", name, retryAfterFailure, e.toString());
                try {
                    Thread.sleep(retryAfterFailure);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
