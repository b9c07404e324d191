package org.postbackbridge.attribution;

/**
 * Published (inside the linking transaction) when a player is linked other than by the postback
 * being processed, so postbacks stored as unmatched for that player are applied now.
 */
public record PlayerLinked(String network, String playerId, long telegramId) {
}
