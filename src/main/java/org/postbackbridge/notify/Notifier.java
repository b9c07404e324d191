package org.postbackbridge.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.postbackbridge.users.BotUser;
import org.springframework.stereotype.Service;

/** Renders texts and queues them in the outbox for a user or for every operator chat. */
@Service
public class Notifier {

    private final Outbox outbox;
    private final MessageTemplates templates;
    private final NotifyProperties properties;
    private final Clock clock;

    Notifier(Outbox outbox, MessageTemplates templates, NotifyProperties properties, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues {@code kind} for the user once per {@code dedupeKey}. */
    public void toUser(BotUser user, MessageKind kind, Map<String, ?> values, String dedupeKey) {
        String text = templates.render(kind, user.language(), values);
        outbox.enqueue(user.telegramId(), kind.key(), text, null, dedupeKey + ":" + kind.key());
    }

    /** Queues {@code kind} for each operator chat in {@code ADMIN_CHAT_IDS}, in the default language. */
    public void toOperators(MessageKind kind, Map<String, ?> values, String dedupeKey) {
        for (long chatId : properties.adminChatIds()) {
            String text = templates.render(kind, null, values);
            outbox.enqueue(chatId, kind.key(), text, null, dedupeKey + ":" + kind.key() + ":" + chatId);
        }
    }

    /** True when a {@code kind} message was queued for this user within {@code interval}. */
    public boolean queuedWithin(BotUser user, MessageKind kind, Duration interval) {
        return outbox.lastEnqueued(user.telegramId(), kind.key())
                .map(last -> last.isAfter(clock.instant().minus(interval)))
                .orElse(false);
    }

    public Duration winMessageInterval() {
        return properties.winMessageInterval();
    }
}
