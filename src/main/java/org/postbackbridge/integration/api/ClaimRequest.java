package org.postbackbridge.integration.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code POST /api/v1/users/{telegramId}/claims}: the player ID the user says is theirs. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClaimRequest(String playerId) {
}
