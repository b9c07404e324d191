/** Reads across other modules' tables for the console and the alerts; the only code allowed to make them. */
@NamedInterface("queries")
package org.postbackbridge.console.queries;

import org.springframework.modulith.NamedInterface;
