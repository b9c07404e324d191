package org.postbackbridge.integration.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The answer to {@code GET /api/v1/users/{telegramId}}: what the postbacks made of the user. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UserState(
        long telegramId,
        String username,
        String firstName,
        String language,
        String trafficSource,
        String clickToken,
        String affiliateLink,
        List<LinkedPlayer> players,
        boolean deposited,
        boolean accessUnlocked,
        long depositCount,
        List<Deposits> deposits,
        boolean blocked,
        boolean muted,
        Instant createdAt) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LinkedPlayer(String network, String playerId, String linkedBy, Instant linkedAt) {
    }

    /** Deposits of one currency, test postbacks left out. */
    record Deposits(String currency, long count, BigDecimal sum) {
    }
}
