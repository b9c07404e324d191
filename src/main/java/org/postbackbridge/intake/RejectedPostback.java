package org.postbackbridge.intake;

import java.util.List;
import java.util.Map;

/** A refused request as the log holds it: its parameters as stored (secrets masked) and why it was refused. */
record RejectedPostback(long id, String network, Map<String, String> params, String sourceAddress, String reason) {

    private static final List<String> AUTHENTICATION_ERRORS = List.of("invalid_token", "invalid_signature", "address_not_allowed");

    /** Refused because it did not prove it came from the network: replaying it takes the operator's word. */
    boolean refusedForAuthentication() {
        return reason != null && AUTHENTICATION_ERRORS.stream().anyMatch(error -> reason.startsWith(error + ":"));
    }
}
