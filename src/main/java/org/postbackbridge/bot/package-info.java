/** Telegram updates: commands, the channel gate, premium access, claims, operator commands. */
@ApplicationModule(displayName = "Bot", allowedDependencies = {"attribution", "eventlog", "outbox", "platform", "platform::web", "setup", "telegram",
        "texts", "users"})
package org.postbackbridge.bot;

import org.springframework.modulith.ApplicationModule;
