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
    OPERATOR_DELIVERY_PAUSED("operator_delivery_paused", "minutes"),
    OPERATOR_GATE_BROKEN("operator_gate_broken", "channel", "error"),
    OPERATOR_STATS("operator_stats", "total_users", "subscribed_users", "signals_unlocked_users", "deposited_users",
            "registrations", "deposits", "conversion"),
    OPERATOR_PLAYER("operator_player", "player_id", "user", "telegram_id", "events"),
    OPERATOR_PLAYER_UNKNOWN("operator_player_unknown", "player_id"),
    ALERT_PROCESSING_ERRORS("alert_processing_errors", "count"),
    ALERT_NO_POSTBACKS("alert_no_postbacks", "hours", "since"),
    ALERT_UNDEPOSITED_REGISTRATIONS("alert_undeposited_registrations", "undeposited", "registrations", "percent"),
    ALERT_DEAD_MESSAGES("alert_dead_messages", "count"),
    ALERT_UNSUBSTITUTED_MACRO("alert_unsubstituted_macro", "network", "event", "parameter"),

    // The bot's answers to users.
    START_LINK("start_link", "first_name"),
    START_NO_LINK("start_no_link", "first_name"),
    BUTTON_REGISTER("button_register"),
    GATE_SUBSCRIBE("gate_subscribe"),
    GATE_NOT_YET("gate_not_yet"),
    BUTTON_CHANNEL("button_channel"),
    BUTTON_SUBSCRIBED("button_subscribed"),
    CLAIM_LINKED("claim_linked", "player_id"),
    CLAIM_WAITING("claim_waiting", "player_id"),
    CLAIM_TAKEN("claim_taken", "player_id"),
    CLAIM_ALREADY_LINKED("claim_already_linked", "player_id"),
    CLAIM_TOO_MANY("claim_too_many", "limit"),
    STATUS_LINKED("status_linked", "player_id", "deposits", "deposit_sum", "access"),
    STATUS_UNLINKED("status_unlinked"),
    ACCESS_OPEN("access_open"),
    ACCESS_LOCKED("access_locked"),
    SIGNALS_INVITE("signals_invite", "link"),
    SIGNALS_TEXT("signals_text"),
    SIGNALS_LOCKED("signals_locked"),
    NOTIFICATIONS_OFF("notifications_off"),
    NOTIFICATIONS_ON("notifications_on"),
    HELP("help");

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
