/** The Telegram Bot API as the outbox and the bot see it: settings, error answers, keyboards, chat migrations. */
@ApplicationModule(displayName = "Telegram", allowedDependencies = {"platform::database", "platform::secrets"})
package org.postbackbridge.telegram;

import org.springframework.modulith.ApplicationModule;
