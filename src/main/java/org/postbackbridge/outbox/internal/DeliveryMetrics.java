package org.postbackbridge.outbox.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.postbackbridge.outbox.SendResult;

/**
 * Counts every send by how it ended and Telegram's error code, as
 * {@code postback_bridge_telegram_sends_total{outcome, code}}; 429s are {@code outcome="retry_after"}.
 */
final class DeliveryMetrics {

    private record Tags(String outcome, String code) {
    }

    private final MeterRegistry meters;

    DeliveryMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void record(SendResult result) {
        Tags tags = switch (result) {
            case SendResult.Sent sent -> new Tags("sent", "ok");
            case SendResult.SentUnread unread -> new Tags("sent_unread", "ok");
            case SendResult.Recorded recorded -> new Tags("dry_run", "none");
            case SendResult.RetryAfter retry -> new Tags("retry_after", "429");
            case SendResult.Blocked blocked -> new Tags("blocked", "403");
            case SendResult.BadMarkup bad -> new Tags("bad_markup", "400");
            case SendResult.ChatMigrated migrated -> new Tags("chat_migrated", "400");
            case SendResult.Rejected rejected -> new Tags("rejected", Integer.toString(rejected.code()));
            case SendResult.CredentialsRefused refused -> new Tags("credentials_refused", Integer.toString(refused.code()));
            case SendResult.Failed failed -> new Tags("failed", failed.code() == null ? "no_answer" : failed.code().toString());
        };
        meters.counter("postback_bridge.telegram.sends", "outcome", tags.outcome(), "code", tags.code()).increment();
    }
}
