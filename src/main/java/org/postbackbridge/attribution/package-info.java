/** Which Telegram user a player is: click tokens, the {@code players} table, claims and their policy. */
@ApplicationModule(displayName = "Attribution", allowedDependencies = {"database", "notify", "setup", "users"})
package org.postbackbridge.attribution;

import org.springframework.modulith.ApplicationModule;
