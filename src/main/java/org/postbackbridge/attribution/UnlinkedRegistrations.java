package org.postbackbridge.attribution;

/**
 * Whether the network reported a player's registration that no Telegram user is linked to yet:
 * the proof a typed player ID needs. Implemented where postbacks are stored.
 */
public interface UnlinkedRegistrations {

    boolean seen(String network, String playerId);
}
