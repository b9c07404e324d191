/** Comparing and hashing secrets (tokens, keys) without leaking them through timing, and their mask. */
@NamedInterface("secrets")
package org.postbackbridge.platform.secrets;

import org.springframework.modulith.NamedInterface;
