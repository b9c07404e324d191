package org.postbackbridge.attribution;

import java.time.Instant;

/**
 * One typed player ID and what became of it: who claimed, when, why the policy decided as it did,
 * and the operator who decided, if one did ({@code decidedBy} null otherwise).
 */
public record Claim(long id, long telegramId, String network, String playerId, ClaimStatus status, String reason,
                    Instant createdAt, String decidedBy, Instant decidedAt) {
}
