package org.postbackbridge.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.postbackbridge.eventlog.FeedEventType;

/**
 * An endpoint that receives webhooks; its secret is not part of it, so it can be shown and logged.
 *
 * @param eventTypes     the feed event types it gets; empty for every type
 * @param declared       declared in configuration: read-only in the console
 * @param disabledReason why it is disabled (an operator, or a 410 from it), when it is
 */
public record WebhookEndpoint(long id, String url, List<String> eventTypes, boolean declared, boolean enabled,
                              String disabledReason, Instant createdAt) {

    /** Every type an endpoint can ask for: the events feed's. */
    public static final List<String> EVENT_TYPES = Arrays.stream(FeedEventType.values()).map(FeedEventType::value).toList();

    public boolean wants(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
}
