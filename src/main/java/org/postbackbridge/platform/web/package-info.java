/** The HTTP layer shared by all: errors as JSON, Tomcat settings, request budgets. */
@NamedInterface("web")
package org.postbackbridge.platform.web;

import org.springframework.modulith.NamedInterface;
