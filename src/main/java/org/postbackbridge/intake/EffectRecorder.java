package org.postbackbridge.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.postbackbridge.eventlog.EventLog;
import org.postbackbridge.outbox.Notifier;
import org.postbackbridge.texts.MessageKind;
import org.springframework.stereotype.Component;

/**
 * Where an effect leaves its traces: the event log, and the outbox under the postback's message key
 * (so a replay of its effects queues nothing twice). A quiet effect, applied late, only logs.
 */
@Component
class EffectRecorder {

    private final EventLog events;
    private final Notifier notifier;
    private final MessageValues values;

    EffectRecorder(EventLog events, Notifier notifier, MessageValues values) {
        this.events = events;
        this.notifier = notifier;
        this.values = values;
    }

    void log(Effect effect, Map<String, Object> extra) {
        events.log(effect.user().telegramId(), effect.event().type().logType(), details(effect.event(), extra),
                effect.testPostbackId());
    }

    void tellUser(Effect effect, MessageKind kind) {
        if (effect.tells()) {
            notifier.toUser(effect.user(), kind, values.forUser(effect.user(), effect.event()), effect.messageKey(),
                    effect.event().test());
        }
    }

    void tellOperators(Effect effect, MessageKind kind) {
        if (effect.tells()) {
            notifier.toOperators(kind, values.forOperators(effect.user(), effect.event()), effect.messageKey(),
                    effect.event().test());
        }
    }

    private static Map<String, Object> details(PostbackEvent event, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("casino_id", event.playerId());
        details.put("amount", event.money() == null ? null : event.money().amount());
        details.put("currency", event.money() == null ? null : event.money().currency());
        details.put("network", event.network());
        details.put("timestamp", event.eventTime().toString());
        if (event.transactionId() != null) {
            details.put("transaction_id", event.transactionId());
        }
        details.putAll(extra);
        return details;
    }
}
