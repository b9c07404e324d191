/** Telegram updates: commands, the channel gate, premium access, claims, operator commands. */
@ApplicationModule(displayName = "Bot", allowedDependencies = {"attribution", "events", "notify", "setup", "users", "web"})
package org.postbackbridge.bot;

import org.springframework.modulith.ApplicationModule;
