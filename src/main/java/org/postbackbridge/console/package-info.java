/** The operator's side: access rules, the console, reconciliation, alerts and the admin API. */
@ApplicationModule(displayName = "Console", allowedDependencies = {"attribution", "events", "integration", "notify", "postback", "secrets", "setup", "users", "web"})
package org.postbackbridge.console;

import org.springframework.modulith.ApplicationModule;
