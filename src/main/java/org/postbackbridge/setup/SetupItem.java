package org.postbackbridge.setup;

/** What must be right before the first real conversion, in the order an operator sets it up. */
public enum SetupItem {
    BOT("Telegram bot"),
    GATE("Channel gate"),
    AFFILIATE_LINK("Affiliate link"),
    CABINET_URLS("Cabinet URLs"),
    FIRST_POSTBACK("Postbacks from the cabinet"),
    REFUSED_POSTBACKS("Refused postbacks today"),
    PREMIUM_CONTENT("Premium content"),
    OPERATOR_CHATS("Operator chats");

    private final String title;

    SetupItem(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
