package org.postbackbridge.integration.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer to {@code PUT /api/v1/users/{telegramId}}: the user's click token and the personal
 * affiliate link to hand out (empty while {@code AFFILIATE_LINK} is not set).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RegisteredUser(long telegramId, boolean created, String clickToken, String affiliateLink) {
}
