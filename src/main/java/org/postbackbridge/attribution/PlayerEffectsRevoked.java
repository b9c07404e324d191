package org.postbackbridge.attribution;

/**
 * Published (inside the deciding transaction) when a user who held a player through a claim loses
 * it to an operator's decision: what that player's postbacks did for them is undone, and the
 * postbacks wait again for the player's owner.
 */
public record PlayerEffectsRevoked(String network, String playerId, long telegramId) {
}
