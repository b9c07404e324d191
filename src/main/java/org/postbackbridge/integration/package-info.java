/**
 * Bring your own bot: what lets another bot use postback-bridge as its postback engine. API keys
 * ({@code apikeys}) authenticate it on {@code /api/v1}, where the users API ({@code api}) registers
 * its users, hands out their links and takes their player-ID claims under the bot's claim policy;
 * the events feed (the {@code eventlog} module's, served here) tells every applied effect in order.
 *
 * <p>Other modules use only the types in this package: {@link ApiKeys} and {@link ApiKeyFilter}, for
 * the access rules.
 */
@ApplicationModule(displayName = "Integration",
        allowedDependencies = {"attribution", "eventlog", "platform::database", "platform::secrets", "platform::web", "users"})
package org.postbackbridge.integration;

import org.springframework.modulith.ApplicationModule;
