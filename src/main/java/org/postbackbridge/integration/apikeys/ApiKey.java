package org.postbackbridge.integration.apikeys;

import java.time.Instant;

/** An API key as the console lists it: never the key itself, only its first characters. */
public record ApiKey(long id, String name, ApiScope scope, String prefix, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
