package org.postbackbridge.notify;

/** Sends one outbox message: to Telegram, or nowhere in dry-run. */
interface MessageSender {

    SendResult send(OutboxMessage message);
}
