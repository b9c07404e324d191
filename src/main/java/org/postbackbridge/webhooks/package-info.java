/**
 * Outgoing webhooks: every events-feed event, signed per the Standard Webhooks specification, POSTed
 * to each endpoint the operator configured (in the console or in configuration), in feed order, at
 * least once, through a durable per-endpoint queue. Also decides headless mode: no bot token, but
 * another bot takes the events.
 */
@ApplicationModule(displayName = "Webhooks",
        allowedDependencies = {"eventlog", "integration", "outbox", "platform", "platform::database"})
package org.postbackbridge.webhooks;

import org.springframework.modulith.ApplicationModule;
