package org.postbackbridge.bot;

import org.postbackbridge.telegram.TelegramErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Telling Telegram how we take updates (long polling or a webhook), or what the command menu is, in
 * the background and again until it answers, with waits doubling from 1 s to a minute. Telegram
 * being down at start must not stop the service: postbacks do not need it, and messages wait in the outbox.
 */
final class TelegramRegistration {

    private static final Logger log = LoggerFactory.getLogger(TelegramRegistration.class);

    /** One try; throws when Telegram refuses or cannot be reached. */
    interface Attempt {
        void run() throws TelegramApiException;
    }

    private final String what;
    private final String done;
    private final Attempt attempt;
    private final Runnable afterFailure;
    private final ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
    private volatile Thread thread;

    /** {@code afterFailure} cleans up what a failed try left behind, before the next one. */
    TelegramRegistration(String what, Attempt attempt, Runnable afterFailure) {
        this(what, "Receiving Telegram updates by " + what, attempt, afterFailure);
    }

    /** {@code done} is logged once Telegram took it. */
    TelegramRegistration(String what, String done, Attempt attempt, Runnable afterFailure) {
        this.what = what;
        this.done = done;
        this.attempt = attempt;
        this.afterFailure = afterFailure;
        backOff.setMaxInterval(60_000);
    }

    void start() {
        thread = Thread.ofVirtual().name("telegram-registration").start(this::untilTelegramAnswers);
    }

    void stop() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void untilTelegramAnswers() {
        BackOffExecution waits = backOff.start();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                attempt.run();
                log.info(done);
                return;
            } catch (TelegramApiException e) {
                long wait = waits.nextBackOff();
                log.warn("Cannot set up {} ({}); trying again in {} s", what, TelegramErrors.describe(e), wait / 1000);
                afterFailure.run();
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
