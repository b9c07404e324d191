/** The append-only {@code events} table: the events feed and deposits per user. */
@ApplicationModule(displayName = "Event log", allowedDependencies = {"platform", "platform::database"})
package org.postbackbridge.eventlog;

import org.springframework.modulith.ApplicationModule;
