/**
 * The operator's side: the console pages, reconciliation, the access rules ({@code auth}) and the
 * declared cross-module reads ({@code queries}), the one place that may name other modules' tables.
 */
@ApplicationModule(displayName = "Console", allowedDependencies = {"attribution", "eventlog", "integration", "intake",
        "outbox", "platform", "platform::database", "platform::secrets", "platform::web", "setup", "telegram", "texts",
        "users", "webhooks"})
package org.postbackbridge.console;

import org.springframework.modulith.ApplicationModule;
