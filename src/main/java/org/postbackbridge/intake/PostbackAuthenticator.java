package org.postbackbridge.intake;

import inet.ipaddr.IPAddressString;
import java.util.Map;
import java.util.Optional;
import org.postbackbridge.platform.secrets.Secrets;

/**
 * Checks that a postback comes from the network: source address in the allowlist (403), shared
 * token (401), HMAC signature (401). Each check is skipped when its setting is empty.
 */
public final class PostbackAuthenticator {

    private PostbackAuthenticator() {
    }

    public static Optional<Rejection> check(NetworkProfile profile, Map<String, String> params, String signatureHeader,
                                     String sourceAddress) {
        if (!profile.ipAllowlist().isEmpty()
                && !allowed(profile, sourceAddress)) {
            return Optional.of(new Rejection(403, "address_not_allowed", null,
                    "postbacks from " + sourceAddress + " are not in this network's IP allowlist"));
        }
        return checkCredentials(profile, params, signatureHeader);
    }

    /** The token and signature checks alone, for a request whose address does not matter (the tester). */
    public static Optional<Rejection> checkCredentials(NetworkProfile profile, Map<String, String> params,
                                                String signatureHeader) {
        if (profile.requiresToken()
                && !Secrets.constantTimeEquals(profile.token(), params.get(profile.tokenParameter()))) {
            return Optional.of(new Rejection(401, "invalid_token", profile.tokenParameter(),
                    "the '" + profile.tokenParameter() + "' parameter is missing or wrong"));
        }
        if (profile.requiresSignature()) {
            String signature = params.getOrDefault(profile.signatureParameter(), signatureHeader);
            if (!PostbackSignature.verify(params, profile.signatureParameter(), profile.secretKey(), signature)) {
                return Optional.of(new Rejection(401, "invalid_signature", profile.signatureParameter(),
                        "the HMAC-SHA256 signature (parameter '" + profile.signatureParameter()
                                + "' or header X-Signature) is missing or does not match"));
            }
        }
        return Optional.empty();
    }

    /** Whether passing {@link #check} proves the sender is the network: it has at least one check to pass. */
    public static boolean provesSender(NetworkProfile profile) {
        return profile.requiresToken() || profile.requiresSignature() || !profile.ipAllowlist().isEmpty();
    }

    private static boolean allowed(NetworkProfile profile, String sourceAddress) {
        IPAddressString source = new IPAddressString(sourceAddress);
        return profile.ipAllowlist().stream().anyMatch(cidr -> new IPAddressString(cidr.trim()).contains(source));
    }
}
