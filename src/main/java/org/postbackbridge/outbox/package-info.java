/** Texts, the Telegram client and the outbox with its dispatcher. */
@ApplicationModule(displayName = "Notify", allowedDependencies = {"database", "events", "secrets", "users"})
package org.postbackbridge.outbox;

import org.springframework.modulith.ApplicationModule;
