/** {@code /postback/*}: network profiles, authentication, parsing, storage and each event's effects. */
@ApplicationModule(displayName = "Intake", allowedDependencies = {"attribution", "database", "events", "notify", "secrets", "users", "web"})
package org.postbackbridge.intake;

import org.springframework.modulith.ApplicationModule;
