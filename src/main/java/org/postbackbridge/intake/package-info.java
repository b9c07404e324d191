/**
 * {@code /postback/*}: one entry point ({@code PostbackIntake}), network profiles, authentication, parsing, storage
 * and ordering, each event's effects, the values of their messages.
 * The HTTP endpoint is in {@code web}.
 */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"attribution", "eventlog", "outbox", "platform",
        "platform::database", "platform::secrets", "platform::web", "texts", "users"})
package org.postbackbridge.intake;

import org.springframework.modulith.ApplicationModule;
