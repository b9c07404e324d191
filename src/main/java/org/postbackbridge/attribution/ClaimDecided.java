package org.postbackbridge.attribution;

/**
 * Published (inside the deciding transaction) when a claim reaches its end: linked, refused or expired,
 * by the claim policy or by an operator ({@code decidedBy}, null for the policy).
 */
public record ClaimDecided(long claimId, long telegramId, String network, String playerId, ClaimStatus status,
                           String reason, String decidedBy) {
}
