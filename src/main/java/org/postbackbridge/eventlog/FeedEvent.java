package org.postbackbridge.eventlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One applied effect, as the feed and the webhooks tell it: {@code type} is one of {@link FeedEventType}'s
 * names, {@code details} what the partner program reported (player, amount, currency…).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedEvent(String id, String cursor, String type, Long telegramId, Instant occurredAt, JsonNode details) {
}
