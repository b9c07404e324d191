package org.postbackbridge.attribution;

/**
 * What a typed player ID may link ({@code CLAIM_POLICY}). Claims exist for a player who registered
 * through the operator's link outside the bot and then opens it; 1Win's player IDs are sequential,
 * so a policy narrows which players a claim can reach. Click tokens link under every policy.
 */
public enum ClaimPolicy {
    /** A claim links a registration that arrived within {@code CLAIM_WINDOW} before it or 10 minutes after it. */
    WINDOW,
    /** Every claim waits for an operator's approval. */
    APPROVAL,
    /** Claims link nothing: only click tokens do. */
    OFF
}
