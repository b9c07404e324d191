/** The append-only {@code events} table (the events feed, deposits per user) and {@code Money}. */
@ApplicationModule(displayName = "Event log", allowedDependencies = {"database"})
package org.postbackbridge.eventlog;

import org.springframework.modulith.ApplicationModule;
