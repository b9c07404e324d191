package org.postbackbridge.attribution;

/** How a player was tied to a Telegram user; stored in {@code players.linked_by}. */
public enum LinkMethod {
    /** sub1 carried the user's click token. */
    CLICK_TOKEN,
    /** sub1 carried the raw Telegram ID and the operator allows that. */
    TELEGRAM_ID,
    /** The user typed the player ID and a registration postback confirmed it. */
    CLAIM,
    /** The operator linked them by hand. */
    OPERATOR
}
