/**
 * {@code /postback/*}: network profiles, authentication, parsing, storage and each event's effects.
 * The HTTP endpoint is in {@code web}.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"attribution", "eventlog", "outbox", "platform",
        "platform::database", "platform::secrets", "platform::web", "texts", "users"})
package org.postbackbridge.intake;

import org.springframework.modulith.ApplicationModule;
