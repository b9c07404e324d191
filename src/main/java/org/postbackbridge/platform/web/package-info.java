/** The HTTP layer shared by all: errors as JSON, Tomcat settings, request budgets. */
@ApplicationModule(displayName = "Web", allowedDependencies = {"database"})
package org.postbackbridge.platform.web;

import org.springframework.modulith.ApplicationModule;
