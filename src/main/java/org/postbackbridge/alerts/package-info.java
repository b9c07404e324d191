/** Operator alerts: silence, registrations without deposits, dead messages, token guessing, cabinet macros. */
@ApplicationModule(displayName = "Alerts", allowedDependencies = {"console::auth", "console::queries", "intake",
        "outbox", "platform", "texts"})
package org.postbackbridge.alerts;

import org.springframework.modulith.ApplicationModule;
