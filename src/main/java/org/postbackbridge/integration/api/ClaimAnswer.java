package org.postbackbridge.integration.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How the claim policy decided: {@code linked}, {@code waiting}, {@code awaiting_approval},
 * {@code contested}, {@code taken}, {@code foreign_link}, {@code claims_off}, {@code already_linked}
 * or {@code already_yours}; {@code player_id} is the user's player when it is {@code already_linked}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClaimAnswer(String result, String playerId) {
}
