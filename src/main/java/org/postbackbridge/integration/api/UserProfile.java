package org.postbackbridge.integration.api;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code PUT /api/v1/users/{telegramId}}: what the other bot knows of its user. Every field may be left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UserProfile(String username, String firstName, String language, String trafficSource) {
}
