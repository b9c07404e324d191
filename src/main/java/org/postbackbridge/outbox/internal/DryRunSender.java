package org.postbackbridge.outbox.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.outbox.SendResult;

/** Without a bot token: each message is logged and recorded as {@code dry_run}, not sent. */
class DryRunSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(DryRunSender.class);

    @Override
    public SendResult send(OutboxMessage message) {
        log.info("DRY RUN message {} to chat {} [{}]: {}", message.id(), message.chatId(), message.kind(),
                message.text().replace('\n', ' '));
        return new SendResult.Recorded();
    }
}
