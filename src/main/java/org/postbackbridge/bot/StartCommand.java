package org.postbackbridge.bot;

import java.util.Map;
import java.util.regex.Pattern;
import org.postbackbridge.attribution.AttributionProperties;
import org.postbackbridge.attribution.ClickTokens;
import org.postbackbridge.telegram.Keyboard;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.users.BotUser;
import org.postbackbridge.users.UserRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * /start: records the user, passes them through the soft gate, and hands them their personal
 * affiliate link, which carries their click token so their registration finds them.
 */
@BotComponent
class StartCommand {

    /** What Telegram allows in a deep-link payload; anything else is ignored. */
    private static final Pattern PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String RECHECK_SUBSCRIPTION = "recheck_subscription";

    private final UserRepository users;
    private final SubscriptionGate gate;
    private final AttributionProperties attribution;
    private final BotProperties properties;
    private final Replies replies;
    private final TransactionTemplate transaction;

    StartCommand(UserRepository users, SubscriptionGate gate, AttributionProperties attribution,
                 BotProperties properties, Replies replies, TransactionTemplate transaction) {
        this.users = users;
        this.gate = gate;
        this.attribution = attribution;
        this.properties = properties;
        this.replies = replies;
        this.transaction = transaction;
    }

    void start(Conversation conversation, String username, String firstName, String payload) {
        String source = payload != null && PAYLOAD.matcher(payload).matches() ? payload : null;
        boolean subscribed = gate.letsThrough(conversation.userId());
        transaction.executeWithoutResult(tx -> {
            BotUser user = users.saveProfile(conversation.userId(), username, firstName, conversation.language(),
                    source, ClickTokens.newToken());
            if (user.blocked()) {
                users.updateBlocked(user.telegramId(), false);
            }
            linkOrGate(conversation, user, subscribed);
        });
    }

    /** The "I subscribed" button. */
    void recheck(Conversation conversation) {
        boolean subscribed = gate.letsThrough(conversation.userId());
        transaction.executeWithoutResult(tx -> users.findById(conversation.userId())
                .ifPresent(user -> linkOrGate(conversation, user, subscribed)));
    }

    private void linkOrGate(Conversation conversation, BotUser user, boolean subscribed) {
        if (!subscribed) {
            users.updateSubscribed(user.telegramId(), false);
            MessageKind kind = RECHECK_SUBSCRIPTION.equals(conversation.text()) ? MessageKind.GATE_NOT_YET : MessageKind.GATE_SUBSCRIBE;
            replies.send(conversation, kind, Map.of(), gateButtons(conversation));
            return;
        }
        if (properties.gated()) {
            users.updateSubscribed(user.telegramId(), true);
        }
        String link = attribution.affiliateLinkFor(user.clickToken());
        Map<String, Object> values = Map.of("first_name", user.firstName() == null ? "" : user.firstName());
        if (link.isBlank()) {
            replies.send(conversation, MessageKind.START_NO_LINK, values);
            return;
        }
        replies.send(conversation, MessageKind.START_LINK, values,
                Keyboard.of(Keyboard.Button.link(replies.label(conversation, MessageKind.BUTTON_REGISTER), link)));
    }

    private Keyboard gateButtons(Conversation conversation) {
        Keyboard.Button recheck = Keyboard.Button.callback(replies.label(conversation, MessageKind.BUTTON_SUBSCRIBED),
                RECHECK_SUBSCRIPTION);
        String channel = properties.channelUrl();
        return channel == null ? Keyboard.of(recheck)
                : Keyboard.of(Keyboard.Button.link(replies.label(conversation, MessageKind.BUTTON_CHANNEL), channel), recheck);
    }
}
