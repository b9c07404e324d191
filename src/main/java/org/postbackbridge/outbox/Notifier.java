package org.postbackbridge.outbox;

import java.util.List;
import java.util.Map;
import org.postbackbridge.users.BotUser;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.telegram.ChatMigrations;
import org.postbackbridge.telegram.Keyboard;
import org.postbackbridge.texts.MessageTemplates;
import org.postbackbridge.texts.NotifyProperties;
import org.postbackbridge.texts.TelegramText;

/** Renders texts and queues them in the outbox for a user or for every operator chat. */
@Service
public class Notifier {

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final NotifyProperties properties;
    private final JsonMapper json;
    private final ChatMigrations migrations;
    private final DeliveryMode mode;

    Notifier(Outbox outbox, MessageTemplates templates, NotifyProperties properties, JsonMapper json,
             ChatMigrations migrations, DeliveryMode mode) {
        this.mode = mode;
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
        this.json = json;
        this.migrations = migrations;
    }

    /**
     * Queues {@code kind} for the user once per {@code dedupeKey}; for a user who blocked the bot
     * it is only recorded, as {@code blocked}.
     */
    public void toUser(BotUser user, MessageKind kind, Map<String, ?> values, String dedupeKey) {
        toUser(user, kind, values, dedupeKey, false);
    }

    /** As {@link #toUser(BotUser, MessageKind, Map, String)}; a {@code test} message opens with the test marker. */
    public void toUser(BotUser user, MessageKind kind, Map<String, ?> values, String dedupeKey, boolean test) {
        if (mode.headless()) {
            return;
        }
        String text = render(kind, user.language(), values, test);
        if (user.blocked()) {
            outbox.recordBlocked(user.telegramId(), kind.key(), text, dedupeKey + ":" + kind.key());
            return;
        }
        queue(user.telegramId(), kind, text, null, dedupeKey);
    }

    /**
     * An operator's own words to the user, queued as {@link MessageKind#OPERATOR_MESSAGE} once per
     * {@code dedupeKey}: HTML-escaped, split at Telegram's length limit, and sent within the same
     * limits as every other message.
     */
    public void fromOperator(BotUser user, String text, String dedupeKey) {
        toUser(user, MessageKind.OPERATOR_MESSAGE, Map.of("text", text), dedupeKey);
    }

    /**
     * Queues {@code kind} for any chat in the language closest to {@code languageCode}, with
     * optional buttons, once per {@code dedupeKey} (for bot replies: per Telegram update, so a
     * redelivered update is not answered twice).
     */
    public void toChat(long chatId, String languageCode, MessageKind kind, Map<String, ?> values,
                       Keyboard keyboard, String dedupeKey) {
        queue(chatId, kind, templates.render(kind, languageCode, values), keyboard, dedupeKey);
    }

    /** Headless, nothing is queued: the operator's own bot tells its users what the webhooks and the feed say. */
    private void queue(long chatId, MessageKind kind, String text, Keyboard keyboard, String dedupeKey) {
        if (mode.headless()) {
            return;
        }
        List<String> parts = TelegramText.split(text);
        String buttons = keyboard == null ? null : json.writeValueAsString(keyboard);
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            String key = dedupeKey + ":" + kind.key() + (i == 0 ? "" : ":" + i);
            outbox.enqueue(chatId, kind.key(), parts.get(i), last ? buttons : null, key);
        }
    }

    /** A test message says so first, so nobody takes it for a real event. */
    private String render(MessageKind kind, String languageCode, Map<String, ?> values, boolean test) {
        String text = templates.render(kind, languageCode, values);
        return test ? templates.render(MessageKind.TEST_MARKER, languageCode, Map.of()) + "\n\n" + text : text;
    }

    /** The text of {@code kind}, for a button label or an answer outside the outbox. */
    public String text(MessageKind kind, String languageCode, Map<String, ?> values) {
        return templates.render(kind, languageCode, values);
    }

    /** Queues {@code kind} for each operator chat in {@code ADMIN_CHAT_IDS}, in the default language. */
    public void toOperators(MessageKind kind, Map<String, ?> values, String dedupeKey) {
        toOperators(kind, values, null, dedupeKey, false);
    }

    /** As {@link #toOperators(MessageKind, Map, String)}, with buttons under the message. */
    public void toOperators(MessageKind kind, Map<String, ?> values, Keyboard keyboard, String dedupeKey) {
        toOperators(kind, values, keyboard, dedupeKey, false);
    }

    /** As {@link #toOperators(MessageKind, Map, String)}; a {@code test} message opens with the test marker. */
    public void toOperators(MessageKind kind, Map<String, ?> values, String dedupeKey, boolean test) {
        toOperators(kind, values, null, dedupeKey, test);
    }

    private void toOperators(MessageKind kind, Map<String, ?> values, Keyboard keyboard, String dedupeKey, boolean test) {
        String text = render(kind, null, values, test);
        for (long configuredChatId : properties.adminChatIds()) {
            queue(migrations.current(configuredChatId), kind, text, keyboard, dedupeKey + ":" + configuredChatId);
        }
    }
}
