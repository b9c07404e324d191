/** The database: SQLite or PostgreSQL, group commit, health, the clock. */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package org.postbackbridge.platform.database;

import org.springframework.modulith.ApplicationModule;
