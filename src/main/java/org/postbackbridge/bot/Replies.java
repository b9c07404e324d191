package org.postbackbridge.bot;

import java.util.Map;
import org.postbackbridge.telegram.Keyboard;
import org.postbackbridge.texts.MessageKind;
import org.postbackbridge.outbox.Notifier;

/** Answers go through the outbox like every message: same limits, same order, sent once. */
@BotComponent
class Replies {

    private final Notifier notifier;

    Replies(Notifier notifier) {
        this.notifier = notifier;
    }

    void send(Conversation conversation, MessageKind kind, Map<String, ?> values) {
        send(conversation, kind, values, null);
    }

    void send(Conversation conversation, MessageKind kind, Map<String, ?> values, Keyboard keyboard) {
        notifier.toChat(conversation.chatId(), conversation.language(), kind, values, keyboard, conversation.dedupeKey());
    }

    /** A button's label in the user's language. */
    String label(Conversation conversation, MessageKind kind) {
        return label(conversation.language(), kind);
    }

    String label(String languageCode, MessageKind kind) {
        return notifier.text(kind, languageCode, Map.of());
    }
}
