package org.postbackbridge.texts;

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
    OPERATOR_SETUP_TEST("operator_setup_test"),
    OPERATOR_STATS("operator_stats", "total_users", "subscribed_users", "signals_unlocked_users", "deposited_users",
            "registrations", "deposits", "conversion"),
    OPERATOR_PLAYER("operator_player", "player_id", "user", "telegram_id", "events"),
    OPERATOR_PLAYER_UNKNOWN("operator_player_unknown", "player_id"),
    EVENT_REGISTRATION("event_casino_registration"),
    EVENT_DEPOSIT("event_casino_deposit"),
    EVENT_WITHDRAWAL("event_casino_withdrawal"),
    EVENT_WIN("event_casino_win"),
    /** A player linked after postbacks waited for it: one message instead of one per postback. */
    OPERATOR_LINK_SUMMARY("operator_link_summary", "network", "player_id", "user", "telegram_id", "deposits",
            "deposit_sum", "access"),
    OPERATOR_CLAIM_REVIEW("operator_claim_review", "player_id", "claims", "reason"),
    OPERATOR_CLAIM_DECIDED("operator_claim_decided", "player_id", "user", "decision", "operator"),
    BUTTON_APPROVE("button_approve", "user"),
    BUTTON_REJECT("button_reject", "user"),
    /** What an operator wrote to a user from the console, in their own words. */
    OPERATOR_MESSAGE("operator_message", "text"),
    /** Opens every message of a test postback applied for real. */
    TEST_MARKER("test_marker"),
    ALERT_PROCESSING_ERRORS("alert_processing_errors", "count"),
    ALERT_NO_POSTBACKS("alert_no_postbacks", "hours", "since"),
    ALERT_UNDEPOSITED_REGISTRATIONS("alert_undeposited_registrations", "undeposited", "registrations", "percent"),
    ALERT_DEAD_MESSAGES("alert_dead_messages", "count"),
    ALERT_ADMIN_TOKEN_GUESSING("alert_admin_token_guessing", "per_minute", "until"),
    ALERT_UNSUBSTITUTED_MACRO("alert_unsubstituted_macro", "network", "event", "parameter"),

    // The bot's answers to users.
    START_LINK("start_link", "first_name"),
    START_NO_LINK("start_no_link", "first_name"),
    BUTTON_REGISTER("button_register"),
    GATE_SUBSCRIBE("gate_subscribe"),
    GATE_NOT_YET("gate_not_yet"),
    BUTTON_CHANNEL("button_channel"),
    BUTTON_SUBSCRIBED("button_subscribed"),
    LINK_SUMMARY("link_summary", "network", "player_id", "deposits", "deposit_sum", "access"),
    CLAIM_WAITING("claim_waiting", "player_id", "minutes"),
    CLAIM_AWAITING_APPROVAL("claim_awaiting_approval", "player_id"),
    CLAIM_CONTESTED("claim_contested", "player_id"),
    CLAIM_REJECTED("claim_rejected", "player_id"),
    CLAIM_FOREIGN_LINK("claim_foreign_link", "player_id"),
    CLAIMS_OFF("claims_off"),
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
    HELP("help"),
    HELP_ID("help_id"),
    HELP_NOTIFICATIONS("help_notifications"),
    COMMAND_START("command_start"),
    COMMAND_STATUS("command_status"),
    COMMAND_SIGNALS("command_signals"),
    COMMAND_NOTIFICATIONS("command_notifications"),
    COMMAND_ID("command_id");

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
