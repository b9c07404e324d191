package org.postbackbridge.notify;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox in the background; the request path never talks to Telegram. For now it
 * runs in dry-run only (sending through the Bot API is the next step): each message is logged and
 * marked {@code dry_run}, so the operator sees exactly what would have been sent.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;

    private final Outbox outbox;
    private final DispatchLeadership leadership;

    OutboxDispatcher(Outbox outbox, DispatchLeadership leadership) {
        this.outbox = outbox;
        this.leadership = leadership;
        log.warn("Telegram delivery runs in dry-run: messages are rendered, logged and recorded as 'dry_run', not sent");
    }

    @Scheduled(fixedDelayString = "${postback-bridge.notify.poll-interval-ms:200}")
    void dispatchDue() {
        if (!leadership.isLeader()) {
            return;
        }
        List<OutboxMessage> due = outbox.due(BATCH);
        for (OutboxMessage message : due) {
            log.info("DRY RUN message {} to chat {} [{}]: {}", message.id(), message.chatId(), message.kind(),
                    message.text().replace('\n', ' '));
        }
        outbox.markDone(due.stream().map(OutboxMessage::id).toList(), Outbox.DRY_RUN);
    }
}
