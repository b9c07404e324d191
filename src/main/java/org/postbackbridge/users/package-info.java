/** Bot users and their flags, the {@code users} table. */
@ApplicationModule(displayName = "Users", allowedDependencies = {})
package org.postbackbridge.users;

import org.springframework.modulith.ApplicationModule;
