package org.postbackbridge.notify;

import java.util.Set;

/**
 * Every text the service sends, with the placeholders its template may use. Texts live in
 * {@code messages.properties} as {@code <key>.<language>}; operators override them in {@code MESSAGES_FILE}.
 */
public enum MessageKind {
    REGISTRATION("registration", "network", "player_id"),
    DEPOSIT("deposit", "amount", "network", "player_id"),
    SIGNALS_UNLOCKED("signals_unlocked", "amount"),
    WITHDRAWAL("withdrawal", "amount"),
    WIN("win", "amount"),
    OPERATOR_REGISTRATION("operator_registration", "network", "player_id", "user", "telegram_id"),
    OPERATOR_FIRST_DEPOSIT("operator_first_deposit", "network", "player_id", "user", "telegram_id", "amount"),
    OPERATOR_DEPOSIT("operator_deposit", "network", "player_id", "user", "telegram_id", "amount"),
    OPERATOR_DELIVERY_PAUSED("operator_delivery_paused", "minutes");

    private final String key;
    private final Set<String> placeholders;

    MessageKind(String key, String... placeholders) {
        this.key = key;
        this.placeholders = Set.of(placeholders);
    }

    public String key() {
        return key;
    }

    public Set<String> placeholders() {
        return placeholders;
    }
}
