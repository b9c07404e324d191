/** Who may do what: the admin token, console sign-in and form tokens, the access rules. */
@NamedInterface("auth")
package org.postbackbridge.console.auth;

import org.springframework.modulith.NamedInterface;
