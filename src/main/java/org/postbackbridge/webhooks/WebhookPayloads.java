package org.postbackbridge.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.postbackbridge.eventlog.FeedEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a webhook carries, in the Standard Webhooks shape: {@code type}, {@code timestamp} and
 * {@code data}, where {@code data} is the event exactly as the events feed serves it. The webhook-id
 * is the feed event's id, so a receiver that also reads the feed can tell the same event apart.
 */
@Component
class WebhookPayloads {

    static final String TEST_TYPE = "test";

    private final JsonMapper json;
    private final Clock clock;

    WebhookPayloads(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    WebhookDeliveries.Queued of(FeedEvent event) {
        return new WebhookDeliveries.Queued(event.id(), event.type(), body(event.type(), event.occurredAt(), event));
    }

    /** A message that tells nothing but that the endpoint is reached and signatures check out. */
    WebhookDeliveries.Queued test() {
        Instant now = clock.instant();
        return new WebhookDeliveries.Queued("evt_test_" + UUID.randomUUID().toString().replace("-", ""), TEST_TYPE,
                body(TEST_TYPE, now, Map.of("message", "A test event from postback-bridge's console.")));
    }

    private String body(String type, Instant timestamp, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.put("data", data);
        return json.writeValueAsString(body);
    }
}
