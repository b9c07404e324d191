package org.postbackbridge.outbox.internal;

import org.postbackbridge.outbox.OutboxMessage;
import org.postbackbridge.outbox.SendResult;

/** Sends one outbox message: to Telegram, or nowhere in dry-run. */
interface MessageSender {

    SendResult send(OutboxMessage message);

    /**
     * Called once before the first send. Connecting and loading the client takes long the first
     * time; paid during a burst, it would bunch the next requests together on arrival.
     */
    default void warmUp() {
    }
}
