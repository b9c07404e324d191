/** What the bot says: message kinds, the templates in each language, money and Telegram HTML formatting. */
@ApplicationModule(displayName = "Texts", allowedDependencies = {"eventlog", "platform"})
package org.postbackbridge.texts;

import org.springframework.modulith.ApplicationModule;
