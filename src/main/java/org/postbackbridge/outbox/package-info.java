/**
 * The durable outbox: {@link Notifier} queues messages, the dispatcher in {@code internal} sends them
 * under Telegram's limits, on one instance at a time.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = {"platform", "platform::database", "telegram", "texts", "users"})
package org.postbackbridge.outbox;

import org.springframework.modulith.ApplicationModule;
