/** Which Telegram user a player is: click tokens, the {@code players} table, claims and their policy. */
@ApplicationModule(displayName = "Attribution", allowedDependencies = {"outbox", "platform", "platform::database", "setup", "telegram", "texts", "users"})
package org.postbackbridge.attribution;

import org.springframework.modulith.ApplicationModule;
