/** The database: SQLite or PostgreSQL, group commit, health, the clock. */
@NamedInterface("database")
package org.postbackbridge.platform.database;

import org.springframework.modulith.NamedInterface;
