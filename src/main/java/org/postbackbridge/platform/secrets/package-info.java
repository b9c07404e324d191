/** Comparing and hashing secrets (tokens, keys) without leaking them through timing, and their mask. */
@ApplicationModule(displayName = "Secrets", allowedDependencies = {})
package org.postbackbridge.platform.secrets;

import org.springframework.modulith.ApplicationModule;
