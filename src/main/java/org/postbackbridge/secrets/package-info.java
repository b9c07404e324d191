/** Comparing and hashing secrets (tokens, keys) without leaking them through timing, and their mask. */
@ApplicationModule(displayName = "Secrets", allowedDependencies = {})
package org.postbackbridge.secrets;

import org.springframework.modulith.ApplicationModule;
