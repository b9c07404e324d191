/** The setup checklist: each module contributes checks; the report runs them at start and for the console. */
@ApplicationModule(displayName = "Setup", allowedDependencies = {})
package org.postbackbridge.setup;

import org.springframework.modulith.ApplicationModule;
